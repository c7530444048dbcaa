import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository, type EntityManager } from 'typeorm';
import { Environment } from '../../../config/environment';
import { AppError } from '../../../common/errors/app-error';
import { recordAudit } from '../../audit/audit-writer';
import { RefreshSessionEntity } from '../refresh-session.entity';
import { UserEntity } from '../user.entity';
import { LoginThrottle } from './login-throttle';
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
const SESSION_ENDED = 'The session has ended: sign in again';
/** How long a just-rotated refresh token is still accepted. */
const REFRESH_GRACE_SECONDS = 10;

@Injectable()
export class AuthService {
  /** Verifying against this when the user does not exist keeps the answer time the same. */
  private readonly dummyHash = hashPassword(randomToken(16));

  constructor(
    private readonly jwt: JwtService,
    private readonly env: Environment,
    private readonly throttle: LoginThrottle,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(RefreshSessionEntity) private readonly sessions: Repository<RefreshSessionEntity>,
  ) {}

  /**
   * Signs in. A throttled username or address is refused (429) before the password is checked, whether the
   * username exists or not; a wrong password counts against both.
   */
  async login(username: string, password: string, address?: string): Promise<IssuedTokens> {
    const attempt = { username, address };
    await this.throttle.assertAllowed(attempt);
    const user = await this.users.findOneBy({ username: username.toLowerCase() });
    if (!user) {
      await verifyPassword(await this.dummyHash, password);
      await this.throttle.recordFailure(attempt);
      throw new AppError('UNAUTHENTICATED', INVALID_CREDENTIALS, { reason: 'credentials' });
    }
    const valid = await verifyPassword(user.passwordHash, password);
    if (!valid) {
      await this.throttle.recordFailure(attempt);
      throw new AppError('UNAUTHENTICATED', INVALID_CREDENTIALS, { reason: 'credentials' });
    }
    await this.throttle.recordSuccess(attempt);
    if (!user.active) {
      throw new AppError('UNAUTHENTICATED', 'This account is disabled', { reason: 'disabled' });
    }
    return this.openSession(user);
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
   * Rotates the refresh token. Every token a session has retired is kept (its family): presenting any of
   * them again means it was copied, and the whole session ends — its refresh token and its access tokens
   * (OAuth 2.0 Security BCP, refresh token rotation). Only the token retired last, within a few seconds of
   * its rotation (a page reloaded twice, two requests racing), still rotates the session.
   */
  async refresh(refreshToken: string | undefined): Promise<IssuedTokens> {
    if (!refreshToken) throw new AppError('UNAUTHENTICATED', 'No session: sign in', { reason: 'no-session' });
    const hash = sha256(refreshToken);
    let session = await this.sessions.findOneBy({ tokenHash: hash, revokedAt: IsNull() });
    if (!session) {
      const family = await this.sessions
        .createQueryBuilder('s')
        .where(
          '(s.previous_token_hash = :hash OR s.id IN (SELECT session_id FROM refresh_token_retired WHERE token_hash = :hash))',
          { hash },
        )
        .getOne();
      if (!family || family.revokedAt) {
        throw new AppError('UNAUTHENTICATED', SESSION_ENDED, { reason: 'session' });
      }
      const withinGrace =
        family.previousTokenHash === hash &&
        !!family.rotatedAt &&
        Date.now() - family.rotatedAt.getTime() < REFRESH_GRACE_SECONDS * 1000;
      if (!withinGrace) {
        await this.revokeSession(family, 'revoke', 'A retired refresh token was presented again');
        throw new AppError('UNAUTHENTICATED', SESSION_ENDED, { reason: 'session' });
      }
      session = family;
    }
    const user = await this.users.findOneBy({ id: session.userId });
    if (session.expiresAt.getTime() <= Date.now() || !user || !user.active) {
      await this.sessions.update({ id: session.id }, { revokedAt: new Date() });
      throw new AppError('UNAUTHENTICATED', SESSION_ENDED, { reason: 'session' });
    }
    const current = session;
    const next = randomToken();
    const rotated = await this.sessions.manager.transaction(async (tx) => {
      const result = await tx.update(
        RefreshSessionEntity,
        { id: current.id, tokenHash: current.tokenHash, revokedAt: IsNull() },
        { tokenHash: sha256(next), previousTokenHash: current.tokenHash, rotatedAt: new Date() },
      );
      if (!result.affected) return false;
      await tx.query(
        `INSERT INTO refresh_token_retired (token_hash, session_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [current.tokenHash, current.id],
      );
      return true;
    });
    if (!rotated) throw new AppError('UNAUTHENTICATED', SESSION_ENDED, { reason: 'session' });
    return this.issue(user, current.id, next, current.expiresAt);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const session = await this.sessions.findOneBy({ tokenHash: sha256(refreshToken), revokedAt: IsNull() });
    if (session) await this.revokeSession(session, 'sign_out', null);
  }

  /** Ends one session (its refresh token and, through the sid check, its access tokens), audited. */
  private async revokeSession(
    session: RefreshSessionEntity,
    action: 'sign_out' | 'revoke',
    reason: string | null,
  ): Promise<void> {
    await this.sessions.manager.transaction(async (tx: EntityManager) => {
      const result = await tx.update(
        RefreshSessionEntity,
        { id: session.id, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      if (!result.affected) return;
      await recordAudit(tx, {
        action,
        entity: 'session',
        entityId: session.id,
        after: { userId: session.userId, revoked: true },
        reason,
      });
    });
  }

  /** A wrong current password counts in the sign-in throttle, so this is no way around it. */
  async changePassword(userId: number, current: string, next: string, address?: string): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: userId });
    const attempt = { username: user.username, address };
    await this.throttle.assertAllowed(attempt);
    if (!(await verifyPassword(user.passwordHash, current))) {
      await this.throttle.recordFailure(attempt);
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
