import type { OpenAPIObject } from '@nestjs/swagger';
import request, { type Response } from 'supertest';
import { buildOpenApiDocument } from '../src/bootstrap';
import { accessInventory, type RouteRule } from './access-inventory';
import { createTestApp, type TestApp } from './test-app';

/**
 * Hostile input on every route: ids at and beyond the bounds of a PostgreSQL `integer`, NUL bytes, JSON
 * nested thousands of levels, impossible calendar dates. The routes come from the router (as in the access
 * test), their parameters and body fields from the OpenAPI document built from the same controllers. Every
 * answer must be a clear 4xx in the shared error shape with a request id: never a 5xx, never a cut
 * connection. Authenticated as an administrator, so no refusal hides the input's path to the database.
 */

const IDS = ['2147483647', '2147483648', '99999999999', '-1', '0', '1.5', 'abc'];
/** Not an id of an `integer` column at all: must be refused as input (400), whatever the route. */
const NOT_AN_ID = new Set(['2147483648', '99999999999', '-1', '0', '1.5', 'abc']);
const NUL = 'a\u0000b';
const IMPOSSIBLE_DATES = ['2024-02-30', '2024-13-01', '2023-02-29'];
const IMPOSSIBLE_MONTHS = ['2024-13', '2024-00'];
const DATE_PARAMS = new Set(['from', 'to']);
const MONTH_PARAMS = new Set(['month', 'period', 'fromMonth', 'toMonth']);
const ID_FIELD = /^(id|version|parentId|under|[a-z]+Ids?)$/;

/** The parts of the OpenAPI document the battery reads (the full types are not exported by @nestjs/swagger). */
interface SchemaObject {
  type?: string;
  properties?: Record<string, SchemaObject>;
}
interface ParameterObject {
  name: string;
  in: string;
  schema?: SchemaObject;
}

function deepJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

interface Route extends RouteRule {
  params: ParameterObject[];
  body?: SchemaObject;
}

