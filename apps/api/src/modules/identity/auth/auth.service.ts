import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Environment } from '../../../config/environment';
import { AppError } from '../../../common/errors/app-error';
import { RefreshSessionEntity } from '../refresh-session.entity';
import { UserEntity } from '../user.entity';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords';
import { randomToken, sha256 } from './tokens';

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: UserEntity;
}

const INVALID_CREDENTIALS = 'The username or password is wrong';
/** How long a just-rotated refresh token is still accepted. */
const REFRESH_GRACE_SECONDS = 10;

@Injectable()
export class AuthService {
  /** Verifying against this when the user does not exist keeps the answer time the same. */
  private readonly dummyHash = hashPassword(randomToken(16));

  constructor(
    private readonly jwt: JwtService,
    private readonly env: Environment,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(RefreshSessionEntity) private readonly sessions: Repository<RefreshSessionEntity>,
  ) {}

  async login(username: string, password: string): Promise<IssuedTokens> {
    const user = await this.users.findOneBy({ username: username.toLowerCase() });
    if (!user) {
      await verifyPassword(await this.dummyHash, password);
      throw new AppError('UNAUTHENTICATED', INVALID_CREDENTIALS, { reason: 'credentials' });
    }
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      throw new AppError(
        'UNAUTHENTICATED',
        `Too many failed sign-ins: the account is locked until ${user.lockedUntil.toISOString()}`,
        {
          reason: 'locked',
          lockedUntil: user.lockedUntil,
        },
      );
    }
    const valid = await verifyPassword(user.passwordHash, password);
    if (!valid || !user.active) {
      if (!valid) await this.recordFailure(user);
      throw new AppError('UNAUTHENTICATED', user.active ? INVALID_CREDENTIALS : 'This account is disabled', {
        reason: user.active ? 'credentials' : 'disabled',
      });
    }
    // Raw SQL: sign-in bookkeeping must not bump the record's version (an admin's edit would go stale).
    if (user.failedLogins || user.lockedUntil) {
      await this.users.query('UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1', [
        user.id,
      ]);
    }
    return this.openSession(user);
  }

  /** Counts the failure in one statement (concurrent wrong guesses all count) and locks at the limit. */
  private async recordFailure(user: UserEntity): Promise<void> {
    await this.users.query(
      `UPDATE app_user SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1`,
      [user.id, this.env.LOGIN_MAX_FAILURES, this.env.LOGIN_LOCK_MINUTES],
    );
  }

  private async openSession(user: UserEntity): Promise<IssuedTokens> {
    const refreshToken = randomToken();
    const refreshExpiresAt = new Date(Date.now() + this.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const session = await this.sessions.save(
      this.sessions.create({ userId: user.id, tokenHash: sha256(refreshToken), expiresAt: refreshExpiresAt }),
    );
    return this.issue(user, session.id, refreshToken, refreshExpiresAt);
  }

  private async issue(
    user: UserEntity,
    sessionId: string,
    refreshToken: string,
    refreshExpiresAt: Date,
  ): Promise<IssuedTokens> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid: sessionId });
    return {
      accessToken,
      expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS,
      refreshToken,
      refreshExpiresAt,
      user,
    };
  }

  /**
   * Rotates the refresh token. A token used again after the grace period means it was copied: the whole
   * session ends. Within the grace period (a page reloaded twice, two requests racing) the previous token
   * still rotates the session.
   */
  async refresh(refreshToken: string | undefined): Promise<IssuedTokens> {
    if (!refreshToken) throw new AppError('UNAUTHENTICATED', 'No session: sign in', { reason: 'no-session' });
    const hash = sha256(refreshToken);
    let session = await this.sessions.findOneBy({ tokenHash: hash, revokedAt: IsNull() });
    if (!session) {
      const previous = await this.sessions.findOneBy({ previousTokenHash: hash, revokedAt: IsNull() });
      const withinGrace =
        previous?.rotatedAt && Date.now() - previous.rotatedAt.getTime() < REFRESH_GRACE_SECONDS * 1000;
      if (previous && !withinGrace)
        await this.sessions.update({ id: previous.id }, { revokedAt: new Date() });
      if (!previous || !withinGrace) {
        throw new AppError('UNAUTHENTICATED', 'The session has ended: sign in again', { reason: 'session' });
      }
      session = previous;
    }
    const user = await this.users.findOneBy({ id: session.userId });
    if (session.expiresAt.getTime() <= Date.now() || !user || !user.active) {
      await this.sessions.update({ id: session.id }, { revokedAt: new Date() });
      throw new AppError('UNAUTHENTICATED', 'The session has ended: sign in again', { reason: 'session' });
    }
    const next = randomToken();
    const rotated = await this.sessions.update(
      { id: session.id, tokenHash: session.tokenHash },
      { tokenHash: sha256(next), previousTokenHash: session.tokenHash, rotatedAt: new Date() },
    );
    if (rotated.affected === 0) throw new AppError('UNAUTHENTICATED', 'The session has ended: sign in again');
    return this.issue(user, session.id, next, session.expiresAt);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    await this.sessions.update({ tokenHash: sha256(refreshToken) }, { revokedAt: new Date() });
  }

  async changePassword(userId: number, current: string, next: string): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: userId });
    if (!(await verifyPassword(user.passwordHash, current))) {
      throw new AppError('UNAUTHENTICATED', 'The current password is wrong', { reason: 'credentials' });
    }
    assertPasswordPolicy(next, user.username, 'newPassword');
    await this.users.update(
      { id: userId },
      { passwordHash: await hashPassword(next), mustChangePassword: false, tokensValidAfter: new Date() },
    );
    await this.sessions.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
