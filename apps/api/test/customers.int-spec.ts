import request from 'supertest';
import { seedRegister, type RegisterFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

describe('Customers API', () => {
  let t: TestApp;
  let f: RegisterFixture;
  beforeAll(async () => {
    t = await createTestApp();
    f = await seedRegister(t.db);
  });
  afterAll(() => t.close());

  describe('GET /api/customers', () => {
    it('should page through every retailer sorted by licence number by default', async () => {
      const { body } = await request(t.http).get('/api/customers?pageSize=2').expect(200);
      expect(body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(body.items.map((c: { licenceNo: string }) => c.licenceNo)).toEqual([
        '420100000001',
        '420100000002',
      ]);
      const second = await request(t.http).get('/api/customers?pageSize=2&page=3').expect(200);
      expect(second.body.items).toHaveLength(1);
    });

    it('should include a district and everything below it', async () => {
      const county = await request(t.http).get(`/api/customers?districtId=${f.countyIds[0]}`).expect(200);
      expect(county.body.total).toBe(3);
      const route = await request(t.http).get(`/api/customers?districtId=${f.routeIds[1]}`).expect(200);
      expect(route.body.items.map((c: { shopName: string }) => c.shopName)).toEqual(['金叶烟酒行']);
      const city = await request(t.http).get(`/api/customers?districtId=${f.cityId}`).expect(200);
      expect(city.body.total).toBe(5);
    });

    it('should combine filters on business type, market, scale, tier range, grade and manager', async () => {
      const { body } = await request(t.http)
        .get('/api/customers')
        .query({ businessType: 'grocery,supermarket', marketType: 'rural', tierMin: 10, integrityGrade: 'D' })
        .expect(200);
      expect(body.items.map((c: { licenceNo: string }) => c.licenceNo)).toEqual(['420200000005']);
      const byManager = await request(t.http)
        .get(`/api/customers?accountManagerId=${f.managerIds[1]}`)
        .expect(200);
      expect(byManager.body.total).toBe(2);
      const byScale = await request(t.http).get('/api/customers?scale=1').expect(200);
      expect(byScale.body.total).toBe(2);
    });

    it('should search by shop name, owner, licence and phone', async () => {
      for (const term of ['烟酒', '王五', '00000003', '13800000003']) {
        const { body } = await request(t.http).get('/api/customers').query({ search: term }).expect(200);
        expect(body.items.map((c: { licenceNo: string }) => c.licenceNo)).toEqual(['420100000003']);
      }
    });

    it('should treat search wildcards and quotes as text', async () => {
      for (const term of ['%', '_', "' OR 1=1 --", '\\']) {
        const { body } = await request(t.http).get('/api/customers').query({ search: term }).expect(200);
        expect(body.total).toBe(0);
      }
    });

    it('should sort by tier descending', async () => {
      const { body } = await request(t.http).get('/api/customers?sort=tier&order=desc').expect(200);
      expect(body.items.map((c: { tier: number }) => c.tier)).toEqual([30, 25, 15, 12, 3]);
    });

    it('should reject a page size over the cap, unknown sort fields, bad enums and unknown parameters', async () => {
      const cases = [
        'pageSize=500',
        'sort=password',
        'businessType=casino',
        'tierMin=0',
        'page=abc',
        'colour=red',
      ];
      for (const query of cases) {
        const { body } = await request(t.http).get(`/api/customers?${query}`).expect(400);
        expect(body.code).toBe('VALIDATION_FAILED');
        expect(body.details.fields.length).toBeGreaterThan(0);
        expect(body.requestId).toBeTruthy();
      }
    });
  });

  describe('GET /api/customers/:id', () => {
    it('should return every field with district and manager names', async () => {
      const { body } = await request(t.http).get(`/api/customers/${f.retailerIds[0]}`).expect(200);
      expect(body).toMatchObject({
        licenceNo: '420100000001',
        districtCode: 'C01-M01-R01',
        accountManagerName: '李经理',
        classificationCode: 'CB1',
        address: '某路1号',
        version: 1,
      });
    });

    it('should answer 404 with the error shape for an unknown id and 400 for a non-numeric one', async () => {
      const missing = await request(t.http).get('/api/customers/999999').expect(404);
      expect(missing.body).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
      await request(t.http).get('/api/customers/abc').expect(400);
    });
  });

  describe('GET /api/customers/:id/sales', () => {
    it('should give monthly series by brand ending with the latest month in the data', async () => {
      const { body } = await request(t.http)
        .get(`/api/customers/${f.retailerIds[0]}/sales?months=3`)
        .expect(200);
      expect(body.months).toEqual(['2026-08', '2026-09', '2026-10']);
      expect(body.totalCartons).toEqual([10, 12, 5]);
      expect(body.brands[0]).toMatchObject({ brandCode: 'B001', cartons: [10, 12, 0] });
    });

    it('should give zeros for a retailer with no sales', async () => {
      const { body } = await request(t.http)
        .get(`/api/customers/${f.retailerIds[1]}/sales?months=2`)
        .expect(200);
      expect(body).toEqual({
        months: ['2026-09', '2026-10'],
        totalCartons: [0, 0],
        totalAmount: [0, 0],
        brands: [],
      });
    });
  });

  describe('POST /api/customers', () => {
    const valid = () => ({
      licenceNo: '420100009999',
      shopName: '新开便利店',
      ownerName: '周八',
      phone: '13700000000',
      address: '新路8号',
      districtId: f.routeIds[0],
      marketType: 'urban',
      businessType: 'convenience',
      tradeArea: 'school',
      scale: 3,
      integrityGrade: 'A',
      tier: 5,
      orderDay: 3,
      visitCycle: 'weekly',
    });

    it('should create a retailer with its classification code', async () => {
      const { body } = await request(t.http).post('/api/customers').send(valid()).expect(201);
      expect(body).toMatchObject({
        classificationCode: 'CB3',
        status: 'active',
        version: 1,
        districtCode: 'C01-M01-R01',
      });
    });

    it('should refuse a duplicate licence number with a clear error', async () => {
      const { body } = await request(t.http)
        .post('/api/customers')
        .send({ ...valid(), licenceNo: '420100000001' })
        .expect(409);
      expect(body).toMatchObject({ code: 'DUPLICATE', details: { field: 'licenceNo' } });
      expect(body.message).toContain('420100000001');
    });

    it('should name every bad field', async () => {
      const { body } = await request(t.http)
        .post('/api/customers')
        .send({ ...valid(), licenceNo: 'x', phone: '123', tier: 31, birthday: '2026-02-30', extra: 1 })
        .expect(400);
      const fields = body.details.fields.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['birthday', 'extra', 'licenceNo', 'phone', 'tier']);
    });

    it('should reject missing required fields and wrong types', async () => {
      const { body } = await request(t.http).post('/api/customers').send({ shopName: 42 }).expect(400);
      const fields = body.details.fields.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['licenceNo', 'shopName', 'districtId', 'orderDay']));
      expect(fields).not.toContain('tier');
    });

    it('should refuse an unknown district or account manager', async () => {
      const district = await request(t.http)
        .post('/api/customers')
        .send({ ...valid(), licenceNo: '420100008888', districtId: 999999 })
        .expect(422);
      expect(district.body.details).toEqual({ field: 'districtId' });
      await request(t.http)
        .post('/api/customers')
        .send({ ...valid(), licenceNo: '420100008888', accountManagerId: 999999 })
        .expect(422);
    });
  });

  describe('PATCH /api/customers/:id', () => {
    it('should update with the current version, bump it, and recompute the classification', async () => {
      const id = f.retailerIds[1];
      const { body } = await request(t.http)
        .patch(`/api/customers/${id}`)
        .send({ version: 1, businessType: 'supermarket', scale: 1 })
        .expect(200);
      expect(body).toMatchObject({ version: 2, businessType: 'supermarket', classificationCode: 'CS1' });
    });

    it('should refuse a stale version and keep the newer data', async () => {
      const id = f.retailerIds[2];
      await request(t.http)
        .patch(`/api/customers/${id}`)
        .send({ version: 1, shopName: '第一次' })
        .expect(200);
      const { body } = await request(t.http)
        .patch(`/api/customers/${id}`)
        .send({ version: 1, shopName: '第二次' })
        .expect(409);
      expect(body).toMatchObject({
        code: 'STALE_VERSION',
        details: { expectedVersion: 1, currentVersion: 2 },
      });
      const current = await request(t.http).get(`/api/customers/${id}`).expect(200);
      expect(current.body.shopName).toBe('第一次');
    });

    it('should let exactly one of two concurrent writers win', async () => {
      const id = f.retailerIds[4];
      const results = await Promise.all(
        ['甲', '乙', '丙'].map((name) =>
          request(t.http).patch(`/api/customers/${id}`).send({ version: 1, shopName: name }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    });

    it('should require the version and answer 404 for an unknown id', async () => {
      await request(t.http).patch(`/api/customers/${f.retailerIds[0]}`).send({ shopName: 'x' }).expect(400);
      await request(t.http).patch('/api/customers/999999').send({ version: 1, shopName: 'x' }).expect(404);
    });
  });

  describe('POST /api/customers/:id/deactivate', () => {
    it('should deactivate with a reason, never delete, and refuse doing it twice', async () => {
      const id = f.retailerIds[3];
      const { body } = await request(t.http)
        .post(`/api/customers/${id}/deactivate`)
        .send({ version: 1, reason: '许可证注销' })
        .expect(201);
      expect(body).toMatchObject({ status: 'inactive', version: 2 });
      await request(t.http)
        .post(`/api/customers/${id}/deactivate`)
        .send({ version: 2, reason: 'again' })
        .expect(409);
      await request(t.http).post(`/api/customers/${id}/deactivate`).send({ version: 2 }).expect(400);
      const inactive = await request(t.http).get('/api/customers?status=inactive').expect(200);
      expect(inactive.body.items.map((c: { id: number }) => c.id)).toEqual([id]);
    });
  });

  describe('GET /api/customers/export', () => {
    it('should stream the filtered list as CSV with the import columns', async () => {
      const response = await request(t.http)
        .get(`/api/customers/export?districtId=${f.countyIds[1]}`)
        .expect(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const lines = response.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0].startsWith('licence_no,shop_name,owner_name,phone')).toBe(true);
      expect(lines).toHaveLength(3);
    });

    it('should validate export filters like the list', async () => {
      await request(t.http).get('/api/customers/export?tierMax=99').expect(400);
    });
  });

  describe('GraphQL customers', () => {
    const gql = (query: string, variables?: object) =>
      request(t.http).post('/graphql').set('content-type', 'application/json').send({ query, variables });

    it('should list with a filter and resolve a profile with its sales', async () => {
      const { body } = await gql(
        `query($f: CustomerFilter) { customers(filter: $f, options: { pageSize: 10, sort: "tier", order: "desc" }) {
           total items { licenceNo tier } } }`,
        { f: { districtId: f.countyIds[1] } },
      ).expect(200);
      expect(body.data.customers.total).toBe(2);
      expect(body.data.customers.items[0].tier).toBe(15);
      const profile = await gql(
        `{ customer(id: ${f.retailerIds[0]}) { shopName sales(months: 2) { months totalCartons } } }`,
      );
      expect(profile.body.data.customer.sales).toEqual({
        months: ['2026-09', '2026-10'],
        totalCartons: [12, 5],
      });
    });

    it('should report validation and not-found errors with extensions.code', async () => {
      const invalid = await gql(`{ customers(options: { pageSize: 1000 }) { total } }`);
      expect(invalid.body.errors[0].extensions.code).toBe('VALIDATION_FAILED');
      const missing = await gql(`{ customer(id: 999999) { id } }`);
      expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
      expect(missing.body.errors[0].extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
      const unknownField = await gql(`{ customer(id: 1) { password } }`);
      expect(unknownField.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

    it('should update through a mutation with optimistic concurrency', async () => {
      const id = f.retailerIds[0];
      const ok = await gql(
        `mutation { updateCustomer(id: ${id}, input: { version: 1, tier: 26 }) { tier version } }`,
      );
      expect(ok.body.data.updateCustomer).toEqual({ tier: 26, version: 2 });
      const stale = await gql(
        `mutation { updateCustomer(id: ${id}, input: { version: 1, tier: 27 }) { tier } }`,
      );
      expect(stale.body.errors[0].extensions.code).toBe('STALE_VERSION');
    });
  });
});
