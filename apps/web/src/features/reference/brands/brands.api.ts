import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { operations } from '../../../api/schema';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { STALE } from '../../../shared/query-client';

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
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/brands', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    staleTime: STALE.reference,
  });
}

export function useSaveBrand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: BrandInput | BrandUpdate }) =>
      id === undefined
        ? unwrap(api.POST('/api/brands', { body: body as BrandInput }))
        : unwrap(
            api.PATCH('/api/brands/{id}', {
              params: { path: { id } },
              body: body as BrandUpdate,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
