import Redis from 'ioredis';
import request from 'supertest';
import { RedisThrottlerStorage } from '../src/common/http/rate-limit.storage';
import { ApiKeysService } from '../src/modules/identity/api-keys/api-keys.service';
import { seedRegister } from './fixtures';
import { createTestApp, describeWithRedis, redisUrl, type TestApp } from './test-app';

const LIMITS = { PARTNER_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '5' };

/** The same behaviour whichever storage counts: per principal, 429 with Retry-After, health exempt. */
function rateLimitCases(queueBackend: 'postgres' | 'redis') {
  let t: TestApp;
  let keys: string[];

  beforeAll(async () => {
    t = await createTestApp({ queueBackend, environment: LIMITS });
    await seedRegister(t.db);
    const [{ id }] = await t.db.query(`SELECT id FROM manufacturer WHERE code = 'M01'`);
    const apiKeys = t.app.get(ApiKeysService);
    keys = [
      (await apiKeys.create(id, { name: 'one' }, 'test')).key,
      (await apiKeys.create(id, { name: 'two' }, 'test')).key,
    ];
  });
  afterAll(() => t.close());

  it('should count a GraphQL request once and refuse the key over its limit with 429 and Retry-After', async () => {
    const send = () =>
      request(t.raw)
        .post('/graphql')
        .set('x-api-key', keys[0])
        .send({ query: '{ a: partnerBrands { code } b: partnerBrands { code } }' });
    const first = await send();
    expect(first.status).toBe(200);
    expect(first.body.data.a).toHaveLength(2);
    // Two resolvers ran, one request was counted.
    expect(first.headers['x-ratelimit-limit']).toBe('3');
    expect(first.headers['x-ratelimit-remaining']).toBe('2');
    await send().expect(200);
    await send().expect(200);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      details: { limit: 3, retryAfterSeconds: expect.any(Number) },
    });
    expect(refused.body.data).toEqual({ a: null, b: null });
    // The budget is the key's, over REST too.
    const rest = await request(t.raw).get('/api/customers').set('x-api-key', keys[0]);
    expect(rest.status).toBe(429);
    expect(rest.headers['retry-after']).toBeDefined();
    expect(rest.body).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/3 per minute/) });
    // Another key of the same manufacturer has its own budget.
    await request(t.raw)
      .post('/graphql')
      .set('x-api-key', keys[1])
      .send({ query: '{ partnerBrands { code } }' })
      .expect(200);
  });

  it('should limit each staff user by their own budget (RATE_LIMIT_PER_MINUTE)', async () => {
    const token = await t.tokenFor(['leader']);
    for (let i = 0; i < 5; i += 1) {
      await request(t.raw).get('/api/customers').set('authorization', `Bearer ${token}`).expect(200);
    }
    const refused = await request(t.raw).get('/api/customers').set('authorization', `Bearer ${token}`);
    expect([refused.status, refused.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The administrator is someone else.
    await request(t.http).get('/api/customers').expect(200);
  });

  it('should count anonymous and bad-credential requests by address, and never limit health checks', async () => {
    for (let i = 0; i < 5; i += 1) {
      const response = await request(t.raw).get('/api/customers').set('x-api-key', 'tms_guess_wrong');
      expect(response.status).toBe(401);
    }
    const refused = await request(t.raw).get('/api/customers');
    expect([refused.status, refused.body.code]).toEqual([429, 'RATE_LIMITED']);
    for (let i = 0; i < 12; i += 1) await request(t.raw).get('/api/health/live').expect(200);
  });

  return () => t;
}

describe('Rate limits (memory storage)', () => {
  rateLimitCases('postgres');
});

describeWithRedis('Rate limits (Redis storage)', () => {
  const app = rateLimitCases('redis');

  it('should keep the counters in Redis under the deployment prefix', async () => {
    const t = app();
    const redis = new Redis(redisUrl!);
    try {
      const counters = await redis.keys(`${t.env.QUEUE_PREFIX}:ratelimit:*`);
      expect(counters.length).toBeGreaterThan(0);
      expect(counters.every((key) => /:(hits|block)$/.test(key))).toBe(true);
    } finally {
      redis.disconnect();
    }
  });

  it('should count atomically across processes sharing Redis', async () => {
    const prefix = `t${Date.now().toString(36)}`;
    const [one, two] = [
      new RedisThrottlerStorage(redisUrl!, prefix),
      new RedisThrottlerStorage(redisUrl!, prefix),
    ];
    try {
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? one : two).increment('key:1', 60_000, 30, 60_000, 'default'),
        ),
      );
      expect(results.map((result) => result.totalHits).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      expect(results.filter((result) => result.isBlocked)).toHaveLength(10);
      expect(results.every((result) => result.timeToExpire > 0 && result.timeToExpire <= 60)).toBe(true);
      const after = await one.increment('key:1', 60_000, 30, 60_000, 'default');
      expect(after).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    } finally {
      await one.onApplicationShutdown();
      await two.onApplicationShutdown();
    }
  });
});
