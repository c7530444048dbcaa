import type { Server } from 'node:http';
import request from 'supertest';
import { ApiKeysService } from '../src/modules/identity/api-keys/api-keys.service';
import { DataSource } from 'typeorm';
import { seedRegister } from './fixtures';
import { createProductionTestApp, createTestApp, type ProductionTestApp, type TestApp } from './test-app';

const INTROSPECTION =
  '{ __schema { queryType { name } types { name fields { name type { name ofType { name } } } } } }';

async function keyFor(db: DataSource, apiKeys: ApiKeysService): Promise<string> {
  const [{ id }] = await db.query(`SELECT id FROM manufacturer WHERE code = 'M01'`);
  return (await apiKeys.create(id, { name: 'ERP' }, 'test')).key;
}

describe('GraphQL limits: depth, aliases, complexity', () => {
  let t: TestApp;
  let key: string;
  const gql = (query: string) => request(t.http).post('/graphql').send({ query });

  beforeAll(async () => {
    t = await createTestApp({
      environment: { GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_ALIASES: '2', GRAPHQL_MAX_COMPLEXITY: '60' },
    });
    await seedRegister(t.db);
    key = await keyFor(t.db, t.app.get(ApiKeysService));
  });
  afterAll(() => t.close());

  it('should answer queries within the limits', async () => {
    const { status, body } = await request(t.raw)
      .post('/graphql')
      .set('x-api-key', key)
      .send({
        query: `{ a: partnerBrands { code }
                  partnerSales(filter: { fromMonth: "2026-08", toMonth: "2026-10", groupBy: [MONTH] }) { month cartons } }`,
      });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data.a.map((brand: { code: string }) => brand.code)).toEqual(['B001', 'B002']);
    const deepest = await request(t.raw)
      .post('/graphql')
      .set('x-api-key', key)
      .send({ query: '{ partnerForecast { rows { month } } }' });
    expect(deepest.body).toEqual({ data: { partnerForecast: null } });
  });

  it('should refuse a query deeper than GRAPHQL_MAX_DEPTH with QUERY_TOO_DEEP, fragments included', async () => {
    for (const query of [
      '{ customer(id: 1) { sales { brands { __typename } } } }',
      '{ customer(id: 1) { ...C } } fragment C on Customer { sales { ... on CustomerSales { brands { __typename } } } }',
    ]) {
      const { status, body } = await gql(query);
      expect([status, body.data, body.errors[0].extensions.code]).toEqual([400, undefined, 'QUERY_TOO_DEEP']);
      expect(body.errors[0].message).toBe('The query is nested 4 levels deep; the limit is 3');
      expect(body.errors[0].extensions.details).toEqual({ depth: 4, limit: 3 });
    }
  });

  it('should refuse more aliases than GRAPHQL_MAX_ALIASES with TOO_MANY_ALIASES, counting fragment spreads', async () => {
    for (const query of [
      '{ a: partnerBrands { code } b: partnerBrands { code } c: partnerBrands { code } }',
      '{ ...F ...F } fragment F on Query { a: partnerBrands { code } b: partnerBrands { code } }',
    ]) {
      const { status, body } = await gql(query);
      expect([status, body.errors[0].extensions.code]).toEqual([400, 'TOO_MANY_ALIASES']);
      expect(body.errors[0].message).toMatch(/aliases; the limit is 2$/);
    }
  });

  it('should refuse a query costlier than GRAPHQL_MAX_COMPLEXITY with QUERY_TOO_COMPLEX', async () => {
    const sales =
      'partnerSales(filter: { fromMonth: "2026-08", toMonth: "2026-10", groupBy: [] }) { cartons }';
    const { status, body } = await request(t.raw)
      .post('/graphql')
      .set('x-api-key', key)
      .send({ query: `{ a: ${sales} b: ${sales} }` });
    expect([status, body.errors[0].extensions.code]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(body.errors[0].extensions.details).toEqual({ complexity: 102, limit: 60 });
    expect(body.data).toBeUndefined();
  });

  it('should let staff introspect outside production, without the limits counting the schema fields', async () => {
    const { body } = await gql(INTROSPECTION);
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('GraphQL introspection in production', () => {
  let production: ProductionTestApp;
  let raw: Server;
  let staffToken: string;
  let key: string;

  beforeAll(async () => {
    production = await createProductionTestApp();
    raw = production.raw;
    staffToken = await production.tokenFor(['leader']);
    await seedRegister(production.db);
    key = await keyFor(production.db, production.app.get(ApiKeysService));
  });
  afterAll(() => production.close());

  it('should refuse introspection to an API key (the schema file is published instead)', async () => {
    for (const query of [INTROSPECTION, '{ __type(name: "PartnerSalesRow") { fields { name } } }']) {
      const { status, body } = await request(raw).post('/graphql').set('x-api-key', key).send({ query });
      expect([status, body.data, body.errors[0].extensions.code]).toEqual([
        403,
        undefined,
        'INTROSPECTION_DISABLED',
      ]);
      expect(body.errors[0].message).toMatch(/schema\.gql/);
    }
    const anonymous = await request(raw).post('/graphql').send({ query: INTROSPECTION });
    expect(anonymous.body.errors[0].extensions.code).toBe('INTROSPECTION_DISABLED');
    // Ordinary queries still work for the key, __typename included.
    const { body } = await request(raw)
      .post('/graphql')
      .set('x-api-key', key)
      .send({ query: '{ partnerBrands { __typename code } }' });
    expect(body.errors).toBeUndefined();
    expect(body.data.partnerBrands).toHaveLength(2);
  });

  it('should allow introspection to staff', async () => {
    const { body } = await request(raw)
      .post('/graphql')
      .set('authorization', `Bearer ${staffToken}`)
      .send({ query: INTROSPECTION });
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.types.length).toBeGreaterThan(20);
  });
});
