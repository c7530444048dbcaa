import request from 'supertest';
import type { DataSource } from 'typeorm';
import { COUNT_NOISE_BOUND, MAGNITUDE } from '../src/modules/partners/perturbation';
import { seedRegister, type RegisterFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * A second manufacturer (M02) with one brand, bought in three counties: 6 retailers in 东区 (C01), 2 in 西县
 * (C02, under the minimum of 5) and 7 in a third county (C03). M01 (from seedRegister) has its own brands.
 */
interface PartnerFixture extends RegisterFixture {
  m1Id: number;
  m2Id: number;
  m2BrandId: number;
  thirdCountyId: number;
}

async function insertDistrict(
  db: DataSource,
  code: string,
  level: string,
  parentId: number,
): Promise<{ id: number }> {
  const [{ path }] = await db.query('SELECT path FROM district WHERE id = $1', [parentId]);
  const [{ id }] = await db.query(
    `INSERT INTO district (code, name, level, parent_id, path, market_type, version)
     VALUES ($1, $1, $2, $3, '', 'urban', 1) RETURNING id`,
    [code, level, parentId],
  );
  await db.query('UPDATE district SET path = $1 WHERE id = $2', [`${path}${id}/`, id]);
  return { id };
}

let licences = 0;
async function insertRetailer(
  db: DataSource,
  districtId: number,
  market: 'urban' | 'rural',
  business: string,
  tier: number,
): Promise<number> {
  licences += 1;
  const [{ id }] = await db.query(
    `INSERT INTO retailer (licence_no, shop_name, owner_name, phone, address, district_id, market_type, business_type,
       trade_area, scale, classification_code, licence_status, integrity_grade, tier, order_day, visit_cycle, version)
     VALUES ($1, $2, '业主', '13700000000', '某路', $3, $4, $5, 'residential', 2, 'CB2', 'valid', 'A', $6, 3,
       'weekly', 1) RETURNING id`,
    [`4209${String(licences).padStart(8, '0')}`, `私密商店${licences}`, districtId, market, business, tier],
  );
  return id;
}

async function seedPartners(db: DataSource): Promise<PartnerFixture> {
  const register = await seedRegister(db);
  const [{ id: m1Id }] = await db.query(`SELECT id FROM manufacturer WHERE code = 'M01'`);
  const [{ id: m2Id }] = await db.query(
    `INSERT INTO manufacturer (code, name, version) VALUES ('M02', '另一中烟', 1) RETURNING id`,
  );
  const [{ id: m2BrandId }] = await db.query(
    `INSERT INTO brand (code, name, manufacturer_id, price_class, wholesale_price, retail_price, pack_type, status, version)
     VALUES ('B101', '另一品牌', $1, 3, 150, 180, 'hard', 'active', 1) RETURNING id`,
    [m2Id],
  );
  const county3 = await insertDistrict(db, 'C03', 'county', register.cityId);
  const area3 = await insertDistrict(db, 'C03-M01', 'market_area', county3.id);
  const sell = async (retailerId: number, month: string, cartons: number) =>
    db.query(
      `INSERT INTO monthly_sales (retailer_id, month, brand_id, cartons, amount, order_count) VALUES ($1, $2, $3, $4, $5, 1)`,
      [retailerId, month, m2BrandId, cartons, cartons * 150],
    );
  // 东区 (C01): 6 convenience stores, tier 21–26, 3 cartons each in September.
  for (let i = 0; i < 6; i += 1) {
    await sell(
      await insertRetailer(db, register.routeIds[0], 'urban', 'convenience', 21 + i),
      '2026-09-01',
      3,
    );
  }
  // 西县 (C02): 2 groceries, 10 cartons each: too few retailers to show.
  for (let i = 0; i < 2; i += 1) {
    await sell(await insertRetailer(db, register.routeIds[2], 'rural', 'grocery', 5), '2026-09-01', 10);
  }
  // C03: 7 supermarkets, 2 cartons each in September and 1 in October.
  for (let i = 0; i < 7; i += 1) {
    const id = await insertRetailer(db, area3.id, 'urban', 'supermarket', 12);
    await sell(id, '2026-09-01', 2);
    await sell(id, '2026-10-01', 1);
  }
  // M01's brand is also bought by many retailers: none of it may reach M02.
  const [{ ids }] = await db.query(`SELECT array_agg(id) AS ids FROM retailer`);
  for (const retailerId of ids as number[]) {
    await db.query(
      `INSERT INTO monthly_sales (retailer_id, month, brand_id, cartons, amount, order_count)
       VALUES ($1, '2026-09-01', $2, 7, 700, 1) ON CONFLICT DO NOTHING`,
      [retailerId, register.brandIds[1]],
    );
  }
  return { ...register, m1Id, m2Id, m2BrandId, thirdCountyId: county3.id };
}

/**
 * A published (perturbed) magnitude: within ±(¼ of the largest retailer's contribution + floor) of the truth,
 * and never exactly the truth (ADR 8). `price` turns the one-carton floor into yuan for amounts.
 */
function expectPerturbed(published: number, truth: number, top: number, price = 1): void {
  const bound = MAGNITUDE.scale * top + MAGNITUDE.floorCartons * price;
  expect([published, Math.abs(published - truth) <= bound + 0.005]).toEqual([published, true]);
  expect(Math.abs(published - truth)).toBeGreaterThanOrEqual(MAGNITUDE.minShare * bound - 0.005);
}

function expectPerturbedCount(published: number, truth: number, minimum = 5): void {
  expect([published, Math.abs(published - truth) <= COUNT_NOISE_BOUND]).toEqual([published, true]);
  expect(published).toBeGreaterThanOrEqual(minimum);
}

describe('Partner GraphQL API (manufacturers’ API keys)', () => {
  let t: TestApp;
  let f: PartnerFixture;
  let m1Key: string;
  let m2Key: string;

  const gql = (key: string, query: string, variables?: Record<string, unknown>) =>
    request(t.raw).post('/graphql').set('x-api-key', key).send({ query, variables });

  const createKey = async (manufacturerId: number, name = 'ERP') => {
    const { body } = await request(t.http)
      .post(`/api/manufacturers/${manufacturerId}/api-keys`)
      .send({ name })
      .expect(201);
    return body as { id: number; key: string };
  };

  const SALES = `query Sales($filter: PartnerSalesFilter!) {
    partnerSales(filter: $filter) {
      brandId brandCode month districtCode districtName businessType marketType tierBand
      suppressed cartons amount orderingRetailers retailerCount coverage
    }
  }`;

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedPartners(t.db);
    m1Key = (await createKey(f.m1Id)).key;
    m2Key = (await createKey(f.m2Id)).key;
  });
  afterAll(() => t.close());

  it("should list only the calling manufacturer's brands", async () => {
    const { body } = await gql(m2Key, '{ partnerBrands { id code name status priceClass scarce packType } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.partnerBrands).toEqual([
      {
        id: f.m2BrandId,
        code: 'B101',
        name: '另一品牌',
        status: 'active',
        priceClass: 3,
        scarce: false,
        packType: 'hard',
      },
    ]);
    const m1 = await gql(m1Key, '{ partnerBrands { code } }');
    expect(m1.body.data.partnerBrands.map((brand: { code: string }) => brand.code)).toEqual(['B001', 'B002']);
  });

  it('should aggregate its own sales, with figures within their perturbation bound of the data', async () => {
    const { body } = await gql(m2Key, SALES, {
      filter: { fromMonth: '2026-09', toMonth: '2026-10', groupBy: [] },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.partnerSales).toEqual([
      expect.objectContaining({ brandCode: 'B101', suppressed: false, month: null, districtCode: null }),
    ]);
    const [total] = body.data.partnerSales;
    // The largest retailer: a grocery of 西县 with 10 cartons (1,500 yuan).
    expectPerturbed(total.cartons, 6 * 3 + 2 * 10 + 7 * 3, 10);
    expectPerturbed(total.amount, (6 * 3 + 2 * 10 + 7 * 3) * 150, 1500, 150);
    expectPerturbedCount(total.orderingRetailers, 15);
    const monthly = await gql(m2Key, SALES, {
      filter: { brandIds: [f.m2BrandId], fromMonth: '2026-09', toMonth: '2026-10', groupBy: ['MONTH'] },
    });
    const [september, october] = monthly.body.data.partnerSales;
    expect([september.month, october.month]).toEqual(['2026-09', '2026-10']);
    expectPerturbed(september.cartons, 52, 10);
    expectPerturbedCount(september.orderingRetailers, 15);
    expectPerturbed(october.cartons, 7, 1);
    expectPerturbedCount(october.orderingRetailers, 7);
    // Totals are perturbed on their own: the months need not add up to the total exactly.
    expect(Math.abs(september.cartons + october.cartons - total.cartons)).toBeLessThanOrEqual(
      3 * (MAGNITUDE.scale * 10 + MAGNITUDE.floorCartons),
    );
  });

  it('should suppress small groups and perturb the others, so no small group is recomputed by subtraction', async () => {
    const { body } = await gql(m2Key, SALES, {
      filter: { brandCodes: ['B101'], fromMonth: '2026-09', toMonth: '2026-09', groupBy: ['COUNTY'] },
    });
    expect(body.errors).toBeUndefined();
    const byCounty = Object.fromEntries(
      body.data.partnerSales.map((row: Record<string, unknown>) => [row.districtCode, row]),
    );
    // 西县: 2 retailers → suppressed; the other counties are shown, perturbed.
    expect(byCounty.C02).toMatchObject({
      suppressed: true,
      cartons: null,
      amount: null,
      orderingRetailers: null,
      retailerCount: null,
    });
    expect(byCounty.C01).toMatchObject({ suppressed: false });
    expectPerturbed(byCounty.C01.cartons, 18, 3);
    expectPerturbedCount(byCounty.C01.orderingRetailers, 6);
    expect(byCounty.C03).toMatchObject({ suppressed: false, districtName: 'C03' });
    expectPerturbed(byCounty.C03.cartons, 14, 2);
    expectPerturbed(byCounty.C03.amount, 14 * 150, 300, 150);
    expectPerturbedCount(byCounty.C03.orderingRetailers, 7);
    expectPerturbedCount(byCounty.C03.retailerCount, 7);
    expect(byCounty.C03.coverage).toBeCloseTo(byCounty.C03.orderingRetailers / byCounty.C03.retailerCount, 4);
    // The city total minus the shown counties is 西县's cartons (20) plus the noise of three cells.
    const total = (
      await gql(m2Key, SALES, {
        filter: { brandCodes: ['B101'], fromMonth: '2026-09', toMonth: '2026-09', groupBy: [] },
      })
    ).body.data.partnerSales[0];
    expect(Math.abs(total.cartons - byCounty.C01.cartons - byCounty.C03.cartons - 20)).toBeGreaterThan(0.01);
  });

  it('should not let two month ranges be subtracted to isolate a month with few retailers', async () => {
    // In November only 2 retailers buy B101: Sep–Nov minus Sep–Oct would give their November figures.
    const [first, second] = (
      await t.db.query(
        `SELECT DISTINCT retailer_id FROM monthly_sales WHERE brand_id = $1 ORDER BY retailer_id LIMIT 2`,
        [f.m2BrandId],
      )
    ).map((row: { retailer_id: number }) => row.retailer_id);
    await t.db.query(
      `INSERT INTO monthly_sales (retailer_id, month, brand_id, cartons, amount, order_count)
       VALUES ($1, '2026-11-01', $3, 4, 600, 1), ($2, '2026-11-01', $3, 5, 750, 1)`,
      [first, second, f.m2BrandId],
    );
    try {
      const range = async (toMonth: string, groupBy: string[] = []) =>
        (await gql(m2Key, SALES, { filter: { fromMonth: '2026-09', toMonth, groupBy } })).body.data
          .partnerSales;
      const [twoMonths] = await range('2026-10');
      expect(twoMonths.suppressed).toBe(false);
      expectPerturbed(twoMonths.cartons, 59, 10);
      // 15 distinct retailers over Sep–Nov, but November alone has 2: the wider range is withheld
      expect(await range('2026-11')).toEqual([
        expect.objectContaining({ suppressed: true, cartons: null, orderingRetailers: null }),
      ]);
      const byMonth = await range('2026-11', ['MONTH']);
      expect(
        byMonth.map((row: { month: string; suppressed: boolean }) => [row.month, row.suppressed]),
      ).toEqual([
        ['2026-09', false],
        ['2026-10', false],
        ['2026-11', true],
      ]);
    } finally {
      await t.db.query(`DELETE FROM monthly_sales WHERE month = '2026-11-01' AND brand_id = $1`, [
        f.m2BrandId,
      ]);
    }
  });

  it('should group by segments and tier bands, suppressing as well', async () => {
    const { body } = await gql(m2Key, SALES, {
      filter: {
        fromMonth: '2026-09',
        toMonth: '2026-09',
        groupBy: ['BUSINESS_TYPE', 'MARKET_TYPE', 'TIER_BAND'],
      },
    });
    expect(body.errors).toBeUndefined();
    const shown = body.data.partnerSales.filter((row: { suppressed: boolean }) => !row.suppressed);
    expect(shown).toEqual([
      expect.objectContaining({ businessType: 'convenience', marketType: 'urban', tierBand: '21-25' }),
      expect.objectContaining({ businessType: 'supermarket', marketType: 'urban', tierBand: '11-15' }),
    ]);
    expectPerturbed(shown[0].cartons, 15, 3);
    expectPerturbed(shown[1].cartons, 14, 2);
    // 东区's sixth shop is alone in tier band 26-30: suppressed. The convenience-store total (a query without
    // TIER_BAND) minus band 21-25 gives that shop's 3 cartons only up to the noise of both cells.
    const convenience = body.data.partnerSales.filter(
      (row: { businessType: string }) => row.businessType === 'convenience',
    );
    expect(
      convenience.map((row: { tierBand: string; suppressed: boolean }) => [row.tierBand, row.suppressed]),
    ).toEqual([
      ['21-25', false],
      ['26-30', true],
    ]);
    for (const row of body.data.partnerSales) {
      if (row.suppressed)
        expect([row.cartons, row.amount, row.orderingRetailers]).toEqual([null, null, null]);
    }
    expect(
      body.data.partnerSales.every(
        (row: { suppressed: boolean; orderingRetailers: number }) =>
          row.suppressed || row.orderingRetailers >= 5,
      ),
    ).toBe(true);
  });

  it('should group by market area within counties', async () => {
    const { body } = await gql(m2Key, SALES, {
      filter: { fromMonth: '2026-09', toMonth: '2026-10', groupBy: ['MARKET_AREA', 'MONTH'] },
    });
    expect(body.errors).toBeUndefined();
    const c03 = body.data.partnerSales.filter(
      (row: { districtCode: string }) => row.districtCode === 'C03-M01',
    );
    expect(c03.map((row: { month: string }) => row.month)).toEqual(['2026-09', '2026-10']);
    expectPerturbed(c03[0].cartons, 14, 2);
    expectPerturbed(c03[1].cartons, 7, 1);
    const both = await gql(m2Key, SALES, {
      filter: { fromMonth: '2026-09', toMonth: '2026-10', groupBy: ['MARKET_AREA', 'COUNTY'] },
    });
    expect(both.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it("should never return another manufacturer's brand: by id, code, filter, alias or forecast", async () => {
    const foreignId = f.brandIds[0];
    const attempts: Array<Record<string, unknown>> = [
      { brandIds: [foreignId], fromMonth: '2026-09', toMonth: '2026-09', groupBy: [] },
      { brandCodes: ['B001'], fromMonth: '2026-09', toMonth: '2026-09', groupBy: [] },
      { brandIds: [f.m2BrandId, foreignId], fromMonth: '2026-09', toMonth: '2026-09', groupBy: [] },
      {
        brandIds: [f.m2BrandId],
        brandCodes: ['B002'],
        fromMonth: '2026-09',
        toMonth: '2026-09',
        groupBy: [],
      },
      { brandIds: [999999], fromMonth: '2026-09', toMonth: '2026-09', groupBy: [] },
    ];
    for (const filter of attempts) {
      const { body } = await gql(m2Key, SALES, { filter });
      expect([filter, body.data, body.errors?.[0]?.extensions?.code]).toEqual([
        filter,
        { partnerSales: null },
        'FORBIDDEN',
      ]);
    }
    // Aliases: each aliased field is checked on its own; the foreign one gets nothing.
    const aliased = await gql(
      m2Key,
      `{ mine: partnerSales(filter: { fromMonth: "2026-09", toMonth: "2026-09", groupBy: [] }) { brandCode cartons }
         theirs: partnerSales(filter: { brandCodes: ["B001"], fromMonth: "2026-09", toMonth: "2026-09", groupBy: [] }) { brandCode cartons }
         theirForecast: partnerForecast(brandId: ${foreignId}) { rows { mean } } }`,
    );
    expect(aliased.body.data).toEqual({
      mine: [{ brandCode: 'B101', cartons: expect.any(Number) }],
      theirs: null,
      theirForecast: null,
    });
    expectPerturbed(aliased.body.data.mine[0].cartons, 52, 10);
    expect(
      aliased.body.errors.map((error: { extensions: { code: string } }) => error.extensions.code),
    ).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    // Without a brand filter, a manufacturer gets its own brands only.
    const m1 = await gql(m1Key, SALES, { filter: { fromMonth: '2026-09', toMonth: '2026-10', groupBy: [] } });
    expect(m1.body.data.partnerSales.map((row: { brandCode: string }) => row.brandCode)).toEqual([
      'B001',
      'B002',
    ]);
    const raw = JSON.stringify(m1.body);
    expect(raw).not.toContain('B101');
  });

  it("should expose no retailer's identity in the partner schema", async () => {
    for (const field of ['shopName', 'licenceNo', 'phone', 'address', 'retailerId', 'ownerName']) {
      const { status, body } = await gql(
        m2Key,
        `{ partnerSales(filter: { fromMonth: "2026-09", toMonth: "2026-09", groupBy: [] }) { ${field} } }`,
      );
      expect([field, status, body.errors[0].extensions.code]).toEqual([field, 400, 'BAD_REQUEST']);
    }
    const { body } = await gql(
      m2Key,
      `{ partnerSales(filter: { fromMonth: "2026-09", toMonth: "2026-10", groupBy: [MARKET_AREA, MONTH, BUSINESS_TYPE] }) {
          brandCode month districtCode districtName businessType cartons } }`,
    );
    expect(JSON.stringify(body)).not.toMatch(/私密商店|业主|1370000|4209/);
  });

  it('should refuse staff queries and staff REST routes to an API key', async () => {
    for (const query of [
      '{ customers { total } }',
      '{ customer(id: 1) { id } }',
      '{ districts { total } }',
      '{ forecastRuns { total } }',
    ]) {
      const { body } = await gql(m2Key, query);
      expect([query, body.data, body.errors[0].extensions.code]).toEqual([query, null, 'FORBIDDEN']);
    }
    for (const path of [
      '/api/customers',
      '/api/users',
      `/api/manufacturers/${f.m2Id}/api-keys`,
      '/api/brands',
    ]) {
      const response = await request(t.raw).get(path).set('x-api-key', m2Key);
      expect([path, response.status, response.body.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    const create = await request(t.raw)
      .post(`/api/manufacturers/${f.m2Id}/api-keys`)
      .set('x-api-key', m2Key)
      .send({ name: 'self-made' });
    expect(create.status).toBe(403);
  });

  it('should refuse the partner queries to staff (they have their own API)', async () => {
    const { body } = await request(t.http).post('/graphql').send({ query: '{ partnerBrands { code } }' });
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(body.data).toEqual({ partnerBrands: null });
  });

  it('should refuse revoked and expired keys with 401', async () => {
    const revoked = await createKey(f.m2Id, 'old ERP');
    await request(t.http).post(`/api/manufacturers/${f.m2Id}/api-keys/${revoked.id}/revoke`).expect(200);
    const expired = await createKey(f.m2Id, 'expired ERP');
    await t.db.query(`UPDATE api_key SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      expired.id,
    ]);
    for (const [key, reason] of [
      [revoked.key, 'revoked'],
      [expired.key, 'expired'],
      [`${m2Key.slice(0, -3)}xyz`, 'invalid'],
    ]) {
      const rest = await request(t.raw).get('/api/customers').set('x-api-key', key);
      expect([reason, rest.status, rest.body.code, rest.body.details?.reason]).toEqual([
        reason,
        401,
        'UNAUTHENTICATED',
        reason,
      ]);
      const { status, body } = await gql(key, '{ partnerBrands { code } }');
      expect([reason, status, body.data, body.errors[0].extensions.code]).toEqual([
        reason,
        401,
        { partnerBrands: null },
        'UNAUTHENTICATED',
      ]);
    }
  });

  it('should validate months and ranges', async () => {
    for (const filter of [
      { fromMonth: '2026-13', toMonth: '2026-09', groupBy: [] },
      { fromMonth: '2026-09', toMonth: '2026-08', groupBy: [] },
      { fromMonth: '2020-01', toMonth: '2026-09', groupBy: [] },
      { fromMonth: "2026-09' OR 1=1 --", toMonth: '2026-09', groupBy: [] },
    ]) {
      const { body } = await gql(m2Key, SALES, { filter });
      expect([filter.fromMonth, body.data]).toEqual([filter.fromMonth, { partnerSales: null }]);
      expect(['BAD_REQUEST', 'VALIDATION_FAILED']).toContain(body.errors[0].extensions.code);
    }
  });

  describe('forecast', () => {
    beforeAll(async () => {
      const [{ id: runId }] = await t.db.query(
        `INSERT INTO forecast_run (month, version, state, horizon, method, holidays, scope_key, engine_version, started_by)
         VALUES ('2026-11-01', 1, 'succeeded', 2, 'auto', 'auto', '', '1', 'test') RETURNING id`,
      );
      const retailers: Array<{ id: number; county: string }> = await t.db.query(
        `SELECT DISTINCT s.retailer_id AS id, c.code AS county
           FROM monthly_sales s JOIN retailer r ON r.id = s.retailer_id JOIN district d ON d.id = r.district_id
           JOIN district c ON c.level = 'county' AND d.path LIKE c.path || '%'
          WHERE s.brand_id = $1`,
        [f.m2BrandId],
      );
      for (const retailer of retailers) {
        for (const period of ['2026-11-01', '2026-12-01']) {
          await t.db.query(
            `INSERT INTO forecast_value (run_id, retailer_id, brand_id, period, method, mean, lo80, hi80, lo95, hi95)
             VALUES ($1, $2, $3, $4, 'ets', 2, 1, 3, 0.5, 4), ($1, $2, $5, $4, 'ets', 1, 0, 2, 0, 3)`,
            [runId, retailer.id, f.m2BrandId, period, f.brandIds[0]],
          );
        }
      }
      await t.db.query(
        `INSERT INTO forecast_publication (month, run_id, published_at, published_by) VALUES ('2026-11-01', $1, now(), 'test')`,
        [runId],
      );
    });

    it('should give the published forecast of its own brands by month and county, small groups suppressed', async () => {
      const byMonth = await gql(
        m2Key,
        '{ partnerForecast { runMonth rows { brandCode month suppressed mean lo80 hi80 retailers } } }',
      );
      expect(byMonth.body.errors).toBeUndefined();
      expect(byMonth.body.data.partnerForecast).toEqual({
        runMonth: '2026-11',
        rows: [
          {
            brandCode: 'B101',
            month: '2026-11',
            suppressed: false,
            mean: 30,
            lo80: 15,
            hi80: 45,
            retailers: 15,
          },
          {
            brandCode: 'B101',
            month: '2026-12',
            suppressed: false,
            mean: 30,
            lo80: 15,
            hi80: 45,
            retailers: 15,
          },
        ],
      });
      const byCounty = await gql(
        m2Key,
        `{ partnerForecast(brandCode: "B101", groupBy: [COUNTY]) { rows { districtCode suppressed mean retailers } } }`,
      );
      expect(byCounty.body.data.partnerForecast.rows).toEqual([
        { districtCode: 'C01', suppressed: true, mean: null, retailers: null },
        { districtCode: 'C02', suppressed: true, mean: null, retailers: null },
        { districtCode: 'C03', suppressed: false, mean: 28, retailers: 7 },
      ]);
      const foreign = await gql(m2Key, `{ partnerForecast(brandCode: "B001") { runMonth } }`);
      expect(foreign.body.data).toEqual({ partnerForecast: null });
      expect(foreign.body.errors[0].extensions.code).toBe('FORBIDDEN');
    });
  });
});
