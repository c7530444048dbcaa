import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { validateEnvironment } from '../src/config/environment';
import { ApiKeysService } from '../src/modules/identity/api-keys/api-keys.service';
import { AuthService } from '../src/modules/identity/auth/auth.service';
import { UsersService } from '../src/modules/identity/users/users.service';
import { seedRegister } from './fixtures';
import { createTestDatabase } from './test-database';

/** The smaller leaks of issue 9 §6, on an app configured as production is. */
describe('Leaks in production: suggestions, caching, CSP, docs, error shapes', () => {
  let app: NestExpressApplication;
  let raw: Server;
  let drop: () => Promise<void>;
  let staffToken: string;
  let key: string;

  async function productionApp(url: string, name: string, extra: Record<string, string> = {}) {
    const env = validateEnvironment({
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: 'Root-password-2026',
      DATABASE_URL: url,
      QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
      RUN_MIGRATIONS: 'false',
      LOG_LEVEL: 'silent',
      IMPORT_DIR: `/tmp/tms-test-imports/${name}`,
      GRAPHQL_MAX_ALIASES: '2',
      ...extra,
    });
    const created = await createApp(env);
    await created.init();
    return created;
  }

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const spa = mkdtempSync(join(tmpdir(), 'tms-spa-'));
    writeFileSync(join(spa, 'index.html'), '<!doctype html><div id="root"></div>');
    app = await productionApp(database.url, database.name, { WEB_DIST_DIR: spa });
    raw = app.getHttpServer() as Server;
    await app.get(UsersService).create(
      {
        username: 'leader.one',
        displayName: 'Leader',
        roles: ['leader'],
        password: 'Leader-password-2026',
      },
      { mustChangePassword: false },
    );
    staffToken = (await app.get(AuthService).login('leader.one', 'Leader-password-2026')).accessToken;
    const db = app.get(DataSource);
    await seedRegister(db);
    const [{ id }] = await db.query(`SELECT id FROM manufacturer WHERE code = 'M01'`);
    key = (await app.get(ApiKeysService).create(id, { name: 'ERP' }, 'test')).key;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('should not suggest field names where introspection is off', async () => {
    for (const caller of [{ 'x-api-key': key }, {}]) {
      const { body } = await request(raw)
        .post('/graphql')
        .set(caller)
        .send({ query: '{ partnerBrand { code } }' });
      expect(body.errors[0].message).toMatch(/partnerBrand/);
      expect(body.errors[0].message).not.toMatch(/Did you mean/i);
    }
  });

  it('should give the limits refusals and CSRF refusals a request id, as every other error', async () => {
    const aliases = await request(raw)
      .post('/graphql')
      .set('x-api-key', key)
      .send({ query: '{ a: partnerBrands { code } b: partnerBrands { code } c: partnerBrands { code } }' });
    expect(aliases.body.errors[0].extensions.code).toBe('TOO_MANY_ALIASES');
    expect(aliases.body.errors[0].extensions.requestId).toBe(aliases.headers['x-request-id']);

    const introspection = await request(raw)
      .post('/graphql')
      .set('x-api-key', key)
      .send({ query: '{ __schema { queryType { name } } }' });
    expect(introspection.body.errors[0].extensions.code).toBe('INTROSPECTION_DISABLED');
    expect(introspection.body.errors[0].extensions.requestId).toBe(introspection.headers['x-request-id']);

    const syntax = await request(raw)
      .post('/graphql')
      .set('x-api-key', key)
      .send({ query: '{ partnerBrands {' });
    expect(syntax.body.errors[0].extensions.requestId).toBe(syntax.headers['x-request-id']);

    const csrf = await request(raw).get('/graphql?query=%7B__typename%7D');
    expect(csrf.status).toBe(400);
    expect(csrf.body.errors[0].extensions.requestId).toBe(csrf.headers['x-request-id']);
  });

  it('should forbid caching of answers with personal data', async () => {
    const bearer = { authorization: `Bearer ${staffToken}` };
    for (const path of ['/api/customers', '/api/customers/export', '/api/auth/me']) {
      const answer = await request(raw).get(path).set(bearer);
      expect([path, answer.status]).toEqual([path, 200]);
      expect([path, answer.headers['cache-control']]).toEqual([path, 'no-store']);
    }
    const graphql = await request(raw)
      .post('/graphql')
      .set(bearer)
      .send({ query: '{ customers { total } }' });
    expect(graphql.headers['cache-control']).toBe('no-store');
    const refused = await request(raw).get('/api/customers');
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('should serve the SPA under a CSP without inline scripts, and keep the docs off by default', async () => {
    const spa = await request(raw).get('/customers');
    expect(spa.status).toBe(200);
    const policy = String(spa.headers['content-security-policy']);
    const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1];
    expect(scriptSrc).toBe("'self'");
    expect(policy).toMatch(/object-src 'none'/);
    const docs = await request(raw).get('/api/docs');
    expect(docs.status).toBe(404);
    expect(docs.body.code).toBe('NOT_FOUND');
  });

  it('should answer the queue dashboard in the shared error shape', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/no-such-page']) {
      const answer = await request(raw).get(path);
      expect([path, answer.status]).toEqual([path, 401]);
      expect(answer.headers['content-type']).toMatch(/json/);
      expect(answer.body).toEqual({
        code: 'UNAUTHENTICATED',
        message: expect.any(String),
        requestId: answer.headers['x-request-id'],
      });
    }
    const unknownAsAdmin = await request(raw)
      .get('/admin/queues/api/no-such-thing')
      .set('authorization', `Bearer ${staffToken}`);
    expect(unknownAsAdmin.headers['content-type']).toMatch(/json/);
    expect(unknownAsAdmin.body.requestId).toBe(unknownAsAdmin.headers['x-request-id']);
  });
});

describe('API documentation switch', () => {
  it('should serve /api/docs when API_DOCS is on, with the looser CSP only there', async () => {
    const database = await createTestDatabase();
    const env = validateEnvironment({
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: database.url,
      QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
      RUN_MIGRATIONS: 'false',
      LOG_LEVEL: 'silent',
      API_DOCS: 'true',
    });
    const app = await createApp(env);
    await app.init();
    try {
      const docs = await request(app.getHttpServer()).get('/api/docs/');
      expect(docs.status).toBe(200);
      expect(String(docs.headers['content-security-policy'])).toMatch(/script-src 'self' 'unsafe-inline'/);
      const api = await request(app.getHttpServer()).get('/api/health');
      expect(String(api.headers['content-security-policy'])).toMatch(/script-src 'self';/);
    } finally {
      await app.close();
      await database.drop();
    }
  });

  it('should default the docs to on outside production and in the quick-start demo, off in production', () => {
    const base = { DATABASE_URL: 'postgres://x/y', JWT_SECRET: 'x'.repeat(32) };
    expect(validateEnvironment({ ...base, NODE_ENV: 'development' }).API_DOCS).toBe(true);
    expect(validateEnvironment({ ...base, NODE_ENV: 'production' }).API_DOCS).toBe(false);
    expect(validateEnvironment({ ...base, NODE_ENV: 'production', DEMO_MODE: 'true' }).API_DOCS).toBe(true);
    expect(() => validateEnvironment({ ...base, API_DOCS: 'maybe' })).toThrow(/API_DOCS/);
  });
});
