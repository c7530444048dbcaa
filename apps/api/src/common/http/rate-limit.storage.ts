import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One fixed window per key, counted and blocked atomically in one Lua script, so several API processes
 * (a province runs several) share one count without a read-modify-write race:
 *   hits = INCR key; a new window gets PEXPIRE ttl; over the limit, a block key lives for blockDuration.
 * KEYS[1] counts hits, KEYS[2] marks a block; both share a {hash tag} so the script also runs on a cluster.
 * Returns hits, ms until the window ends, blocked (0/1), ms until the block ends.
 */
const INCREMENT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return { hits, ttl, 1, blocked }
end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return { hits, ttl, 1, tonumber(ARGV[3]) }
end
return { hits, ttl, 0, 0 }
`;

/**
 * Rate-limit counters in Redis, for deployments with several API processes. Ours rather than the community
 * `@nest-lab/throttler-storage-redis`, which does not support Nest 12: the contract is one method and the
 * atomic part is the script above.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly logger = new Logger('RateLimit');

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    // Fail fast rather than queue requests behind a dead connection: when Redis cannot answer, the request is
    // let through (and logged), so an outage of Redis does not take the API down with it.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1 });
    this.redis.on('error', (error: Error) => this.logger.warn({ err: error }, 'Rate-limit Redis error'));
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:ratelimit:{${throttlerName}:${key}}`;
    let reply: [number, number, number, number];
    try {
      reply = (await this.redis.eval(
        INCREMENT_SCRIPT,
        2,
        `${base}:hits`,
        `${base}:block`,
        String(Math.max(1, Math.round(ttl))),
        String(limit),
        String(Math.max(1, Math.round(blockDuration))),
      )) as [number, number, number, number];
    } catch (error) {
      this.logger.warn({ err: error }, 'Rate limit not counted: Redis did not answer');
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
    const [hits, windowMs, blocked, blockMs] = reply;
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(windowMs / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(blockMs / 1000),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
