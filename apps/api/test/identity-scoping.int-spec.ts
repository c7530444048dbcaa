import request from 'supertest';
import { seedRegister, type RegisterFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/** An account manager or a district manager asking for what is not theirs, every way the API allows. */
describe('Data scoping', () => {
  let t: TestApp;
  let f: RegisterFixture;
  let accountManager: string;
  let districtManager: string;
  const mine = () => f.retailerIds.slice(0, 3); // AM01's retailers, in county C01
  const theirs = () => f.retailerIds.slice(3); // AM02's retailers, in county C02
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedRegister(t.db);
    accountManager = await t.tokenFor(['account_manager'], { accountManagerId: f.managerIds[0] });
    districtManager = await t.tokenFor(['district_manager'], { districtIds: [f.countyIds[1]] });
  });
  afterAll(() => t.close());

  it('should list only the account manager’s own retailers, whatever the filter says', async () => {
    const all = await request(t.raw).get('/api/customers').set(as(accountManager)).expect(200);
    expect(all.body.items.map((c: { id: number }) => c.id).sort()).toEqual(mine().sort());
    const byOther = await request(t.raw)
      .get(`/api/customers?accountManagerId=${f.managerIds[1]}`)
      .set(as(accountManager))
      .expect(200);
    expect(byOther.body.total).toBe(0);
    const byDistrict = await request(t.raw)
      .get(`/api/customers?districtId=${f.countyIds[1]}`)
      .set(as(accountManager));
    expect(byDistrict.body.total).toBe(0);
    const bySearch = await request(t.raw).get('/api/customers?search=乡村').set(as(accountManager));
    expect(bySearch.body.total).toBe(0);
  });

  it('should answer 404 for another manager’s retailer by id, its sales, its update and its deactivation', async () => {
    const other = theirs()[0];
    await request(t.raw).get(`/api/customers/${other}`).set(as(accountManager)).expect(404);
    await request(t.raw).get(`/api/customers/${other}/sales`).set(as(accountManager)).expect(404);
    await request(t.raw)
      .patch(`/api/customers/${other}`)
      .set(as(accountManager))
      .send({ version: 1, tier: 1 })
      .expect(404);
    await request(t.raw)
      .post(`/api/customers/${other}/deactivate`)
      .set(as(accountManager))
      .send({ version: 1, reason: 'x' })
      .expect(404);
    const [{ tier }] = await t.db.query('SELECT tier FROM retailer WHERE id = $1', [other]);
    expect(tier).toBe(3);
  });

  it('should export only what the list shows', async () => {
    const response = await request(t.raw).get('/api/customers/export').set(as(accountManager)).expect(200);
    const lines = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(1 + mine().length);
    expect(response.text).not.toContain('乡村小卖部');
  });

  it('should not let a manager move a retailer out of reach nor create one elsewhere', async () => {
    const { body } = await request(t.raw)
      .patch(`/api/customers/${mine()[0]}`)
      .set(as(accountManager))
      .send({ version: 1, accountManagerId: f.managerIds[1] })
      .expect(403);
    expect(body.code).toBe('FORBIDDEN');
  });

  it('should give nothing through GraphQL: by id, nested, with aliases', async () => {
    const other = theirs()[0];
    const { body } = await request(t.raw)
      .post('/graphql')
      .set(as(accountManager))
      .send({
        query: `{ a: customer(id: ${mine()[0]}) { shopName } b: customer(id: ${other}) { shopName phone }
                  list: customers(filter: { accountManagerId: ${f.managerIds[1]} }) { total items { phone } } }`,
      });
    // `customer` is non-null: one refused alias nulls the whole answer, and no data leaks with the error.
    expect(body.data?.b ?? null).toBeNull();
    expect(body.data?.list?.total ?? 0).toBe(0);
    expect(JSON.stringify(body)).not.toContain('13800000004');
    expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toContain(
      'NOT_FOUND',
    );
    const own = await request(t.raw)
      .post('/graphql')
      .set(as(accountManager))
      .send({ query: `{ a: customer(id: ${mine()[0]}) { shopName sales(months: 1) { months } } }` });
    expect(own.body.data.a.shopName).toBe('惠民便利店');
  });

  it('should limit a district manager to the districts below theirs', async () => {
    const list = await request(t.raw).get('/api/customers').set(as(districtManager)).expect(200);
    expect(list.body.items.map((c: { id: number }) => c.id).sort()).toEqual(theirs().sort());
    await request(t.raw).get(`/api/customers/${mine()[0]}`).set(as(districtManager)).expect(404);
    await request(t.raw).get(`/api/customers/${theirs()[0]}`).set(as(districtManager)).expect(200);
  });

  it('should keep forecasts at retailer and district level inside the scope', async () => {
    const other = await request(t.raw)
      .get(`/api/forecasts/series?level=retailer&id=${theirs()[0]}`)
      .set(as(accountManager))
      .expect(200);
    expect(other.body.actual.every((value: number) => value === 0)).toBe(true);
  });

  it('should let a leader and customer service see the whole market', async () => {
    for (const role of ['leader', 'customer_service'] as const) {
      const token = await t.tokenFor([role]);
      const { body } = await request(t.raw).get('/api/customers').set(as(token)).expect(200);
      expect(body.total).toBe(5);
    }
  });
});
