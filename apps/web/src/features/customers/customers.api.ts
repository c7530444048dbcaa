import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../shared/api/client';
import { STALE } from '../../shared/query-client';
import type { CustomerListQuery } from './customer-query';

export type CustomerSummary = Schemas['CustomerSummaryDto'];
export type CustomerDetail = Schemas['CustomerDetailDto'];
export type CustomerUpdate = Schemas['UpdateCustomerDto'];
export type CustomerDeactivation = Schemas['DeactivateCustomerDto'];

export const customerKeys = {
  all: ['customers'] as const,
  list: (query: CustomerListQuery) => ['customers', 'list', query] as const,
  detail: (id: number) => ['customers', 'detail', id] as const,
  sales: (id: number, months: number) => ['customers', 'sales', id, months] as const,
};

export function useCustomerList(query: CustomerListQuery) {
  return useQuery({
    queryKey: customerKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/customers', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    staleTime: STALE.list,
  });
}

export function useCustomer(id: number) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/customers/{id}', { params: { path: { id } }, signal })),
    staleTime: STALE.detail,
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCustomerSales(id: number, months = 36) {
  return useQuery({
    queryKey: customerKeys.sales(id, months),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/customers/{id}/sales', {
          params: { path: { id }, query: { months } },
          signal,
        }),
      ),
    staleTime: 5 * 60_000,
    enabled: Number.isInteger(id) && id > 0,
  });
}

function useStoreCustomer() {
  const queryClient = useQueryClient();
  return (customer: CustomerDetail) => {
    queryClient.setQueryData(customerKeys.detail(customer.id), customer);
    void queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
  };
}

export function useUpdateCustomer(id: number) {
  const store = useStoreCustomer();
  return useMutation({
    mutationFn: (body: CustomerUpdate) =>
      unwrap(api.PATCH('/api/customers/{id}', { params: { path: { id } }, body })),
    onSuccess: store,
  });
}

export function useDeactivateCustomer(id: number) {
  const store = useStoreCustomer();
  return useMutation({
    mutationFn: (body: CustomerDeactivation) =>
      unwrap(
        api.POST('/api/customers/{id}/deactivate', {
          params: { path: { id } },
          body,
        }),
      ),
    onSuccess: store,
  });
}
