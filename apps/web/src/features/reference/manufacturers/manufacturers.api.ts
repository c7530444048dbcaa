import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { operations } from '../../../api/schema';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { STALE } from '../../../shared/query-client';

export type Manufacturer = Schemas['ManufacturerDto'];
export type ManufacturerInput = Schemas['CreateManufacturerDto'];
export type ManufacturerUpdate = Schemas['UpdateManufacturerDto'];
export type ManufacturerQuery = NonNullable<operations['Manufacturers_list']['parameters']['query']>;

const keys = {
  all: ['manufacturers'] as const,
  list: (query: ManufacturerQuery) => ['manufacturers', 'list', query] as const,
};

export function useManufacturers(query: ManufacturerQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/manufacturers', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    staleTime: STALE.reference,
  });
}

/** Every manufacturer, for pickers (a city has a handful; a province a few dozen). */
export function useAllManufacturers() {
  return useManufacturers({ page: 1, pageSize: 200 });
}

export function useSaveManufacturer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ManufacturerInput | ManufacturerUpdate }) =>
      id === undefined
        ? unwrap(api.POST('/api/manufacturers', { body: body as ManufacturerInput }))
        : unwrap(
            api.PATCH('/api/manufacturers/{id}', {
              params: { path: { id } },
              body: body as ManufacturerUpdate,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
