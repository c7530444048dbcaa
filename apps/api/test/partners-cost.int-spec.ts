// First: graphql-js must load in its production mode (see the module).
import './graphql-production-mode';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import request from 'supertest';
import { Client } from 'pg';
import { seedDemoData } from '../src/modules/imports/demo-seed';
import { createTestApp, type TestApp } from './test-app';

/**
 * Issue 9 §1b: a partner query's cost is estimated before it runs (brands × months × the values of each
 * other dimension grouped by), refused over PARTNER_QUERY_BUDGET, and the queries of one request share
 * PARTNER_REQUEST_BUDGET; the work is GROUP BY in the database, bounded by statement_timeout; and the event
 * loop keeps serving while the heaviest allowed query runs. On the `small` demo data (500 retailers, 24
 * months, 3 counties, 6 market areas).
 */
describe('partnerSales cost limits', () => {
  let t: TestApp;
  let key: string;
  let brands: number;
  let areas: number;

  const gql = (query: string) => request(t.raw).post('/graphql').set('x-api-key', key).send({ query });

  beforeAll(async () => {
    t = await createTestApp({ environment: { PARTNER_RATE_LIMIT_PER_MINUTE: '100000' } });
    await seedDemoData(t.env.DATABASE_URL!, { scale: 'small' });
    // The manufacturer with the most brands: its queries are the heaviest.
    const [manufacturer] = await t.db.query(
      `SELECT manufacturer_id AS id, count(*)::int AS brands FROM brand
        GROUP BY manufacturer_id ORDER BY count(*) DESC, manufacturer_id LIMIT 1`,
    );
    brands = manufacturer.brands;
    [{ areas }] = await t.db.query(`SELECT count(*)::int AS areas FROM district WHERE level = 'market_area'`);
    const { body } = await request(t.http)
      .post(`/api/manufacturers/${manufacturer.id}/api-keys`)
      .send({ name: 'ERP' })
      .expect(201);
    key = body.key;
  }, 180_000);
  afterAll(() => t.close());

  const sales = (alias: string, from: string, to: string, groupBy: string) =>
    `${alias}: partnerSales(filter: { fromMonth: "${from}", toMonth: "${to}", groupBy: [${groupBy}] }) {
       month districtCode businessType marketType tierBand suppressed cartons amount orderingRetailers
       retailerCount coverage }`;

  it('should refuse a query estimated over the budget before it runs, in the shared error shape', async () => {
    // The query: 36 months by every dimension (here 24 months, all the data has).
    const { status, body } = await gql(
      `{ ${sales('all', '2024-11', '2026-10', 'MONTH, MARKET_AREA, BUSINESS_TYPE, MARKET_TYPE, TIER_BAND')} }`,
    );
    const estimate = brands * 24 * areas * 7 * 2 * 6;
    expect(status).toBe(200);
    expect(body.data).toEqual({ all: null });
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors;
    expect(error.extensions).toMatchObject({
      code: 'QUERY_TOO_EXPENSIVE',
      details: { estimate, budget: t.env.PARTNER_QUERY_BUDGET, scope: 'query' },
      requestId: expect.any(String),
    });
    expect(error.message).toContain(`estimated cost is ${estimate} cells`);
    expect(error.message).toContain(`${brands} brands × 24 months × ${areas} MARKET_AREA`);
    expect(error.message).toContain(`the budget is ${t.env.PARTNER_QUERY_BUDGET} per query`);
  });

  it('should bound twenty heavy aliases of one request by the request budget', async () => {
    // Each alias alone is allowed; together they are twice and more over the request's budget.
    const groupBy = 'MONTH, MARKET_AREA, BUSINESS_TYPE';
    let months = 24;
    while (brands * months * areas * 7 > t.env.PARTNER_QUERY_BUDGET) months--;
    const cost = brands * months * areas * 7;
    expect(cost * 20).toBeGreaterThan(2 * t.env.PARTNER_REQUEST_BUDGET);
    const from = monthBefore('2026-10', months - 1);
    const aliases = Array.from({ length: 20 }, (_, index) => sales(`a${index}`, from, '2026-10', groupBy));
    const started = Date.now();
    const { body } = await gql(`{ ${aliases.join('\n')} }`);
    const elapsed = Date.now() - started;
    const answered = Object.values(body.data).filter((rows) => rows !== null);
    const allowed = Math.floor(t.env.PARTNER_REQUEST_BUDGET / cost);
    expect(answered).toHaveLength(allowed);
    expect(body.errors).toHaveLength(20 - allowed);
    for (const error of body.errors) {
      expect(error.extensions).toMatchObject({
        code: 'QUERY_TOO_EXPENSIVE',
        details: { estimate: cost, budget: t.env.PARTNER_REQUEST_BUDGET, scope: 'request' },
      });
      expect(error.message).toContain(`request's budget of ${t.env.PARTNER_REQUEST_BUDGET}`);
    }
    // The months of the range, not a row by row scan in Node: bounded, whatever the aliases.
    expect(elapsed).toBeLessThan(30_000);
  }, 60_000);

  it('should stop a query at the statement timeout with QUERY_TIMEOUT', async () => {
    // Another session holds a lock on the sales: the query waits for it until statement_timeout cancels it.
    const locker = new Client({ connectionString: t.env.DATABASE_URL });
    await locker.connect();
    const timeout = t.env.PARTNER_STATEMENT_TIMEOUT_MS;
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE monthly_sales IN ACCESS EXCLUSIVE MODE');
      t.env.PARTNER_STATEMENT_TIMEOUT_MS = 300;
      const started = Date.now();
      const { body } = await gql(`{ ${sales('one', '2026-09', '2026-09', '')} }`);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(body.data).toEqual({ one: null });
      expect(body.errors[0].extensions).toMatchObject({
        code: 'QUERY_TIMEOUT',
        details: { timeoutMs: 300 },
      });
      expect(body.errors[0].message).toContain('ran longer than 300 ms');
    } finally {
      t.env.PARTNER_STATEMENT_TIMEOUT_MS = timeout;
      await locker.query('ROLLBACK');
      await locker.end();
    }
    // The timeout was the transaction's own: the next query runs as usual.
    const { body } = await gql(`{ ${sales('one', '2026-09', '2026-09', '')} }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.one.length).toBeGreaterThan(0);
  });

  it('should keep the event loop free while the heaviest allowed query runs beside health checks', async () => {
    // The heaviest allowed: the most rows a query within the budget can ask for on this data.
    const groupBy = 'MONTH, MARKET_AREA, BUSINESS_TYPE, MARKET_TYPE';
    let months = 24;
    while (brands * months * areas * 7 * 2 > t.env.PARTNER_QUERY_BUDGET) months--;
    const from = monthBefore('2026-10', months - 1);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const health: number[] = [];
    let running = true;
    const checks = (async () => {
      while (running) {
        const started = performance.now();
        await request(t.raw).get('/api/health/live').expect(200);
        health.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    delay.enable();
    let rows = 0;
    try {
      for (let run = 0; run < 3; run++) {
        const { body } = await gql(`{ ${sales('heavy', from, '2026-10', groupBy)} }`);
        expect(body.errors).toBeUndefined();
        rows = body.data.heavy.length;
      }
    } finally {
      delay.disable();
      running = false;
      await checks;
    }
    expect(rows).toBeGreaterThan(2000);
    expect(health.length).toBeGreaterThan(5);
    // 200 ms holds on a loaded 2-core machine (other test files and PostgreSQL on the same cores); the
    // stall the issue measured was 3,917 ms. Measured here: see docs/benchmarks.md.
    console.log(
      `heaviest allowed query: ${rows} rows; event loop max delay ${(delay.max / 1e6).toFixed(1)} ms, ` +
        `health check max ${Math.max(...health).toFixed(1)} ms over ${health.length}`,
    );
    expect(delay.max / 1e6).toBeLessThan(200);
  }, 120_000);
});

function monthBefore(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + number - 1 - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
