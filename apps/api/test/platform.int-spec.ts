import request from 'supertest';
import { createTestApp, type TestApp } from './test-app';

describe('The API platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should have a schema built by the migrations that matches the entities exactly', async () => {
    const pending = await t.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('should describe the REST API with OpenAPI at /api/docs', async () => {
    const { body } = await request(t.http).get('/api/docs/openapi.json').expect(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/customers', '/api/customers/{id}']),
    );
    await request(t.http).get('/api/docs').expect(200);
  });

  it('should serve the queue dashboard under /admin/queues', async () => {
    const response = await request(t.http).get('/admin/queues').expect(200);
    expect(response.text).toContain('<html');
    const { body } = await request(t.http).get('/admin/queues/api/queues').expect(200);
    const names = body.queues.map((queue: { name: string }) => queue.name);
    expect(names).toEqual(expect.arrayContaining(['imports', 'forecasting']));
  });

  it('should answer an unknown route with the error shape', async () => {
    const { body } = await request(t.http).get('/api/no-such-thing').expect(404);
    expect(body).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
  });

  it('should refuse malformed JSON with a 400 in the error shape', async () => {
    const { body } = await request(t.http)
      .post('/api/customers')
      .set('content-type', 'application/json')
      .send('{"licenceNo": ')
      .expect(400);
    expect(body.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js|SyntaxError/);
  });

  it('should refuse a body over the size limit with 413', async () => {
    const { body } = await request(t.http)
      .post('/api/customers')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ shopName: 'x'.repeat(2 * 1024 * 1024) }))
      .expect(413);
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('should send security headers', async () => {
    const response = await request(t.http).get('/api/health/live').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('should answer GraphQL syntax errors with a BAD_REQUEST code and no stack', async () => {
    const { body } = await request(t.http).post('/graphql').send({ query: '{ customers( }' });
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].extensions.stacktrace).toBeUndefined();
  });
});

describe('CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ environment: { CORS_ORIGINS: 'https://marketing.example.cn' } });
  });
  afterAll(() => t.close());

  it('should allow only the configured origins, with credentials', async () => {
    const allowed = await request(t.raw)
      .options('/api/customers')
      .set('origin', 'https://marketing.example.cn')
      .set('access-control-request-method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://marketing.example.cn');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const refused = await request(t.raw)
      .options('/api/customers')
      .set('origin', 'https://evil.example.com')
      .set('access-control-request-method', 'GET');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});
