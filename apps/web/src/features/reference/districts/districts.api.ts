import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { STALE } from '../../../shared/query-client';

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
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: DistrictInput | DistrictUpdate }) =>
      id === undefined
        ? unwrap(api.POST('/api/districts', { body: body as DistrictInput }))
        : unwrap(
            api.PATCH('/api/districts/{id}', {
              params: { path: { id } },
              body: body as DistrictUpdate,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useDeactivateDistrict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      unwrap(
        api.POST('/api/districts/{id}/deactivate', {
          params: { path: { id } },
          body: { version },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
