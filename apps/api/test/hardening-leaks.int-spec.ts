import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { validateEnvironment } from '../src/config/environment';
import { ApiKeysService } from '../src/modules/identity/api-keys/api-keys.service';
import { seedRegister } from './fixtures';
import { createProductionTestApp, type ProductionTestApp } from './test-app';

/** The smaller leaks of issue 9 §6, on an app configured as production is. */
describe('Leaks in production: suggestions, caching, CSP, docs, error shapes', () => {
  let production: ProductionTestApp;
  let raw: Server;
  let staffToken: string;
  let key: string;

  beforeAll(async () => {
    const spa = mkdtempSync(join(tmpdir(), 'tms-spa-'));
    writeFileSync(join(spa, 'index.html'), '<!doctype html><div id="root"></div>');
    production = await createProductionTestApp({ WEB_DIST_DIR: spa, GRAPHQL_MAX_ALIASES: '2' });
    raw = production.raw;
    staffToken = await production.tokenFor(['leader']);
    await seedRegister(production.db);
    const [{ id }] = await production.db.query(`SELECT id FROM manufacturer WHERE code = 'M01'`);
    key = (await production.app.get(ApiKeysService).create(id, { name: 'ERP' }, 'test')).key;
  });
  afterAll(() => production.close());

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
    const production = await createProductionTestApp({ API_DOCS: 'true' });
    try {
      const docs = await request(production.raw).get('/api/docs/');
      expect(docs.status).toBe(200);
      expect(String(docs.headers['content-security-policy'])).toMatch(/script-src 'self' 'unsafe-inline'/);
      const api = await request(production.raw).get('/api/health');
      expect(String(api.headers['content-security-policy'])).toMatch(/script-src 'self';/);
    } finally {
      await production.close();
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
