import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { operations } from '../../../api/schema';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { STALE } from '../../../shared/query-client';

export type AccountManager = Schemas['AccountManagerDto'];
export type AccountManagerInput = Schemas['CreateAccountManagerDto'];
export type AccountManagerUpdate = Schemas['UpdateAccountManagerDto'];
export type AccountManagerQuery = NonNullable<operations['AccountManagers_list']['parameters']['query']>;

const keys = {
  all: ['account-managers'] as const,
  list: (query: AccountManagerQuery) => ['account-managers', 'list', query] as const,
};

export function useAccountManagers(query: AccountManagerQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/account-managers', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    staleTime: STALE.reference,
  });
}

/** Every account manager, for pickers (a city has 20–60). */
export function useAllAccountManagers() {
  return useAccountManagers({ page: 1, pageSize: 200 });
}

export function useSaveAccountManager() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: AccountManagerInput | AccountManagerUpdate }) =>
      id === undefined
        ? unwrap(
            api.POST('/api/account-managers', {
              body: body as AccountManagerInput,
            }),
          )
        : unwrap(
            api.PATCH('/api/account-managers/{id}', {
              params: { path: { id } },
              body: body as AccountManagerUpdate,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useDeactivateAccountManager() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      unwrap(
        api.POST('/api/account-managers/{id}/deactivate', {
          params: { path: { id } },
          body: { version },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
