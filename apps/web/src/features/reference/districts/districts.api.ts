import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { STALE } from '../../../shared/query-client';
import { createOrUpdate, useInvalidatingMutation } from '../../../shared/queries';

export type District = Schemas['DistrictDto'];
export type DistrictTreeNode = Schemas['DistrictTreeNodeDto'];
export type DistrictInput = Schemas['CreateDistrictDto'];
export type DistrictUpdate = Schemas['UpdateDistrictDto'];

const keys = {
  all: ['districts'] as const,
  tree: ['districts', 'tree'] as const,
  detail: (id: number) => ['districts', 'detail', id] as const,
};

/** The active hierarchy, nested: cities at the top. Shared by every district picker. */
export function useDistrictTree() {
  return useQuery({
    queryKey: keys.tree,
    queryFn: ({ signal }) => unwrap(api.GET('/api/districts/tree', { signal })),
    staleTime: STALE.reference,
  });
}

export function useDistrict(id: number | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? 0),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/districts/{id}', {
          params: { path: { id: id! } },
          signal,
        }),
      ),
    enabled: id !== undefined,
    staleTime: 0,
  });
}

export function useSaveDistrict() {
  return useInvalidatingMutation(
    keys.all,
    createOrUpdate(
      (body: DistrictInput) => unwrap(api.POST('/api/districts', { body })),
      (id, body: DistrictUpdate) =>
        unwrap(api.PATCH('/api/districts/{id}', { params: { path: { id } }, body })),
    ),
  );
}

export function useDeactivateDistrict() {
  return useInvalidatingMutation(keys.all, ({ id, version }: { id: number; version: number }) =>
    unwrap(api.POST('/api/districts/{id}/deactivate', { params: { path: { id } }, body: { version } })),
  );
}
