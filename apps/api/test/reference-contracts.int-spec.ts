import request from 'supertest';
import { createTestApp, type TestApp } from './test-app';

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

describe('GET /api/docs/openapi.json for reference data', () => {
  let t: TestApp;
  let document: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
  };

  beforeAll(async () => {
    t = await createTestApp();
    document = (await request(t.http).get('/api/docs/openapi.json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('should give every reference operation a stable id, for the generated SPA client', () => {
    const ids = Object.values(document.paths)
      .flatMap((methods) => Object.values(methods).map((operation) => operation.operationId))
      .filter((id) => /^(Districts|Brands|AccountManagers|Manufacturers)_/.test(id))
      .sort();
    expect(ids).toEqual(
      [
        'AccountManagers_create',
        'AccountManagers_deactivate',
        'AccountManagers_get',
        'AccountManagers_list',
        'AccountManagers_update',
        'Brands_create',
        'Brands_get',
        'Brands_list',
        'Brands_update',
        'Districts_create',
        'Districts_deactivate',
        'Districts_get',
        'Districts_list',
        'Districts_tree',
        'Districts_update',
        'Manufacturers_create',
        'Manufacturers_get',
        'Manufacturers_list',
        'Manufacturers_update',
      ].sort(),
    );
  });

  it('should type every response, including the recursive district tree', () => {
    for (const [path, methods] of Object.entries(document.paths).filter(([p]) =>
      /districts|brands|managers/.test(p),
    )) {
      for (const [method, operation] of Object.entries(methods)) {
        const success = operation.responses['200'] ?? operation.responses['201'];
        expect({ path, method, typed: Boolean(success?.content?.['application/json']?.schema) }).toEqual({
          path,
          method,
          typed: true,
        });
      }
    }
    expect(document.components.schemas.DistrictTreeNodeDto.properties.children).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/DistrictTreeNodeDto' },
    });
  });

  it('should describe enums by name and nullable fields as nullable', () => {
    const brand = document.components.schemas.BrandDto.properties;
    expect(brand.status).toEqual({ allOf: [{ $ref: '#/components/schemas/BrandStatus' }] });
    expect(document.components.schemas.DistrictDto.properties.marketType).toEqual({
      nullable: true,
      allOf: [{ $ref: '#/components/schemas/MarketType' }],
    });
    expect(brand.withdrawnOn).toMatchObject({ type: 'string', format: 'date', nullable: true });
    expect(document.components.schemas.BrandStatus).toMatchObject({
      enum: ['new', 'active', 'limited', 'withdrawn'],
    });
    expect(document.components.schemas.AccountManagerDto.properties.phone).toMatchObject({ type: 'string' });
  });
});
