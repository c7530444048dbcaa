import request from 'supertest';
import { seedRegister, type RegisterFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * Who may set a retailer's tier and integrity grade and where a retailer may be moved, on both transports.
 * The fixture: AM01 serves market area C01-M01 (routes R01 and R02 of county C01) and keeps retailers 0–2;
 * AM02 serves C02-M01 (route C02-M01-R01) and keeps retailers 3–4; the district manager runs county C02.
 */
describe('Customer field rules', () => {
  let t: TestApp;
  let f: RegisterFixture;
  let accountManager: string;
  let districtManager: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const row = async (id: number) =>
    (
      await t.db.query(
        'SELECT tier, integrity_grade, district_id, shop_name, version FROM retailer WHERE id = $1',
        [id],
      )
    )[0];
  const gql = (token: string, query: string, variables?: object) =>
    request(t.raw).post('/graphql').set(as(token)).send({ query, variables });
  const newShop = (licenceNo: string, districtId: number, extra: object = {}) => ({
    licenceNo,
    shopName: '新开便利店',
    ownerName: '周八',
    phone: '13700000000',
    address: '新路8号',
    districtId,
    marketType: 'urban',
    businessType: 'convenience',
    tradeArea: 'school',
    scale: 3,
    orderDay: 3,
    visitCycle: 'weekly',
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedRegister(t.db);
    accountManager = await t.tokenFor(['account_manager'], { accountManagerId: f.managerIds[0] });
    districtManager = await t.tokenFor(['district_manager'], { districtIds: [f.countyIds[1]] });
  });
  afterAll(() => t.close());

  describe('tier and integrity grade over REST', () => {
    it.each([
      {
        who: 'an account manager',
        token: () => accountManager,
        id: () => f.retailerIds[0],
        change: { tier: 30 },
        field: 'tier',
      },
      {
        who: 'an account manager',
        token: () => accountManager,
        id: () => f.retailerIds[1],
        change: { shopName: '改名', integrityGrade: 'A' },
        field: 'integrityGrade',
      },
      {
        who: 'a district manager',
        token: () => districtManager,
        id: () => f.retailerIds[3],
        change: { tier: 30 },
        field: 'tier',
      },
      {
        who: 'a district manager',
        token: () => districtManager,
        id: () => f.retailerIds[4],
        change: { integrityGrade: 'A' },
        field: 'integrityGrade',
      },
    ])(
      'should refuse $who a change of $field, name the field and change nothing',
      async ({ token, id, change, field }) => {
        const before = await row(id());
        const { body } = await request(t.raw)
          .patch(`/api/customers/${id()}`)
          .set(as(token()))
          .send({ version: before.version, ...change })
          .expect(403);
        expect(body).toMatchObject({ code: 'FORBIDDEN', requestId: expect.any(String) });
        expect(body.details.fields).toEqual([{ field, messages: [expect.stringContaining(field)] }]);
        expect(body.message).toContain(field);
        expect(await row(id())).toEqual(before);
      },
    );

    it('should accept from an account manager a tier that does not change', async () => {
      const id = f.retailerIds[2];
      const before = await row(id);
      const { body } = await request(t.raw)
        .patch(`/api/customers/${id}`)
        .set(as(accountManager))
        .send({ version: before.version, tier: before.tier, preferences: '细支' })
        .expect(200);
      expect(body).toMatchObject({ tier: before.tier, preferences: '细支' });
    });

    it('should let an administrator change them and audit the change in the same write', async () => {
      const id = f.retailerIds[0];
      const before = await row(id);
      const { body } = await request(t.http)
        .patch(`/api/customers/${id}`)
        .send({ version: before.version, tier: 29, integrityGrade: 'B' })
        .expect(200);
      expect(body).toMatchObject({ tier: 29, integrityGrade: 'B', version: before.version + 1 });
      const [audit] = await t.db.query(
        `SELECT actor_kind, actor_name, changed, before, after FROM audit_log
          WHERE entity = 'customer' AND entity_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1`,
        [String(id)],
      );
      expect(audit).toMatchObject({ actor_kind: 'user', actor_name: expect.stringMatching(/admin/) });
      expect(audit.changed).toEqual(expect.arrayContaining(['tier', 'integrityGrade']));
      expect(audit.before).toMatchObject({ tier: before.tier, integrityGrade: before.integrity_grade });
      expect(audit.after).toMatchObject({ tier: 29, integrityGrade: 'B' });
    });

    it('should refuse a non-administrator a new retailer with a tier or grade, and create none', async () => {
      for (const [token, extra] of [
        [accountManager, { tier: 30 }],
        [districtManager, { integrityGrade: 'A' }],
      ] as const) {
        const districtId = token === accountManager ? f.routeIds[0] : f.routeIds[2];
        const { body } = await request(t.raw)
          .post('/api/customers')
          .set(as(token))
          .send(newShop('420100007001', districtId, extra))
          .expect(403);
        expect(body.details.fields.map((e: { field: string }) => e.field)).toEqual(Object.keys(extra));
      }
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM retailer WHERE licence_no = '420100007001'`,
      );
      expect(n).toBe(0);
    });

    it('should start a retailer created by a manager on the lowest tier, ungraded', async () => {
      const { body } = await request(t.raw)
        .post('/api/customers')
        .set(as(accountManager))
        .send(newShop('420100007002', f.routeIds[0], { accountManagerId: f.managerIds[0] }))
        .expect(201);
      expect(body).toMatchObject({ tier: 1, integrityGrade: 'C', accountManagerId: f.managerIds[0] });
    });

    it('should let an administrator create a retailer with its tier and grade', async () => {
      const { body } = await request(t.http)
        .post('/api/customers')
        .send(newShop('420100007003', f.routeIds[2], { tier: 18, integrityGrade: 'A' }))
        .expect(201);
      expect(body).toMatchObject({ tier: 18, integrityGrade: 'A' });
    });
  });

  describe('district changes over REST', () => {
    it('should refuse an account manager a move to a district they do not serve, even keeping the retailer', async () => {
      const id = f.retailerIds[1];
      const before = await row(id);
      const { body } = await request(t.raw)
        .patch(`/api/customers/${id}`)
        .set(as(accountManager))
        .send({ version: before.version, districtId: f.routeIds[2] })
        .expect(403);
      expect(body).toMatchObject({ code: 'FORBIDDEN' });
      expect(body.details.fields[0].field).toBe('districtId');
      expect(await row(id)).toEqual(before);
    });

    it('should let an account manager move a retailer between the districts they serve', async () => {
      const id = f.retailerIds[1];
      const before = await row(id);
      const { body } = await request(t.raw)
        .patch(`/api/customers/${id}`)
        .set(as(accountManager))
        .send({ version: before.version, districtId: f.routeIds[1] })
        .expect(200);
      expect(body.districtId).toBe(f.routeIds[1]);
    });

    it('should refuse an account manager a new retailer of their own in a district they do not serve', async () => {
      const { body } = await request(t.raw)
        .post('/api/customers')
        .set(as(accountManager))
        .send(newShop('420100007004', f.routeIds[2], { accountManagerId: f.managerIds[0] }))
        .expect(403);
      expect(body.details.fields[0].field).toBe('districtId');
    });

    it('should refuse a district manager a move, or a new retailer, in someone else’s district', async () => {
      const id = f.retailerIds[3];
      const before = await row(id);
      const moved = await request(t.raw)
        .patch(`/api/customers/${id}`)
        .set(as(districtManager))
        .send({ version: before.version, districtId: f.routeIds[0] })
        .expect(403);
      expect(moved.body.details.fields[0].field).toBe('districtId');
      expect(await row(id)).toEqual(before);
      await request(t.raw)
        .post('/api/customers')
        .set(as(districtManager))
        .send(newShop('420100007005', f.countyIds[0]))
        .expect(403);
    });

    it('should let a district manager move a retailer inside their county and an administrator anywhere', async () => {
      const id = f.retailerIds[4];
      let { version } = await row(id);
      const inside = await request(t.raw)
        .patch(`/api/customers/${id}`)
        .set(as(districtManager))
        .send({ version, districtId: f.countyIds[1] })
        .expect(200);
      version = inside.body.version;
      const anywhere = await request(t.http)
        .patch(`/api/customers/${id}`)
        .send({ version, districtId: f.routeIds[0] })
        .expect(200);
      expect(anywhere.body.districtId).toBe(f.routeIds[0]);
    });
  });

  describe('over GraphQL', () => {
    const update = `mutation($id: Int!, $input: UpdateCustomerInput!) {
      updateCustomer(id: $id, input: $input) { tier integrityGrade districtId version } }`;
    const create = `mutation($input: CreateCustomerDto!) { createCustomer(input: $input) { id tier integrityGrade } }`;
    const refusal = (body: { data: unknown; errors?: Array<{ message: string; extensions: object }> }) => {
      expect(body.data).toBeNull();
      return body.errors?.[0];
    };

    it('should refuse an account manager a tier or grade change with FORBIDDEN naming the field', async () => {
      const id = f.retailerIds[2];
      const before = await row(id);
      for (const [input, field] of [
        [{ tier: 1 }, 'tier'],
        [{ integrityGrade: 'D' }, 'integrityGrade'],
      ] as const) {
        const { body } = await gql(accountManager, update, {
          id,
          input: { version: before.version, ...input },
        });
        const error = refusal(body);
        expect(error?.extensions).toMatchObject({
          code: 'FORBIDDEN',
          details: { fields: [{ field, messages: [expect.any(String)] }] },
        });
        expect(error?.message).toContain(field);
      }
      expect(await row(id)).toEqual(before);
    });

    it('should refuse a district manager a grade change and a move out of their county', async () => {
      const id = f.retailerIds[3];
      const before = await row(id);
      const grade = await gql(districtManager, update, {
        id,
        input: { version: before.version, integrityGrade: 'A' },
      });
      expect(refusal(grade.body)?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      const move = await gql(districtManager, update, {
        id,
        input: { version: before.version, districtId: f.routeIds[1] },
      });
      expect(refusal(move.body)?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        details: { fields: [{ field: 'districtId' }] },
      });
      expect(await row(id)).toEqual(before);
    });

    it('should refuse an account manager a move away from the districts they serve', async () => {
      const id = f.retailerIds[0];
      const before = await row(id);
      const { body } = await gql(accountManager, update, {
        id,
        input: { version: before.version, districtId: f.routeIds[2] },
      });
      expect(refusal(body)?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(await row(id)).toEqual(before);
    });

    it('should refuse a manager a created retailer with a tier, and create it ungraded without one', async () => {
      const refused = await gql(accountManager, create, {
        input: newShop('420100007006', f.routeIds[0], { tier: 30, accountManagerId: f.managerIds[0] }),
      });
      expect(refusal(refused.body)?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        details: { fields: [{ field: 'tier' }] },
      });
      const made = await gql(districtManager, create, { input: newShop('420100007007', f.routeIds[2]) });
      expect(made.body.data.createCustomer).toMatchObject({ tier: 1, integrityGrade: 'C' });
    });

    it('should let an administrator change tier, grade and district', async () => {
      const id = f.retailerIds[3];
      const { version } = await row(id);
      const { body } = await gql(t.adminToken, update, {
        id,
        input: { version, tier: 7, integrityGrade: 'B', districtId: f.routeIds[0] },
      });
      expect(body.data.updateCustomer).toEqual({
        tier: 7,
        integrityGrade: 'B',
        districtId: f.routeIds[0],
        version: version + 1,
      });
    });
  });
});
