import { Module, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  getOptionsToken,
  getStorageToken,
  ThrottlerStorageService,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { Environment } from '../../config/environment';
import { requestOf } from '../../modules/identity/auth/access.decorators';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisThrottlerStorage } from './rate-limit.storage';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * Rate limits (@nestjs/throttler) as a global guard: RATE_LIMIT_PER_MINUTE for staff and anonymous callers,
 * PARTNER_RATE_LIMIT_PER_MINUTE for manufacturers' API keys. Counters live in Redis when REDIS_URL is set
 * (shared by every API process), in memory otherwise (the embedded single-process mode).
 */
@Module({
  providers: [
    {
      provide: getOptionsToken(),
      inject: [Environment],
      useFactory: (env: Environment): ThrottlerModuleOptions => ({
        throttlers: [
          {
            name: 'default',
            ttl: RATE_LIMIT_WINDOW_MS,
            limit: (context: ExecutionContext) =>
              requestOf(context).principal?.kind === 'api_key'
                ? env.PARTNER_RATE_LIMIT_PER_MINUTE
                : env.RATE_LIMIT_PER_MINUTE,
          },
        ],
      }),
    },
    {
      provide: getStorageToken(),
      inject: [Environment],
      useFactory: (env: Environment): ThrottlerStorage =>
        env.REDIS_URL
          ? new RedisThrottlerStorage(env.REDIS_URL, env.QUEUE_PREFIX)
          : new ThrottlerStorageService(),
    },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
})
export class RateLimitModule {}
