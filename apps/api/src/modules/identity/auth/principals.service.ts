import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { permissionsOf, seesWholeMarket } from '@tms/domain';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { AppError } from '../../../common/errors/app-error';
import { WHOLE_MARKET, type Principal } from '../../../common/http/request-context';
import { ApiKeyEntity } from '../api-key.entity';
import { RefreshSessionEntity } from '../refresh-session.entity';
import { UserEntity } from '../user.entity';
import { API_KEY_PATTERN, sameHash, sha256 } from './tokens';

export interface AccessTokenPayload {
  sub: number;
  sid: string;
  iat?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Turns a bearer token or an API key into the principal a request acts as. */
@Injectable()
export class PrincipalsService {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(ApiKeyEntity) private readonly apiKeys: Repository<ApiKeyEntity>,
    @InjectRepository(RefreshSessionEntity) private readonly sessions: Repository<RefreshSessionEntity>,
  ) {}

  principalOf(user: UserEntity, sessionId: string | null): Principal {
    return {
      kind: 'user',
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
      scope: seesWholeMarket(user.roles)
        ? WHOLE_MARKET
        : {
            all: false,
            districtIds: user.roles.includes('district_manager') ? user.districtIds : [],
            accountManagerIds:
              user.roles.includes('account_manager') && user.accountManagerId ? [user.accountManagerId] : [],
          },
      sessionId,
      mustChangePassword: user.mustChangePassword,
    };
  }

  async fromAccessToken(token: string): Promise<Principal> {
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new AppError(
        'UNAUTHENTICATED',
        expired ? 'The access token has expired' : 'The access token is not valid',
        {
          reason: expired ? 'expired' : 'invalid',
        },
      );
    }
    // The session is looked up on every request (one indexed read, beside the user's): a token whose session
    // was signed out, revoked or ended by a refresh-token replay is dead at once, not when it expires.
    const [user, sessionLive] = await Promise.all([
      this.users.findOneBy({ id: payload.sub }),
      typeof payload.sid === 'string' && UUID.test(payload.sid)
        ? this.sessions.existsBy({
            id: payload.sid,
            userId: payload.sub,
            revokedAt: IsNull(),
            expiresAt: MoreThan(new Date()),
          })
        : Promise.resolve(false),
    ]);
    // A token issued before a password reset or a disable is dead, whatever its expiry says.
    if (
      !user ||
      !user.active ||
      !sessionLive ||
      (payload.iat ?? 0) < Math.floor(user.tokensValidAfter.getTime() / 1000)
    ) {
      throw new AppError('UNAUTHENTICATED', 'The access token is no longer valid', { reason: 'revoked' });
    }
    return this.principalOf(user, payload.sid);
  }

  async fromApiKey(key: string): Promise<Principal> {
    const match = API_KEY_PATTERN.exec(key);
    const found = match ? await this.apiKeys.findOneBy({ prefix: match[1] }) : null;
    if (!match || !found || !sameHash(found.secretHash, sha256(match[2]))) {
      throw new AppError('UNAUTHENTICATED', 'The API key is not valid', { reason: 'invalid' });
    }
    if (found.revokedAt)
      throw new AppError('UNAUTHENTICATED', 'The API key was revoked', { reason: 'revoked' });
    if (found.expiresAt.getTime() <= Date.now()) {
      throw new AppError('UNAUTHENTICATED', 'The API key has expired', { reason: 'expired' });
    }
    if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
      await this.apiKeys.update({ id: found.id }, { lastUsedAt: new Date() });
    }
    return {
      kind: 'api_key',
      id: found.id,
      manufacturerId: found.manufacturerId,
      name: found.name,
      permissions: new Set(['partner:read']),
    };
  }
}
