import type { operations } from '../../../api/schema';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { STALE } from '../../../shared/query-client';
import { createOrUpdate, useInvalidatingMutation, usePagedQuery } from '../../../shared/queries';

export type Brand = Schemas['BrandDto'];
export type BrandInput = Schemas['CreateBrandDto'];
export type BrandUpdate = Schemas['UpdateBrandDto'];
export type BrandQuery = NonNullable<operations['Brands_list']['parameters']['query']>;
export type BrandSortField = Schemas['BrandSortField'];

const keys = {
  all: ['brands'] as const,
  list: (query: BrandQuery) => ['brands', 'list', query] as const,
};

export function useBrands(query: BrandQuery) {
  return usePagedQuery(
    keys.list(query),
    (signal) => unwrap(api.GET('/api/brands', { params: { query }, signal })),
    STALE.reference,
  );
}

export function useSaveBrand() {
  return useInvalidatingMutation(
    keys.all,
    createOrUpdate(
      (body: BrandInput) => unwrap(api.POST('/api/brands', { body })),
      (id, body: BrandUpdate) => unwrap(api.PATCH('/api/brands/{id}', { params: { path: { id } }, body })),
    ),
  );
}
