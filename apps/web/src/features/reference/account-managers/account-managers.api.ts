import type { operations } from '../../../api/schema';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { STALE } from '../../../shared/query-client';
import { createOrUpdate, useInvalidatingMutation, usePagedQuery } from '../../../shared/queries';

export type AccountManager = Schemas['AccountManagerDto'];
export type AccountManagerInput = Schemas['CreateAccountManagerDto'];
export type AccountManagerUpdate = Schemas['UpdateAccountManagerDto'];
export type AccountManagerQuery = NonNullable<operations['AccountManagers_list']['parameters']['query']>;

const keys = {
  all: ['account-managers'] as const,
  list: (query: AccountManagerQuery) => ['account-managers', 'list', query] as const,
};

export function useAccountManagers(query: AccountManagerQuery) {
  return usePagedQuery(
    keys.list(query),
    (signal) => unwrap(api.GET('/api/account-managers', { params: { query }, signal })),
    STALE.reference,
  );
}

/** Every account manager, for pickers (a city has 20–60). */
export function useAllAccountManagers() {
  return useAccountManagers({ page: 1, pageSize: 200 });
}

export function useSaveAccountManager() {
  return useInvalidatingMutation(
    keys.all,
    createOrUpdate(
      (body: AccountManagerInput) => unwrap(api.POST('/api/account-managers', { body })),
      (id, body: AccountManagerUpdate) =>
        unwrap(api.PATCH('/api/account-managers/{id}', { params: { path: { id } }, body })),
    ),
  );
}

export function useDeactivateAccountManager() {
  return useInvalidatingMutation(keys.all, ({ id, version }: { id: number; version: number }) =>
    unwrap(
      api.POST('/api/account-managers/{id}/deactivate', { params: { path: { id } }, body: { version } }),
    ),
  );
}
