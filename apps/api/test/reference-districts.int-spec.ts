import request from 'supertest';
import { DistrictsService } from '../src/modules/reference/districts/districts.service';
import { createTestApp, type TestApp } from './test-app';

interface District {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  path: string;
  marketType: string | null;
  active: boolean;
  version: number;
}

describe('Districts', () => {
  let t: TestApp;
  // city WH → counties JA, HS → market areas JA-1 (under JA), HS-1 (under HS) → routes JA-1-R1, JA-1-R2
  const d: Record<string, District> = {};

  async function create(body: Record<string, unknown>): Promise<District> {
    const response = await request(t.http).post('/api/districts').send(body).expect(201);
    return response.body as District;
  }

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    return request(t.http).post('/graphql').send({ query, variables }).expect(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    d.WH = await create({ code: 'WH', name: '武汉市', level: 'city' });
    d.JA = await create({
      code: 'JA',
      name: '江岸区',
      level: 'county',
      parentId: d.WH.id,
      marketType: 'urban',
    });
    d.HS = await create({
      code: 'HS',
      name: '黄陂区',
      level: 'county',
      parentId: d.WH.id,
      marketType: 'rural',
    });
    d['JA-1'] = await create({ code: 'JA-1', name: '江岸一部', level: 'market_area', parentId: d.JA.id });
    d['HS-1'] = await create({ code: 'HS-1', name: '黄陂一部', level: 'market_area', parentId: d.HS.id });
    d['JA-1-R1'] = await create({ code: 'JA-1-R1', name: '线路1', level: 'route', parentId: d['JA-1'].id });
    d['JA-1-R2'] = await create({ code: 'JA-1-R2', name: '线路2', level: 'route', parentId: d['JA-1'].id });
  });
  afterAll(() => t.close());

  describe('POST /api/districts', () => {
    it('should give a city the path of its own id', () => {
      expect(d.WH).toMatchObject({
        level: 'city',
        parentId: null,
        path: `/${d.WH.id}/`,
        active: true,
        version: 1,
      });
    });

    it("should compute the path from the parent's path and inherit the parent's market type", () => {
      expect(d['JA-1-R1']).toMatchObject({
        parentId: d['JA-1'].id,
        path: `/${d.WH.id}/${d.JA.id}/${d['JA-1'].id}/${d['JA-1-R1'].id}/`,
        marketType: 'urban',
      });
    });

    it('should reject a district whose parent is not exactly one level up', async () => {
      const response = await request(t.http)
        .post('/api/districts')
        .send({ code: 'BAD-R', name: 'x', level: 'route', parentId: d.JA.id })
        .expect(422);
      expect(response.body).toMatchObject({
        code: 'UNPROCESSABLE',
        details: { fields: [{ field: 'parentId' }] },
      });
      expect(response.body.message).toContain('must be a market_area');
    });

    it('should reject a county without a parent and a city with one', async () => {
      await request(t.http)
        .post('/api/districts')
        .send({ code: 'NOPARENT', name: 'x', level: 'county' })
        .expect(422);
      const response = await request(t.http)
        .post('/api/districts')
        .send({ code: 'CITY2', name: 'x', level: 'city', parentId: d.WH.id })
        .expect(422);
      expect(response.body.message).toBe('A city has no parent district');
    });

    it('should reject an unknown parent', async () => {
      const response = await request(t.http)
        .post('/api/districts')
        .send({ code: 'ORPHAN', name: 'x', level: 'county', parentId: 999999 })
        .expect(422);
      expect(response.body.details.fields[0]).toEqual({
        field: 'parentId',
        messages: ['District 999999 does not exist'],
      });
    });

    it('should reject a duplicate code', async () => {
      const response = await request(t.http)
        .post('/api/districts')
        .send({ code: 'JA', name: 'again', level: 'county', parentId: d.WH.id })
        .expect(409);
      expect(response.body.code).toBe('DUPLICATE');
    });

    it('should name every missing, wrongly typed and unknown field', async () => {
      const response = await request(t.http)
        .post('/api/districts')
        .send({ code: 'X 1', level: 'province', parentId: 'one', colour: 'red' })
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const fields = (response.body.details.fields as { field: string }[]).map((f) => f.field).sort();
      expect(fields).toEqual(['code', 'colour', 'level', 'name', 'parentId']);
      expect(response.body.requestId).toEqual(expect.any(String));
    });
  });

  describe('GET /api/districts', () => {
    it('should list every district sorted by code with the paging it used', async () => {
      const response = await request(t.http).get('/api/districts').expect(200);
      expect(response.body).toMatchObject({ total: 7, page: 1, pageSize: 50 });
      expect(response.body.items.map((x: District) => x.code)).toEqual([
        'HS',
        'HS-1',
        'JA',
        'JA-1',
        'JA-1-R1',
        'JA-1-R2',
        'WH',
      ]);
    });

    it('should page and reverse the order', async () => {
      const response = await request(t.http).get('/api/districts?page=2&pageSize=3&order=desc').expect(200);
      expect(response.body).toMatchObject({ total: 7, page: 2, pageSize: 3 });
      expect(response.body.items.map((x: District) => x.code)).toEqual(['JA-1', 'JA', 'HS-1']);
    });

    it('should filter by level, parent and search', async () => {
      const byLevel = await request(t.http).get('/api/districts?level=county').expect(200);
      expect(byLevel.body.items.map((x: District) => x.code)).toEqual(['HS', 'JA']);
      const byParent = await request(t.http).get(`/api/districts?parentId=${d['JA-1'].id}`).expect(200);
      expect(byParent.body.items.map((x: District) => x.code)).toEqual(['JA-1-R1', 'JA-1-R2']);
      const bySearch = await request(t.http)
        .get(`/api/districts?search=${encodeURIComponent('黄陂')}`)
        .expect(200);
      expect(bySearch.body.items.map((x: District) => x.code)).toEqual(['HS', 'HS-1']);
    });

    it('should include a district and everything below it with under', async () => {
      const response = await request(t.http).get(`/api/districts?under=${d.JA.id}`).expect(200);
      expect(response.body.items.map((x: District) => x.code)).toEqual(['JA', 'JA-1', 'JA-1-R1', 'JA-1-R2']);
      const unknown = await request(t.http).get('/api/districts?under=999999').expect(200);
      expect(unknown.body.total).toBe(0);
    });

    it('should reject a page size over 200, a bad level and an unknown parameter', async () => {
      const response = await request(t.http).get('/api/districts?pageSize=201').expect(400);
      expect(response.body.details.fields).toEqual([
        { field: 'pageSize', messages: ['pageSize must not be greater than 200'] },
      ]);
      await request(t.http).get('/api/districts?level=province').expect(400);
      await request(t.http).get('/api/districts?colour=red').expect(400);
      await request(t.http).get('/api/districts?active=maybe').expect(400);
    });
  });

  describe('GET /api/districts/:id', () => {
    it('should return one district', async () => {
      const response = await request(t.http).get(`/api/districts/${d.HS.id}`).expect(200);
      expect(response.body).toEqual(d.HS);
    });

    it('should answer 404 NOT_FOUND for an unknown id and 400 for a non-numeric one', async () => {
      const response = await request(t.http).get('/api/districts/999999').expect(404);
      expect(response.body).toMatchObject({ code: 'NOT_FOUND', message: 'District 999999 was not found' });
      await request(t.http).get('/api/districts/abc').expect(400);
    });
  });

  describe('GET /api/districts/tree', () => {
    it('should nest the active hierarchy under its cities', async () => {
      const inactive = await create({
        code: 'HS-2',
        name: '停用',
        level: 'market_area',
        parentId: d.HS.id,
        active: false,
      });
      const response = await request(t.http).get('/api/districts/tree').expect(200);
      expect(response.body).toEqual([
        {
          id: d.WH.id,
          code: 'WH',
          name: '武汉市',
          level: 'city',
          marketType: null,
          children: [
            expect.objectContaining({
              code: 'HS',
              children: [expect.objectContaining({ code: 'HS-1', children: [] })],
            }),
            expect.objectContaining({
              code: 'JA',
              children: [
                expect.objectContaining({
                  code: 'JA-1',
                  children: [
                    expect.objectContaining({ code: 'JA-1-R1', level: 'route', children: [] }),
                    expect.objectContaining({ code: 'JA-1-R2', level: 'route', children: [] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ]);
      expect(JSON.stringify(response.body)).not.toContain(inactive.code);
    });
  });

  describe('PATCH /api/districts/:id', () => {
    it('should rename a district and bump its version', async () => {
      const market = await create({ code: 'HS-3', name: '旧名', level: 'market_area', parentId: d.HS.id });
      const response = await request(t.http)
        .patch(`/api/districts/${market.id}`)
        .send({ name: '新名', marketType: null, version: 1 })
        .expect(200);
      expect(response.body).toMatchObject({ name: '新名', marketType: null, version: 2, path: market.path });
    });

    it('should reject a stale version', async () => {
      const market = await create({ code: 'HS-4', name: 'a', level: 'market_area', parentId: d.HS.id });
      await request(t.http).patch(`/api/districts/${market.id}`).send({ name: 'b', version: 1 }).expect(200);
      const response = await request(t.http)
        .patch(`/api/districts/${market.id}`)
        .send({ name: 'c', version: 1 })
        .expect(409);
      expect(response.body).toMatchObject({
        code: 'STALE_VERSION',
        details: { expectedVersion: 1, currentVersion: 2 },
      });
    });

    it('should reject a changed code or level, and a null name', async () => {
      const response = await request(t.http)
        .patch(`/api/districts/${d.HS.id}`)
        .send({ code: 'NEW', level: 'city', name: null, version: 1 })
        .expect(400);
      const fields = (response.body.details.fields as { field: string }[]).map((f) => f.field).sort();
      expect(fields).toEqual(['code', 'level', 'name']);
    });

    it('should move a market area with its routes and rewrite every path below it', async () => {
      const county = await create({ code: 'MV-C', name: '迁出', level: 'county', parentId: d.WH.id });
      const target = await create({ code: 'MV-T', name: '迁入', level: 'county', parentId: d.WH.id });
      const market = await create({ code: 'MV-M', name: '部', level: 'market_area', parentId: county.id });
      const route = await create({ code: 'MV-R', name: '线', level: 'route', parentId: market.id });

      const moved = await request(t.http)
        .patch(`/api/districts/${market.id}`)
        .send({ parentId: target.id, version: market.version })
        .expect(200);
      expect(moved.body).toMatchObject({
        parentId: target.id,
        path: `${target.path}${market.id}/`,
        version: 2,
      });
      const routeAfter = await request(t.http).get(`/api/districts/${route.id}`).expect(200);
      expect(routeAfter.body).toMatchObject({ path: `${target.path}${market.id}/${route.id}/`, version: 1 });
      const under = await request(t.http).get(`/api/districts?under=${target.id}`).expect(200);
      expect(under.body.items.map((x: District) => x.code)).toEqual(['MV-M', 'MV-R', 'MV-T']);
    });

    it('should reject a move under the district itself or its own descendant', async () => {
      const response = await request(t.http)
        .patch(`/api/districts/${d['JA-1'].id}`)
        .send({ parentId: d['JA-1-R1'].id, version: d['JA-1'].version })
        .expect(422);
      expect(response.body.message).toContain('cannot move under itself or its own descendant');
      await request(t.http)
        .patch(`/api/districts/${d['JA-1'].id}`)
        .send({ parentId: d['JA-1'].id, version: d['JA-1'].version })
        .expect(422);
    });

    it('should reject a move to a parent at the wrong level', async () => {
      const response = await request(t.http)
        .patch(`/api/districts/${d['JA-1'].id}`)
        .send({ parentId: d.WH.id, version: d['JA-1'].version })
        .expect(422);
      expect(response.body.details.fields[0].field).toBe('parentId');
      const unchanged = await request(t.http).get(`/api/districts/${d['JA-1-R1'].id}`).expect(200);
      expect(unchanged.body.path).toBe(d['JA-1-R1'].path);
    });
  });

  describe('POST /api/districts/:id/deactivate', () => {
    it('should refuse while the district has active children', async () => {
      const response = await request(t.http)
        .post(`/api/districts/${d['JA-1'].id}/deactivate`)
        .send({ version: d['JA-1'].version })
        .expect(422);
      expect(response.body.message).toContain('2 active child district(s)');
    });

    it('should deactivate a leaf and keep it readable', async () => {
      const route = await create({ code: 'OFF-R', name: '停', level: 'route', parentId: d['HS-1'].id });
      const response = await request(t.http)
        .post(`/api/districts/${route.id}/deactivate`)
        .send({ version: 1 })
        .expect(200);
      expect(response.body).toMatchObject({ active: false, version: 2 });
      const inactive = await request(t.http).get('/api/districts?active=false&level=route').expect(200);
      expect(inactive.body.items.map((x: District) => x.code)).toEqual(['OFF-R']);
    });

    it('should refuse to reactivate a district under an inactive parent', async () => {
      const parent = await create({ code: 'OFF-M', name: '停', level: 'market_area', parentId: d.HS.id });
      const child = await create({
        code: 'OFF-M-R',
        name: '停',
        level: 'route',
        parentId: parent.id,
        active: false,
      });
      await request(t.http).post(`/api/districts/${parent.id}/deactivate`).send({ version: 1 }).expect(200);
      const response = await request(t.http)
        .patch(`/api/districts/${child.id}`)
        .send({ active: true, version: 1 })
        .expect(422);
      expect(response.body.details.fields[0].field).toBe('active');
    });
  });

  describe('DistrictsService subtree helpers', () => {
    it('should give the path prefix and ids of a district and everything below it', async () => {
      const service = t.app.get(DistrictsService);
      expect(await service.subtreePathPrefix(d['JA-1'].id)).toBe(d['JA-1'].path);
      expect((await service.subtreeIds(d['JA-1'].id)).sort((a, b) => a - b)).toEqual(
        [d['JA-1'].id, d['JA-1-R1'].id, d['JA-1-R2'].id].sort((a, b) => a - b),
      );
      await expect(service.subtreePathPrefix(999999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('GraphQL districts', () => {
    it('should nest the active tree through children, one query per level', async () => {
      const childrenQueries = jest.spyOn(t.app.get(DistrictsService), 'activeChildrenOf');
      const response = await graphql(`
        {
          districtTree {
            code
            children {
              code
              children {
                code
                children {
                  code
                }
              }
            }
          }
        }
      `);
      expect(response.body.errors).toBeUndefined();
      const [city] = response.body.data.districtTree;
      expect(city.code).toBe('WH');
      const ja = city.children.find((c: { code: string }) => c.code === 'JA');
      expect(ja.children).toEqual([{ code: 'JA-1', children: [{ code: 'JA-1-R1' }, { code: 'JA-1-R2' }] }]);
      expect(childrenQueries).toHaveBeenCalledTimes(3);
      childrenQueries.mockRestore();
    });

    it('should filter and page districts', async () => {
      const response = await graphql(
        `
          query ($under: Int) {
            districts(filter: { under: $under, level: route }, page: { pageSize: 1 }) {
              items {
                code
                level
                path
                marketType
              }
              total
              page
              pageSize
            }
          }
        `,
        { under: d.JA.id },
      );
      expect(response.body.data.districts).toEqual({
        items: [{ code: 'JA-1-R1', level: 'route', path: d['JA-1-R1'].path, marketType: 'urban' }],
        total: 2,
        page: 1,
        pageSize: 1,
      });
    });

    it('should answer NOT_FOUND for an unknown district', async () => {
      const response = await graphql(`
        {
          district(id: 999999) {
            code
          }
        }
      `);
      expect(response.body.errors[0].extensions.code).toBe('NOT_FOUND');
    });

    it('should create and update a district, validating the input', async () => {
      const created = await graphql(
        `
          mutation ($parentId: Int) {
            createDistrict(input: { code: "GQL-M", name: "图", level: market_area, parentId: $parentId }) {
              id
              path
              version
            }
          }
        `,
        { parentId: d.HS.id },
      );
      const { id, path } = created.body.data.createDistrict;
      expect(path).toBe(`${d.HS.path}${id}/`);
      const updated = await graphql(
        `
          mutation ($id: Int!) {
            updateDistrict(id: $id, input: { name: "改", version: 1 }) {
              name
              version
            }
          }
        `,
        { id },
      );
      expect(updated.body.data.updateDistrict).toEqual({ name: '改', version: 2 });
      const invalid = await graphql(`
        mutation {
          createDistrict(input: { code: "bad code", name: "", level: city }) {
            id
          }
        }
      `);
      expect(invalid.body.errors[0].extensions.code).toBe('VALIDATION_FAILED');
      expect(invalid.body.errors[0].extensions.details.fields.map((f: { field: string }) => f.field)).toEqual(
        ['code', 'name'],
      );
    });
  });
});