describe('Hostile input on every route', () => {
  let t: TestApp;
  let routes: Route[];
  let document: OpenAPIObject;
  const failures: string[] = [];
  let spareToken: string;

  function schemaOf(ref: string | undefined): SchemaObject | undefined {
    if (!ref) return undefined;
    return document.components?.schemas?.[ref.replace('#/components/schemas/', '')] as SchemaObject;
  }

  /** Sends one request and records anything but a clear 4xx in the error shape. */
  async function expectClear(
    label: string,
    send: () => PromiseLike<Response>,
    expect: { status?: number; statuses?: number[]; field?: string; allowSuccess?: boolean } = {},
  ): Promise<void> {
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      failures.push(`${label} → connection failed: ${(error as Error).message}`);
      return;
    }
    const { status, body } = response;
    if (expect.allowSuccess && status < 300) return;
    const allowed = expect.statuses ?? (expect.status ? [expect.status] : undefined);
    const shaped =
      typeof body?.code === 'string' &&
      typeof body?.message === 'string' &&
      typeof body?.requestId === 'string';
    const ok =
      status >= 400 &&
      status < 500 &&
      (!allowed || allowed.includes(status)) &&
      shaped &&
      body.requestId.length > 0 &&
      (!expect.field ||
        (body.details?.fields as Array<{ field: string }> | undefined)?.some(
          (f) => f.field === expect.field || f.field.startsWith(`${expect.field}.`),
        ));
    if (!ok) failures.push(`${label} → ${status} ${JSON.stringify(body).slice(0, 160)}`);
  }

  function call(route: Route, path: string, authorized = true) {
    const agent = request(authorized ? t.http : t.raw);
    const test = agent[route.method.toLowerCase() as 'get'](path);
    // Signing out ends the session of the token it is sent with: never the administrator's own.
    return path === '/api/auth/logout' ? test.set('authorization', `Bearer ${spareToken}`) : test;
  }

  beforeAll(async () => {
    t = await createTestApp();
    document = buildOpenApiDocument(t.app);
    spareToken = await t.tokenFor(['admin']);
    const inventory = accessInventory(t.app).routes;
    routes = inventory.map((route) => {
      const openApiPath = route.template.replace(/:(\w+)/g, '{$1}');
      const operation = document.paths[openApiPath]?.[route.method.toLowerCase() as 'get'];
      const ref = (
        operation?.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined
      )?.content?.['application/json']?.schema?.$ref;
      return {
        ...route,
        params: (operation?.parameters ?? []) as ParameterObject[],
        body: schemaOf(ref),
        documented: Boolean(operation),
      };
    });
    const undocumented = routes.filter((route) => !(route as { documented?: boolean }).documented);
    expect(undocumented.map((route) => `${route.method} ${route.template}`)).toEqual([]);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    failures.length = 0;
  });

  it('should find every route and its parameters', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((route) => route.params.some((p) => p.in === 'path')).length).toBeGreaterThan(15);
    expect(routes.filter((route) => route.body).length).toBeGreaterThan(15);
  });

  it('should refuse an id out of bounds in every route parameter with 400, an unknown one with 404', async () => {
    for (const route of routes) {
      const names = route.params.filter((p) => p.in === 'path').map((p) => p.name);
      for (const name of names) {
        for (const value of IDS) {
          const path = route.template.replace(/:(\w+)/g, (_, param: string) =>
            param === name ? value : '1',
          );
          await expectClear(`${route.method} ${path}`, () => call(route, path).send({}), {
            statuses: NOT_AN_ID.has(value) ? [400, 404] : [400, 404, 422],
          });
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('should refuse an id or number out of bounds in every query parameter with 400 naming it', async () => {
    for (const route of routes) {
      for (const param of route.params.filter((p) => p.in === 'query')) {
        const type = (param.schema as SchemaObject | undefined)?.type;
        if (type !== 'number' && type !== 'integer') continue;
        for (const value of IDS) {
          const label = `${route.method} ${route.path}?${param.name}=${value}`;
          const strict = ['2147483648', '99999999999', 'abc'].includes(value);
          await expectClear(label, () => call(route, route.path).query({ [param.name]: value }), {
            status: strict ? 400 : undefined,
            field: strict ? param.name : undefined,
            allowSuccess: !strict,
          });
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('should refuse a NUL byte in every string query parameter with 400', async () => {
    for (const route of routes) {
      for (const param of route.params.filter((p) => p.in === 'query')) {
        const schema = param.schema as SchemaObject | undefined;
        if (schema?.type !== 'string' && schema?.type !== 'array') continue;
        await expectClear(
          `${route.method} ${route.path}?${param.name}=a%00b`,
          () => call(route, `${route.path}?${param.name}=a%00b`),
          { status: 400 },
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('should refuse impossible calendar dates and months in every date query parameter with 400', async () => {
    let tried = 0;
    for (const route of routes) {
      for (const param of route.params.filter((p) => p.in === 'query')) {
        const values = DATE_PARAMS.has(param.name)
          ? IMPOSSIBLE_DATES
          : MONTH_PARAMS.has(param.name)
            ? IMPOSSIBLE_MONTHS
            : [];
        for (const value of values) {
          tried++;
          await expectClear(
            `${route.method} ${route.path}?${param.name}=${value}`,
            () => call(route, route.path).query({ [param.name]: value }),
            { status: 400, field: param.name },
          );
        }
      }
    }
    expect(tried).toBeGreaterThan(5);
    expect(failures).toEqual([]);
  });

  it('should refuse an id out of bounds in every id field of every body with 400 naming it', async () => {
    for (const route of routes.filter((r) => r.body)) {
      for (const [name, property] of Object.entries(route.body!.properties ?? {})) {
        if (!ID_FIELD.test(name)) continue;
        const schema = property as SchemaObject;
        const isArray = schema.type === 'array';
        if (!isArray && schema.type !== 'number' && schema.type !== 'integer') continue;
        for (const value of ['2147483648', '99999999999', '1.5', 'abc']) {
          const id = value === 'abc' ? value : Number(value);
          const path = route.template.replace(/:(\w+)/g, '1');
          await expectClear(
            `${route.method} ${path} {${name}: ${value}}`,
            () => call(route, path).send({ [name]: isArray ? [id] : id }),
            { status: 400, field: name },
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('should refuse a NUL byte in every string field of every body with 400', async () => {
    for (const route of routes.filter((r) => r.body)) {
      for (const [name, property] of Object.entries(route.body!.properties ?? {})) {
        if ((property as SchemaObject).type !== 'string') continue;
        const path = route.template.replace(/:(\w+)/g, '1');
        const anonymous = route.rule?.public === true;
        await expectClear(
          `${route.method} ${path} {${name}: NUL}`,
          () => call(route, path, !anonymous).send({ [name]: NUL }),
          { status: 400 },
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('should refuse JSON nested 5,000 levels deep on every route that takes a body with 400', async () => {
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      const path = route.template.replace(/:(\w+)/g, '1');
      const anonymous = route.rule?.public === true;
      await expectClear(
        `${route.method} ${path} (nested 5,000 levels)`,
        () => call(route, path, !anonymous).set('content-type', 'application/json').send(deepJson(5000)),
        { status: 400 },
      );
    }
    expect(failures).toEqual([]);
  });

  describe('anonymous sign-in', () => {
    it('should refuse a NUL byte in the username and the password with 400', async () => {
      for (const body of [
        { username: NUL, password: 'x' },
        { username: 'admin', password: NUL },
      ]) {
        await expectClear(
          `POST /api/auth/login ${JSON.stringify(body)}`,
          () => request(t.raw).post('/api/auth/login').send(body),
          { status: 400 },
        );
      }
      expect(failures).toEqual([]);
    });

    it('should refuse a deeply nested body with 400', async () => {
      await expectClear(
        'POST /api/auth/login (nested)',
        () =>
          request(t.raw).post('/api/auth/login').set('content-type', 'application/json').send(deepJson(5000)),
        { status: 400 },
      );
      expect(failures).toEqual([]);
    });
  });

  describe('complete bodies that reach the database', () => {
    const customer = {
      licenceNo: '420100007777',
      shopName: '测试店',
      ownerName: '张三',
      phone: '13800138000',
      address: '某路1号',
      marketType: 'urban',
      businessType: 'convenience',
      tradeArea: 'school',
      scale: 2,
      orderDay: 1,
      visitCycle: 'weekly',
    };

    it.each([
      ['POST /api/customers districtId', '/api/customers', { ...customer, districtId: 99999999999 }],
      [
        'POST /api/customers accountManagerId',
        '/api/customers',
        { ...customer, districtId: 1, accountManagerId: 2147483648 },
      ],
      [
        'POST /api/districts parentId',
        '/api/districts',
        { code: 'H1', name: 'h', level: 'county', parentId: 2147483648, marketType: 'urban' },
      ],
      [
        'POST /api/account-managers districtIds',
        '/api/account-managers',
        { code: 'HAM1', name: 'h', phone: '13800138000', districtIds: [99999999999] },
      ],
      [
        'POST /api/users districtIds',
        '/api/users',
        {
          username: 'hostile.one',
          displayName: 'h',
          roles: ['district_manager'],
          districtIds: [99999999999],
          password: 'Test-password-2026',
        },
      ],
      [
        'POST /api/forecast-runs brandIds',
        '/api/forecast-runs',
        { month: '2026-10', brandIds: [99999999999] },
      ],
    ])('should refuse %s out of bounds with 400 naming the field', async (label, path, body) => {
      const field = label.split(' ').pop()!;
      await expectClear(label, () => request(t.http).post(path).send(body), { status: 400, field });
      expect(failures).toEqual([]);
    });

    it('should answer an unknown but well-formed id in a body with 4xx, not 500', async () => {
      await expectClear(
        'POST /api/customers districtId 2147483647',
        () =>
          request(t.http)
            .post('/api/customers')
            .send({ ...customer, districtId: 2147483647 }),
        { statuses: [400, 404, 422] },
      );
      expect(failures).toEqual([]);
    });
  });

  describe('the customers export', () => {
    it('should refuse a bad filter before the first byte: 400 in the error shape, no BOM', async () => {
      const response = await request(t.http).get('/api/customers/export?districtId=99999999999');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', requestId: expect.any(String) });
    });
  });

  describe('GraphQL', () => {
    async function graphql(query: string, variables?: Record<string, unknown>) {
      return request(t.raw)
        .post('/graphql')
        .set('authorization', `Bearer ${t.adminToken}`)
        .send({ query, variables });
    }
    function refusal(response: Response): string | undefined {
      const error = response.body.errors?.[0];
      if (response.status >= 500) return `HTTP ${response.status}`;
      // Refused by the body parser, before GraphQL: the REST error shape.
      if (response.status === 400 && response.body.code && response.body.requestId) return undefined;
      if (!error) return 'no error';
      const code = error.extensions?.code as string | undefined;
      if (!code || code === 'INTERNAL') return `code ${code}: ${error.message}`;
      if (!error.extensions?.requestId) return `no requestId: ${error.message}`;
      return undefined;
    }

    it.each([
      ['an id beyond Int', '{ customer(id: 2147483648) { id } }'],
      ['a negative id', '{ customer(id: -1) { id } }'],
      ['an unknown id', '{ customer(id: 2147483647) { id } }'],
      ['a filter id beyond Int', '{ customers(filter: { districtId: 99999999999 }) { total } }'],
      ['a filter id of zero', '{ customers(filter: { districtId: 0 }) { total } }'],
      ['a forecast run id that is not one', '{ forecastRun(id: "abc") { id } }'],
      ['a forecast run id that is a number', '{ forecastRun(id: "99999999999") { id } }'],
      ['an impossible month', '{ forecastRuns(month: "2024-13") { total } }'],
      ['a month zero', '{ forecastRuns(month: "2024-00") { total } }'],
      ['an impossible date', '{ auditTrail(filter: { to: "2024-02-30" }) { total } }'],
      ['a NUL byte in a search', '{ customers(filter: { search: "a\\u0000b" }) { total } }'],
      [
        'a NUL byte in a variable',
        'query($s: String) { customers(filter: { search: $s }) { total } }',
        { s: NUL },
      ],
      ['500 repeated fields', `{ ${'customers { total } '.repeat(500)} }`],
      ['500 repeated errors', `{ ${'nope '.repeat(500)} }`],
    ])('should refuse %s clearly with a code and a request id', async (_, query, ...rest: unknown[]) => {
      // A rest parameter: Jest would take a third named parameter for the `done` callback.
      const response = await graphql(query, rest[0] as Record<string, unknown> | undefined);
      expect(refusal(response)).toBeUndefined();
      const messages = (response.body.errors ?? []).map((error: { message: string }) => error.message);
      expect(messages.filter((message: string) => /Validation aborted/.test(message))).toEqual([]);
    });

    it('should refuse a GraphQL body nested 5,000 levels deep with 400', async () => {
      const response = await request(t.http)
        .post('/graphql')
        .set('content-type', 'application/json')
        .send(`{"query":"{ customers { total } }","variables":${deepJson(5000)}}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'BAD_REQUEST', requestId: expect.any(String) });
    });
  });
});
