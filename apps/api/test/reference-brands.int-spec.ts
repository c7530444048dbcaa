import request from 'supertest';
import { ManufacturersService } from '../src/modules/reference/manufacturers/manufacturers.service';
import { createTestApp, type TestApp } from './test-app';

interface Brand {
  id: number;
  code: string;
  manufacturerId: number;
  wholesalePrice: number;
  retailPrice: number;
  status: string;
  version: number;
}

describe('Brands', () => {
  let t: TestApp;
  let hubei: number;
  let yunnan: number;
  const brands: Record<string, Brand> = {};

  function brandInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      code: 'B-X',
      name: '测试',
      manufacturerId: hubei,
      priceClass: 3,
      wholesalePrice: 100,
      retailPrice: 120,
      packType: 'hard',
      ...overrides,
    };
  }

  async function create(overrides: Record<string, unknown>): Promise<Brand> {
    const response = await request(t.http).post('/api/brands').send(brandInput(overrides)).expect(201);
    return response.body as Brand;
  }

  const codes = (body: { items: Brand[] }): string[] => body.items.map((b) => b.code);

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    return request(t.http).post('/graphql').send({ query, variables }).expect(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const m1 = await request(t.http)
      .post('/api/manufacturers')
      .send({ code: 'HBZY', name: '湖北中烟' })
      .expect(201);
    const m2 = await request(t.http)
      .post('/api/manufacturers')
      .send({ code: 'YNZY', name: '云南中烟' })
      .expect(201);
    hubei = m1.body.id;
    yunnan = m2.body.id;
    brands.A = await create({
      code: 'A01',
      name: '黄鹤楼(软蓝)',
      priceClass: 1,
      wholesalePrice: 450.5,
      retailPrice: 500,
    });
    brands.B = await create({
      code: 'B01',
      name: '红金龙(硬)',
      priceClass: 4,
      wholesalePrice: 90,
      retailPrice: 100,
    });
    brands.C = await create({
      code: 'C01',
      name: '云烟(紫)',
      manufacturerId: yunnan,
      priceClass: 2,
      wholesalePrice: 200.25,
      retailPrice: 230,
      status: 'active',
      scarce: true,
      packType: 'slim',
      launchedOn: '2021-03-01',
    });
  });
  afterAll(() => t.close());

  describe('POST /api/brands', () => {
    it('should create a brand with defaults and prices as numbers', () => {
      expect(brands.A).toMatchObject({
        code: 'A01',
        manufacturerId: hubei,
        wholesalePrice: 450.5,
        retailPrice: 500,
        status: 'new',
        scarce: false,
        launchedOn: null,
        withdrawnOn: null,
        version: 1,
      });
    });

    it('should reject a duplicate code', async () => {
      const response = await request(t.http)
        .post('/api/brands')
        .send(brandInput({ code: 'A01' }))
        .expect(409);
      expect(response.body).toMatchObject({
        code: 'DUPLICATE',
        message: 'Brand with code A01 already exists',
      });
    });

    it('should reject an unknown manufacturer with a clear message', async () => {
      const response = await request(t.http)
        .post('/api/brands')
        .send(brandInput({ code: 'NOMF', manufacturerId: 999999 }))
        .expect(422);
      expect(response.body).toMatchObject({
        code: 'UNPROCESSABLE',
        message: 'Manufacturer 999999 does not exist',
        details: { fields: [{ field: 'manufacturerId' }] },
      });
    });

    it('should reject a retail price below the wholesale price', async () => {
      const response = await request(t.http)
        .post('/api/brands')
        .send(brandInput({ code: 'CHEAP', wholesalePrice: 100, retailPrice: 99.99 }))
        .expect(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'retailPrice' }] },
      });
    });

    it('should require a withdrawal date for a withdrawn brand, not before its launch', async () => {
      const missing = await request(t.http)
        .post('/api/brands')
        .send(brandInput({ code: 'W1', status: 'withdrawn' }))
        .expect(400);
      expect(missing.body.details.fields).toEqual([
        { field: 'withdrawnOn', messages: ['withdrawnOn is required when the status is withdrawn'] },
      ]);
      const early = await request(t.http)
        .post('/api/brands')
        .send(
          brandInput({
            code: 'W1',
            status: 'withdrawn',
            launchedOn: '2022-05-01',
            withdrawnOn: '2022-04-30',
          }),
        )
        .expect(400);
      expect(early.body.details.fields[0].messages[0]).toContain('must not be before launchedOn');
      await request(t.http)
        .post('/api/brands')
        .send(
          brandInput({
            code: 'W1',
            status: 'withdrawn',
            launchedOn: '2022-05-01',
            withdrawnOn: '2023-01-31',
          }),
        )
        .expect(201);
    });

    it('should name every missing, wrongly typed, out-of-range and unknown field', async () => {
      const response = await request(t.http)
        .post('/api/brands')
        .send({
          code: 'BAD',
          manufacturerId: '1',
          priceClass: 6,
          wholesalePrice: 10.123,
          retailPrice: -5,
          packType: 'tin',
          status: 'retired',
          scarce: 'yes',
          launchedOn: '2023-02-30',
          withdrawnOn: '01/02/2023',
          colour: 'red',
        })
        .expect(400);
      const fields = (response.body.details.fields as { field: string }[]).map((f) => f.field);
      expect([...new Set(fields)].sort()).toEqual(
        [
          'colour',
          'launchedOn',
          'manufacturerId',
          'name',
          'packType',
          'priceClass',
          'retailPrice',
          'scarce',
          'status',
          'wholesalePrice',
          'withdrawnOn',
        ].sort(),
      );
    });
  });

  describe('GET /api/brands', () => {
    it('should list brands sorted by code by default', async () => {
      const response = await request(t.http).get('/api/brands').expect(200);
      expect(response.body).toMatchObject({ total: 4, page: 1, pageSize: 50 });
      expect(codes(response.body)).toEqual(['A01', 'B01', 'C01', 'W1']);
    });

    it('should sort by wholesale price and by name, in either order', async () => {
      const byPrice = await request(t.http).get('/api/brands?sort=wholesalePrice&order=desc').expect(200);
      expect(codes(byPrice.body)).toEqual(['A01', 'C01', 'W1', 'B01']);
      const byName = await request(t.http).get('/api/brands?sort=name').expect(200);
      expect(byName.body.items).toHaveLength(4);
      await request(t.http).get('/api/brands?sort=colour').expect(400);
    });

    it('should filter by manufacturer, status, scarcity, price class and search', async () => {
      const get = async (query: string) =>
        codes((await request(t.http).get(`/api/brands?${query}`).expect(200)).body);
      expect(await get(`manufacturerId=${yunnan}`)).toEqual(['C01']);
      expect(await get('status=withdrawn')).toEqual(['W1']);
      expect(await get('scarce=true')).toEqual(['C01']);
      expect(await get('scarce=false&priceClass=4')).toEqual(['B01']);
      expect(await get(`search=${encodeURIComponent('黄鹤楼')}`)).toEqual(['A01']);
      expect(await get('search=c0')).toEqual(['C01']);
      expect(await get('search=%25')).toEqual([]);
    });

    it('should page the results', async () => {
      const response = await request(t.http).get('/api/brands?page=2&pageSize=3').expect(200);
      expect(response.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(codes(response.body)).toEqual(['W1']);
    });

    it('should reject a page size over 200 and invalid filters', async () => {
      const response = await request(t.http).get('/api/brands?pageSize=500').expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      await request(t.http).get('/api/brands?priceClass=9').expect(400);
      await request(t.http).get('/api/brands?scarce=1').expect(400);
      await request(t.http).get('/api/brands?status=retired').expect(400);
    });
  });

  describe('GET /api/brands/:id', () => {
    it('should return one brand', async () => {
      const response = await request(t.http).get(`/api/brands/${brands.C.id}`).expect(200);
      expect(response.body).toEqual(brands.C);
    });

    it('should answer 404 NOT_FOUND for an unknown id', async () => {
      const response = await request(t.http).get('/api/brands/999999').expect(404);
      expect(response.body.code).toBe('NOT_FOUND');
    });
  });

  describe('PATCH /api/brands/:id', () => {
    it('should change prices and status and bump the version', async () => {
      const brand = await create({ code: 'U01' });
      const response = await request(t.http)
        .patch(`/api/brands/${brand.id}`)
        .send({ retailPrice: 130, status: 'limited', scarce: true, version: 1 })
        .expect(200);
      expect(response.body).toMatchObject({
        retailPrice: 130,
        wholesalePrice: 100,
        status: 'limited',
        version: 2,
      });
    });

    it('should check cross-field rules against the stored brand', async () => {
      const brand = await create({ code: 'U02', wholesalePrice: 100, retailPrice: 120 });
      const response = await request(t.http)
        .patch(`/api/brands/${brand.id}`)
        .send({ retailPrice: 90, version: 1 })
        .expect(400);
      expect(response.body.details.fields[0].field).toBe('retailPrice');
      await request(t.http)
        .patch(`/api/brands/${brand.id}`)
        .send({ status: 'withdrawn', version: 1 })
        .expect(400);
      await request(t.http)
        .patch(`/api/brands/${brand.id}`)
        .send({ status: 'withdrawn', withdrawnOn: '2025-12-31', version: 1 })
        .expect(200);
    });

    it('should reject a stale version', async () => {
      const brand = await create({ code: 'U03' });
      await request(t.http).patch(`/api/brands/${brand.id}`).send({ name: 'one', version: 1 }).expect(200);
      const response = await request(t.http)
        .patch(`/api/brands/${brand.id}`)
        .send({ name: 'two', version: 1 })
        .expect(409);
      expect(response.body.code).toBe('STALE_VERSION');
    });

    it("should reject another brand's code, an unknown manufacturer and a null price", async () => {
      const brand = await create({ code: 'U04' });
      const duplicate = await request(t.http)
        .patch(`/api/brands/${brand.id}`)
        .send({ code: 'A01', version: 1 })
        .expect(409);
      expect(duplicate.body.code).toBe('DUPLICATE');
      await request(t.http)
        .patch(`/api/brands/${brand.id}`)
        .send({ manufacturerId: 999999, version: 1 })
        .expect(422);
      const nulls = await request(t.http)
        .patch(`/api/brands/${brand.id}`)
        .send({ wholesalePrice: null, version: 1 })
        .expect(400);
      expect(nulls.body.details.fields[0].field).toBe('wholesalePrice');
      await request(t.http).patch(`/api/brands/${brand.id}`).send({ name: 'no version' }).expect(400);
    });

    it('should answer 404 NOT_FOUND for an unknown id', async () => {
      await request(t.http).patch('/api/brands/999999').send({ name: 'x', version: 1 }).expect(404);
    });
  });

  describe('GraphQL brands', () => {
    it('should page brands with their manufacturer, loaded in one batch', async () => {
      const manufacturerQueries = jest.spyOn(t.app.get(ManufacturersService), 'findByIds');
      const response = await graphql(
        `
          query ($filter: BrandFilter) {
            brands(filter: $filter, page: { pageSize: 3, order: "desc" }, sort: wholesalePrice) {
              items {
                code
                wholesalePrice
                status
                packType
                manufacturer {
                  code
                  name
                }
              }
              total
              page
              pageSize
            }
          }
        `,
        { filter: { priceClass: null } },
      );
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.brands).toMatchObject({ page: 1, pageSize: 3 });
      expect(response.body.data.brands.items.slice(0, 2)).toEqual([
        {
          code: 'A01',
          wholesalePrice: 450.5,
          status: 'new',
          packType: 'hard',
          manufacturer: { code: 'HBZY', name: '湖北中烟' },
        },
        {
          code: 'C01',
          wholesalePrice: 200.25,
          status: 'active',
          packType: 'slim',
          manufacturer: { code: 'YNZY', name: '云南中烟' },
        },
      ]);
      expect(manufacturerQueries).toHaveBeenCalledTimes(1);
      manufacturerQueries.mockRestore();
    });

    it('should filter brands and get one by id', async () => {
      const filtered = await graphql(`
        {
          brands(filter: { scarce: true, status: active }) {
            items {
              code
            }
            total
          }
        }
      `);
      expect(filtered.body.data.brands).toEqual({ items: [{ code: 'C01' }], total: 1 });
      const one = await graphql(
        `
          query ($id: Int!) {
            brand(id: $id) {
              code
              launchedOn
              manufacturer {
                code
              }
            }
          }
        `,
        {
          id: brands.C.id,
        },
      );
      expect(one.body.data.brand).toEqual({
        code: 'C01',
        launchedOn: '2021-03-01',
        manufacturer: { code: 'YNZY' },
      });
      const missing = await graphql(`
        {
          brand(id: 999999) {
            code
          }
        }
      `);
      expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
    });

    it('should create and update a brand through mutations with the same rules', async () => {
      const created = await graphql(
        `
          mutation ($m: Int!) {
            createBrand(
              input: {
                code: "G01"
                name: "图"
                manufacturerId: $m
                priceClass: 5
                wholesalePrice: 50
                retailPrice: 60
                packType: soft
              }
            ) {
              id
              version
            }
          }
        `,
        { m: yunnan },
      );
      const { id } = created.body.data.createBrand;
      const cheap = await graphql(
        `
          mutation ($id: Int!) {
            updateBrand(id: $id, input: { retailPrice: 40, version: 1 }) {
              id
            }
          }
        `,
        { id },
      );
      expect(cheap.body.errors[0].extensions.code).toBe('VALIDATION_FAILED');
      const stale = await graphql(
        `
          mutation ($id: Int!) {
            updateBrand(id: $id, input: { name: "x", version: 7 }) {
              id
            }
          }
        `,
        { id },
      );
      expect(stale.body.errors[0].extensions.code).toBe('STALE_VERSION');
      const duplicate = await graphql(
        `
          mutation ($m: Int!) {
            createBrand(
              input: {
                code: "G01"
                name: "图"
                manufacturerId: $m
                priceClass: 5
                wholesalePrice: 50
                retailPrice: 60
                packType: soft
              }
            ) {
              id
            }
          }
        `,
        { m: yunnan },
      );
      expect(duplicate.body.errors[0].extensions.code).toBe('DUPLICATE');
    });

    it('should refuse a page size over 200', async () => {
      const response = await graphql(`
        {
          brands(page: { pageSize: 201 }) {
            total
          }
        }
      `);
      expect(response.body.errors[0].extensions.code).toBe('VALIDATION_FAILED');
    });
  });
});
