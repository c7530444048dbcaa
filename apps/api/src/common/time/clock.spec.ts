import { FixedClock } from './clock';

describe('Clock', () => {
  it('should tell the month in the given time zone, not in UTC', () => {
    const clock = new FixedClock('2026-11-30T17:30:00Z');
    expect(clock.month('UTC')).toBe('2026-11');
    expect(clock.month('Asia/Shanghai')).toBe('2026-12');
  });

  it('should stay where it is set', () => {
    const clock = new FixedClock('2026-11-16T04:00:00Z');
    clock.set('2027-02-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2027-02-01T00:00:00.000Z');
    expect(clock.now()).toEqual(clock.now());
  });

  it('should refuse an instant that is not a date', () => {
    expect(() => new FixedClock('2026-13-01')).toThrow('Not a date');
  });
});
