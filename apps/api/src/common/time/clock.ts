/**
 * The time the product reasons about (which month is current, which months are over). Injected rather than
 * read from `new Date()` so tests can fix the calendar: a suite must not start failing when a month ends.
 * Durations that only measure elapsed time (token lifetimes, throttles) may keep using the system clock.
 */
export abstract class Clock {
  abstract now(): Date;

  /** `YYYY-MM` of now in an IANA time zone. */
  month(timeZone: string): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
      .format(this.now())
      .slice(0, 7);
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock stopped at one instant, which a test may move. */
export class FixedClock extends Clock {
  private at = 0;

  constructor(at: Date | string) {
    super();
    this.set(at);
  }

  set(at: Date | string): void {
    const time = new Date(at).getTime();
    if (Number.isNaN(time)) throw new Error(`Not a date: ${String(at)}`);
    this.at = time;
  }

  now(): Date {
    return new Date(this.at);
  }
}
