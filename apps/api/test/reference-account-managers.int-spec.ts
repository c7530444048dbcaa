import request from 'supertest';
import { createTestApp, type TestApp } from './test-app';

interface AccountManager {
  id: number;
  code: string;
  name: string;
  phone: string;
  districtIds: number[];
  active: boolean;
  version: number;
}

describe('Account managers', () => {
  let t: TestApp;
  // city → county A (→ market area A1 → route A1R), county B
  const district: Record<string, number> = {};
  const managers: Record<string, AccountManager> = {};

  async function createDistrict(code: string, level: string, parent?: string): Promise<void> {
    const body = { code, name: code, level, parentId: parent ? district[parent] : undefined };
    district[code] = (await request(t.http).post('/api/districts').send(body).expect(201)).body.id;
  }

  async function create(body: Record<string, unknown>): Promise<AccountManager> {
    return (await request(t.http).post('/api/account-managers').send(body).expect(201))
      .body as AccountManager;
  }

  const codes = (body: { items: AccountManager[] }): string[] => body.items.map((m) => m.code);

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    return request(t.http).post('/graphql').send({ query, variables }).expect(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    await createDistrict('CITY', 'city');
    await createDistrict('A', 'county', 'CITY');
    await createDistrict('B', 'county', 'CITY');
    await createDistrict('A1', 'market_area', 'A');
    await createDistrict('A1R', 'route', 'A1');
    managers.M1 = await create({
      code: 'AM01',
      name: '王建国',
      phone: '13912345678',
      districtIds: [district.A1R],
    });
    managers.M2 = await create({
      code: 'AM02',
      name: '李梅',
      phone: '18600001111',
      districtIds: [district.A],
    });
    managers.M3 = await create({
      code: 'AM03',
      name: '张伟',
      phone: '15000002222',
      districtIds: [district.B],
    });
  });
  afterAll(() => t.close());

  describe('POST /api/account-managers', () => {
    it('should create a manager, active, with the districts served', () => {
      expect(managers.M1).toMatchObject({
        code: 'AM01',
        phone: '13912345678',
        districtIds: [district.A1R],
        active: true,
        version: 1,
      });
    });

    it('should default to serving no district', async () => {
      const manager = await create({ code: 'AM09', name: '新人', phone: '17700009999' });
      expect(manager.districtIds).toEqual([]);
    });

    it('should reject a phone that is not an 11-digit mainland mobile number', async () => {
      for (const phone of ['12912345678', '1391234567', '+8613912345678', '139-1234-5678']) {
        const response = await request(t.http)
          .post('/api/account-managers')
          .send({ code: 'BADPHONE', name: 'x', phone })
          .expect(400);
        expect(response.body.details.fields).toEqual([
          {
            field: 'phone',
            messages: ['phone must be an 11-digit mainland mobile number (1[3-9]xxxxxxxxx)'],
          },
        ]);
      }
    });

    it('should reject unknown districts, naming them', async () => {
      const response = await request(t.http)
        .post('/api/account-managers')
        .send({ code: 'NODIST', name: 'x', phone: '13912345678', districtIds: [district.A, 999998, 999999] })
        .expect(422);
      expect(response.body).toMatchObject({
        code: 'UNPROCESSABLE',
        message: 'District 999998, 999999 do not exist',
        details: { fields: [{ field: 'districtIds' }] },
      });
    });

    it('should reject a duplicate code', async () => {
      const response = await request(t.http)
        .post('/api/account-managers')
        .send({ code: 'AM01', name: 'x', phone: '13912345678' })
        .expect(409);
      expect(response.body.code).toBe('DUPLICATE');
    });

    it('should name every missing, wrongly typed and unknown field', async () => {
      const response = await request(t.http)
        .post('/api/account-managers')
        .send({ code: 'X', phone: 13912345678, districtIds: ['a', 1, 1], email: 'x@example.com' })
        .expect(400);
      const fields = (response.body.details.fields as { field: string }[]).map((f) => f.field).sort();
      expect(fields).toEqual(['districtIds', 'email', 'name', 'phone']);
    });
  });

  describe('GET /api/account-managers', () => {
    it('should list managers sorted by code, paged', async () => {
      const response = await request(t.http).get('/api/account-managers?pageSize=2&page=2').expect(200);
      expect(response.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      expect(codes(response.body)).toEqual(['AM03', 'AM09']);
    });

    it('should find the managers serving a district, the districts above it or any below it', async () => {
      const get = async (id: number) =>
        codes((await request(t.http).get(`/api/account-managers?districtId=${id}`).expect(200)).body);
      expect(await get(district.A1)).toEqual(['AM01', 'AM02']);
      expect(await get(district.A)).toEqual(['AM01', 'AM02']);
      expect(await get(district.CITY)).toEqual(['AM01', 'AM02', 'AM03']);
      expect(await get(district.B)).toEqual(['AM03']);
      expect(await get(999999)).toEqual([]);
    });

    it('should filter by activity and search code or name', async () => {
      const bySearch = await request(t.http).get(`/api/account-managers?search=${encodeURIComponent('李')}`);
      expect(codes(bySearch.body)).toEqual(['AM02']);
      const byCode = await request(t.http).get('/api/account-managers?search=am0&active=true&order=desc');
      expect(codes(byCode.body)).toEqual(['AM09', 'AM03', 'AM02', 'AM01']);
    });

    it('should reject a page size over 200 and an unknown parameter', async () => {
      await request(t.http).get('/api/account-managers?pageSize=201').expect(400);
      await request(t.http).get('/api/account-managers?phone=139').expect(400);
    });
  });

  describe('GET /api/account-managers/:id', () => {
    it('should return one manager with the phone number for staff', async () => {
      const response = await request(t.http).get(`/api/account-managers/${managers.M2.id}`).expect(200);
      expect(response.body).toEqual(managers.M2);
    });

    it('should answer 404 NOT_FOUND for an unknown id', async () => {
      const response = await request(t.http).get('/api/account-managers/999999').expect(404);
      expect(response.body.code).toBe('NOT_FOUND');
    });
  });

  describe('PATCH /api/account-managers/:id', () => {
    it('should reassign districts and change the phone', async () => {
      const manager = await create({
        code: 'AM10',
        name: '调岗',
        phone: '13900000010',
        districtIds: [district.A],
      });
      const response = await request(t.http)
        .patch(`/api/account-managers/${manager.id}`)
        .send({ districtIds: [district.B, district.A1], phone: '13900000011', version: 1 })
        .expect(200);
      expect(response.body).toMatchObject({
        districtIds: [district.B, district.A1],
        phone: '13900000011',
        name: '调岗',
        version: 2,
      });
    });

    it('should reject a stale version, a duplicate code and unknown districts', async () => {
      const manager = await create({ code: 'AM11', name: 'x', phone: '13900000012' });
      await request(t.http)
        .patch(`/api/account-managers/${manager.id}`)
        .send({ name: 'y', version: 1 })
        .expect(200);
      const stale = await request(t.http)
        .patch(`/api/account-managers/${manager.id}`)
        .send({ name: 'z', version: 1 })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const duplicate = await request(t.http)
        .patch(`/api/account-managers/${manager.id}`)
        .send({ code: 'AM01', version: 2 })
        .expect(409);
      expect(duplicate.body.code).toBe('DUPLICATE');
      await request(t.http)
        .patch(`/api/account-managers/${manager.id}`)
        .send({ districtIds: [999999], version: 2 })
        .expect(422);
      await request(t.http)
        .patch(`/api/account-managers/${manager.id}`)
        .send({ phone: null, version: 2 })
        .expect(400);
    });
  });

  describe('POST /api/account-managers/:id/deactivate', () => {
    it('should deactivate a manager, who then drops out of the active list', async () => {
      const manager = await create({ code: 'AM12', name: '离职', phone: '13900000013' });
      const response = await request(t.http)
        .post(`/api/account-managers/${manager.id}/deactivate`)
        .send({ version: 1 })
        .expect(200);
      expect(response.body).toMatchObject({ active: false, version: 2 });
      const inactive = await request(t.http).get('/api/account-managers?active=false').expect(200);
      expect(codes(inactive.body)).toEqual(['AM12']);
      await request(t.http)
        .post(`/api/account-managers/${manager.id}/deactivate`)
        .send({ version: 1 })
        .expect(409);
      await request(t.http).post(`/api/account-managers/${manager.id}/deactivate`).send({}).expect(400);
    });
  });

  describe('GraphQL account managers', () => {
    it('should list managers with their districts and never expose the phone', async () => {
      const response = await graphql(
        `
          query ($districtId: Int) {
            accountManagers(filter: { districtId: $districtId, search: "AM0" }) {
              items {
                code
                districtIds
                districts {
                  code
                  level
                }
              }
              total
            }
          }
        `,
        { districtId: district.A },
      );
      expect(response.body.data.accountManagers).toEqual({
        items: [
          { code: 'AM01', districtIds: [district.A1R], districts: [{ code: 'A1R', level: 'route' }] },
          { code: 'AM02', districtIds: [district.A], districts: [{ code: 'A', level: 'county' }] },
        ],
        total: 2,
      });
      const phone = await request(t.http)
        .post('/graphql')
        .send({ query: '{ accountManagers { items { phone } } }' })
        .expect(400);
      expect(phone.body.errors[0]).toMatchObject({
        message: expect.stringContaining('Cannot query field "phone"'),
        extensions: { code: 'BAD_REQUEST' },
      });
    });

    it('should create, update and deactivate a manager through mutations', async () => {
      const created = await graphql(
        `
          mutation ($d: [Int!]) {
            createAccountManager(input: { code: "GQL1", name: "图", phone: "13700000001", districtIds: $d }) {
              id
              version
              districts {
                code
              }
            }
          }
        `,
        { d: [district.B] },
      );
      const { id } = created.body.data.createAccountManager;
      expect(created.body.data.createAccountManager.districts).toEqual([{ code: 'B' }]);
      const updated = await graphql(
        `
          mutation ($id: Int!) {
            updateAccountManager(id: $id, input: { name: "改", version: 1 }) {
              name
              version
            }
          }
        `,
        { id },
      );
      expect(updated.body.data.updateAccountManager).toEqual({ name: '改', version: 2 });
      const deactivated = await graphql(
        `
          mutation ($id: Int!) {
            deactivateAccountManager(id: $id, version: 2) {
              active
            }
          }
        `,
        { id },
      );
      expect(deactivated.body.data.deactivateAccountManager).toEqual({ active: false });
      const badPhone = await graphql(`
        mutation {
          createAccountManager(input: { code: "GQL2", name: "图", phone: "123" }) {
            id
          }
        }
      `);
      expect(badPhone.body.errors[0].extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'phone' }] },
      });
      const missing = await graphql(`
        {
          accountManager(id: 999999) {
            code
          }
        }
      `);
      expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
    });
  });
});
