import { permissionsOf, ROLES, type Role } from '@tms/domain';
import request from 'supertest';
import { accessInventory, type RouteRule } from './access-inventory';
import { createTestApp, type TestApp } from './test-app';

describe('Access control', () => {
  let t: TestApp;
  let routes: RouteRule[];
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    t = await createTestApp();
    ({ routes } = accessInventory(t.app));
    for (const role of ROLES) tokens.set(role, await t.tokenFor([role]));
  });
  afterAll(() => t.close());

  it('should find the routes and resolvers of every module', () => {
    const { resolvers } = accessInventory(t.app);
    expect(routes.length).toBeGreaterThan(40);
    expect(resolvers.length).toBeGreaterThan(15);
    expect(routes.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/api/customers', '/api/users']),
    );
  });

  it('should give every REST route an explicit rule (a route without one is denied)', () => {
    const missing = routes
      .filter((route) => !route.rule)
      .map((route) => `${route.method} ${route.path} (${route.name})`);
    expect(missing).toEqual([]);
  });

  it('should give every GraphQL query, mutation and field resolver an explicit rule', () => {
    const missing = accessInventory(t.app)
      .resolvers.filter((resolver) => !resolver.rule)
      .map((resolver) => `${resolver.kind} ${resolver.name}`);
    expect(missing).toEqual([]);
  });

  it('should refuse every non-public route without credentials with 401 in the error shape', async () => {
    for (const route of routes.filter((r) => r.rule && !r.rule.public)) {
      const response = await request(t.raw)[route.method.toLowerCase() as 'get'](route.path).send({});
      expect([route.path, response.status, response.body.code]).toEqual([route.path, 401, 'UNAUTHENTICATED']);
    }
  });

  it.each(ROLES)('should allow and deny every route for %s exactly as its permissions say', async (role) => {
    const permissions = permissionsOf([role]);
    const mismatches: string[] = [];
    for (const route of routes.filter((r) => r.rule && !r.rule.public)) {
      const rule = route.rule as { permissions: string[] };
      const allowed = rule.permissions.every((permission) => permissions.has(permission as never));
      const response = await request(t.raw)
        [route.method.toLowerCase() as 'get'](route.path)
        .set('authorization', `Bearer ${tokens.get(role)}`)
        .send({});
      const denied = response.status === 403;
      if (allowed === denied || response.status === 401)
        mismatches.push(`${route.method} ${route.path} → ${response.status}`);
    }
    expect(mismatches).toEqual([]);
  });

  const graphql: Array<[string, string, string]> = [
    ['customers', '{ customers { total } }', 'customers:read'],
    ['customer.sales', '{ customer(id: 1) { sales { months } } }', 'customers:read'],
    [
      'createCustomer',
      'mutation { deactivateCustomer(id: 1, input: { version: 1, reason: "x" }) { id } }',
      'customers:write',
    ],
    ['districts', '{ districts { total } }', 'reference:read'],
    ['forecastRuns', '{ forecastRuns { total } }', 'forecasting:read'],
    [
      'startForecastRun',
      'mutation { startForecastRun(input: { month: "2020-01" }) { id } }',
      'forecasting:run',
    ],
    ['auditTrail', '{ auditTrail { total } }', 'audit:read'],
  ];

  it.each(ROLES)('should apply the same rules to GraphQL operations for %s', async (role) => {
    const permissions = permissionsOf([role]);
    for (const [name, query, permission] of graphql) {
      const { body } = await request(t.raw)
        .post('/graphql')
        .set('authorization', `Bearer ${tokens.get(role)}`)
        .send({ query });
      const code = body.errors?.[0]?.extensions?.code;
      const allowed = permissions.has(permission as never);
      expect([name, allowed ? code !== 'FORBIDDEN' : code === 'FORBIDDEN']).toEqual([name, true]);
    }
  });

  it('should refuse anonymous GraphQL and never return data with the error', async () => {
    const { status, body } = await request(t.raw).post('/graphql').send({ query: '{ customers { total } }' });
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeNull();
  });

  it('should protect the queue dashboard: administrators only', async () => {
    await request(t.raw).get('/admin/queues').expect(401);
    await request(t.raw)
      .get('/admin/queues')
      .set('authorization', `Bearer ${tokens.get('leader')}`)
      .expect(403);
    await request(t.raw)
      .get('/admin/queues')
      .set('authorization', `Bearer ${tokens.get('admin')}`)
      .expect(200);
  });
});
