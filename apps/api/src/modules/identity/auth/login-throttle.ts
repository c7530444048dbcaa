import { Injectable } from '@nestjs/common';
import { normalizeIp } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { Environment } from '../../../config/environment';
import { AppError } from '../../../common/errors/app-error';
import { sha256 } from './tokens';

/** The first wait once the free failures are used up; each further failure doubles it, up to the cap. */
const FIRST_WAIT_SECONDS = 5;
/** Failures older than this are forgotten: the count starts again. */
const FORGET_AFTER_MS = 24 * 3_600_000;

/** Who is guessing: a username (known or not, alike) and an address. */
export interface Attempt {
  username: string;
  address: string | undefined;
}

/**
 * Slows password guessing without locking anyone out: after a number of failures for one username (or one
 * address), the next attempt must wait, for a time that doubles with each further failure (capped). A
 * throttled attempt is refused before the password is checked, with the same answer whether the username
 * exists or not, so the throttle neither tells which usernames exist nor lets anyone lock an account for long.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly db: DataSource,
    private readonly env: Environment,
  ) {}

  private keys(attempt: Attempt): Array<{ key: string; limit: number }> {
    return [
      { key: `user:${sha256(attempt.username.toLowerCase())}`, limit: this.env.LOGIN_MAX_FAILURES },
      {
        key: `addr:${normalizeIp(attempt.address ?? 'unknown', 56)}`,
        limit: this.env.LOGIN_MAX_FAILURES_PER_ADDRESS,
      },
    ];
  }

  /** Refuses with 429 and the seconds to wait while the username or the address is throttled. */
  async assertAllowed(attempt: Attempt): Promise<void> {
    const now = Date.now();
    const rows: Array<{ until: Date | null }> = await this.db.query(
      `SELECT max(blocked_until) AS until FROM login_throttle WHERE key = ANY($1) AND blocked_until > $2`,
      [this.keys(attempt).map(({ key }) => key), new Date(now)],
    );
    const until = rows[0]?.until;
    if (!until) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((new Date(until).getTime() - now) / 1000));
    throw new AppError('RATE_LIMITED', `Too many failed sign-ins: retry in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }

  /** Counts a wrong password for the username and the address (one statement each: concurrent guesses all count). */
  async recordFailure(attempt: Attempt): Promise<void> {
    const now = new Date(Date.now());
    const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
    for (const { key, limit } of this.keys(attempt)) {
      await this.db.query(
        `INSERT INTO login_throttle AS t (key, failures, blocked_until, last_failure_at)
         VALUES ($1, 1, CASE WHEN 1 >= $3 THEN $2::timestamptz + make_interval(secs => $4) END, $2)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN t.last_failure_at < $6 THEN 1 ELSE t.failures + 1 END,
           last_failure_at = $2,
           blocked_until = CASE
             WHEN (CASE WHEN t.last_failure_at < $6 THEN 1 ELSE t.failures + 1 END) >= $3
             THEN $2::timestamptz + make_interval(secs => least($5::float8,
               $4::float8 * power(2, least(30, (CASE WHEN t.last_failure_at < $6 THEN 1 ELSE t.failures + 1 END) - $3))))
           END`,
        [key, now, limit, FIRST_WAIT_SECONDS, this.env.LOGIN_LOCK_MINUTES * 60, forgetBefore],
      );
    }
  }

  /** A right password clears the username's count (the address keeps its own). */
  async recordSuccess(attempt: Attempt): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE key = $1`, [this.keys(attempt)[0].key]);
  }
}
