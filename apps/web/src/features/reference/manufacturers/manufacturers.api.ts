import type { operations } from '../../../api/schema';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { STALE } from '../../../shared/query-client';
import { createOrUpdate, useInvalidatingMutation, usePagedQuery } from '../../../shared/queries';

export type Manufacturer = Schemas['ManufacturerDto'];
export type ManufacturerInput = Schemas['CreateManufacturerDto'];
export type ManufacturerUpdate = Schemas['UpdateManufacturerDto'];
export type ManufacturerQuery = NonNullable<operations['Manufacturers_list']['parameters']['query']>;

const keys = {
  all: ['manufacturers'] as const,
  list: (query: ManufacturerQuery) => ['manufacturers', 'list', query] as const,
};

export function useManufacturers(query: ManufacturerQuery) {
  return usePagedQuery(
    keys.list(query),
    (signal) => unwrap(api.GET('/api/manufacturers', { params: { query }, signal })),
    STALE.reference,
  );
}

/** Every manufacturer, for pickers (a city has a handful; a province a few dozen). */
export function useAllManufacturers() {
  return useManufacturers({ page: 1, pageSize: 200 });
}

export function useSaveManufacturer() {
  return useInvalidatingMutation(
    keys.all,
    createOrUpdate(
      (body: ManufacturerInput) => unwrap(api.POST('/api/manufacturers', { body })),
      (id, body: ManufacturerUpdate) =>
        unwrap(api.PATCH('/api/manufacturers/{id}', { params: { path: { id } }, body })),
    ),
  );
}
