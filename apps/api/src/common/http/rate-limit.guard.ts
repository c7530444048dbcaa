import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  normalizeIp,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request } from 'express';
import { HealthController } from '../../health/health.controller';
import { requestOf } from '../../modules/identity/auth/access.decorators';
import { PrincipalsService } from '../../modules/identity/auth/principals.service';
import { AppError } from '../errors/app-error';
import type { Principal } from './request-context';

/** Routes never limited: a load balancer's health checks must not be refused. */
const EXEMPT_CONTROLLERS: ReadonlySet<unknown> = new Set([HealthController]);

const RATE_LIMIT_CHECK = Symbol('rate-limit-check');

type LimitedRequest = Request & { principal?: Principal; [RATE_LIMIT_CHECK]?: Promise<void> };

/** Whose budget a request spends: the user's, the API key's, or (anonymous) the caller's address. */
export function rateLimitTracker(request: { principal?: Principal; ip?: string }): string {
  const principal = request.principal;
  if (principal?.kind === 'user') return `user:${principal.id}`;
  if (principal?.kind === 'api_key') return `key:${principal.id}`;
  if (principal?.kind === 'system') return `system:${principal.name}`;
  return `ip:${normalizeIp(request.ip ?? 'unknown', 56)}`;
}

/**
 * The principal of a request from its bearer token or API key, as the AccessGuard resolves it (and left on the
 * request so the AccessGuard reuses it); undefined when the request has no valid credentials.
 */
export async function resolvePrincipalQuietly(
  principals: PrincipalsService,
  request: Request & { principal?: Principal },
): Promise<Principal | undefined> {
  if (request.principal) return request.principal;
  const authorization = request.headers.authorization;
  const apiKey = request.headers['x-api-key'];
  try {
    if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
      request.principal = await principals.fromAccessToken(authorization.slice(7).trim());
    } else if (typeof apiKey === 'string' && apiKey) {
      request.principal = await principals.fromApiKey(apiKey);
    }
  } catch {
    // Not signed in: the AccessGuard answers 401 with the reason.
  }
  return request.principal;
}

/**
 * Requests per minute per principal, for REST and GraphQL. It does not depend on running after the
 * AccessGuard: it resolves the principal itself through the same PrincipalsService (and leaves it on the
 * request, so the AccessGuard does not resolve it twice). A request with bad credentials is counted against
 * its address, so guessing keys is limited too; the AccessGuard then answers 401.
 *
 * GraphQL runs guards for every resolver and field resolver of one HTTP request; the request is counted once
 * (the first check's promise is kept on the request and every later resolver shares its outcome).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly principals: PrincipalsService,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (EXEMPT_CONTROLLERS.has(context.getClass())) return true;
    const request = requestOf(context) as LimitedRequest;
    // Set before any await, so resolvers started in parallel share this one check.
    request[RATE_LIMIT_CHECK] ??= this.check(context, request);
    await request[RATE_LIMIT_CHECK];
    return true;
  }

  private async check(context: ExecutionContext, request: LimitedRequest): Promise<void> {
    // Without valid credentials the request is counted against its address.
    await resolvePrincipalQuietly(this.principals, request);
    await super.canActivate(context);
  }

  /** GraphQL has no HTTP context of its own: its request is Express's, and the response hangs off it. */
  protected override getRequestResponse(
    context: ExecutionContext,
  ): ReturnType<ThrottlerGuard['getRequestResponse']> {
    const req = requestOf(context);
    return { req, res: req.res! };
  }

  protected override getTracker(req: Parameters<ThrottlerGuard['getTracker']>[0]): Promise<string> {
    return Promise.resolve(rateLimitTracker(req as LimitedRequest));
  }

  /** One budget per principal across every route (the library's default is one per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfterSeconds = Math.max(1, detail.timeToBlockExpire);
    throw new AppError(
      'RATE_LIMITED',
      `Too many requests: the limit is ${detail.limit} per minute; retry in ${retryAfterSeconds} s`,
      { limit: detail.limit, retryAfterSeconds },
    );
  }
}
