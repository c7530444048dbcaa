import request from 'supertest';
import { createTestApp, type TestApp } from './test-app';

describe('Manufacturers', () => {
  let t: TestApp;

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    return request(t.http).post('/graphql').send({ query, variables }).expect(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    for (const [code, name] of [
      ['HBZY', '湖北中烟'],
      ['YNZY', '云南中烟'],
      ['ZJZY', '浙江中烟'],
    ]) {
      await request(t.http).post('/api/manufacturers').send({ code, name }).expect(201);
    }
  });
  afterAll(() => t.close());

  describe('PATCH /api/manufacturers/:id', () => {
    it('should reject a null name instead of failing in the database', async () => {
      const [first] = (await request(t.http).get('/api/manufacturers').expect(200)).body.items;
      const response = await request(t.http)
        .patch(`/api/manufacturers/${first.id}`)
        .send({ name: null, version: first.version })
        .expect(400);
      expect(response.body.details.fields[0].field).toBe('name');
    });
  });

  describe('GraphQL manufacturers', () => {
    it('should search and page manufacturers', async () => {
      const response = await graphql(`
        {
          manufacturers(filter: { search: "中烟" }, page: { pageSize: 2, order: "desc" }) {
            items {
              code
              name
            }
            total
            page
            pageSize
          }
        }
      `);
      expect(response.body.data.manufacturers).toEqual({
        items: [
          { code: 'ZJZY', name: '浙江中烟' },
          { code: 'YNZY', name: '云南中烟' },
        ],
        total: 3,
        page: 1,
        pageSize: 2,
      });
    });

    it('should create and update a manufacturer with optimistic concurrency', async () => {
      const created = await graphql(`
        mutation {
          createManufacturer(input: { code: "SHZY", name: "上海烟草" }) {
            id
            active
            version
          }
        }
      `);
      const { id } = created.body.data.createManufacturer;
      expect(created.body.data.createManufacturer).toMatchObject({ active: true, version: 1 });
      const updated = await graphql(
        `
          mutation ($id: Int!) {
            updateManufacturer(id: $id, input: { name: "上海烟草集团", version: 1 }) {
              name
              version
            }
          }
        `,
        { id },
      );
      expect(updated.body.data.updateManufacturer).toEqual({ name: '上海烟草集团', version: 2 });
      const stale = await graphql(
        `
          mutation ($id: Int!) {
            updateManufacturer(id: $id, input: { name: "x", version: 1 }) {
              id
            }
          }
        `,
        { id },
      );
      expect(stale.body.errors[0].extensions.code).toBe('STALE_VERSION');
      const duplicate = await graphql(`
        mutation {
          createManufacturer(input: { code: "SHZY", name: "again" }) {
            id
          }
        }
      `);
      expect(duplicate.body.errors[0].extensions.code).toBe('DUPLICATE');
    });
  });
});
