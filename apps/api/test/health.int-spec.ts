import request from 'supertest';
import { createTestApp, describeWithRedis, type TestApp } from './test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should report live without touching dependencies', async () => {
    await request(t.http).get('/api/health/live').expect(200, { status: 'ok' });
  });

  it('should report the database and the PostgreSQL queue backend ready', async () => {
    const response = await request(t.http).get('/api/health/ready').expect(200);
    expect(response.body.details.database.status).toBe('up');
    expect(response.body.details.queue).toMatchObject({ status: 'up', backend: 'postgres' });
  });

  it('should carry a request id on every response', async () => {
    const response = await request(t.http).get('/api/health/live').set('x-request-id', 'test-request-0001');
    expect(response.headers['x-request-id']).toBe('test-request-0001');
  });
});

describeWithRedis('GET /api/health on Redis', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'redis' });
  });
  afterAll(() => t.close());

  it('should report the Redis queue backend ready', async () => {
    const response = await request(t.http).get('/api/health/ready').expect(200);
    expect(response.body.details.queue).toMatchObject({ status: 'up', backend: 'redis' });
  });
});
