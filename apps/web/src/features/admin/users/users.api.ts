import type { operations } from '../../../api/schema';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { STALE } from '../../../shared/query-client';
import { useInvalidatingMutation, usePagedQuery } from '../../../shared/queries';

export type User = Schemas['UserDto'];
export type UserInput = Schemas['CreateUserDto'];
export type UserUpdate = Schemas['UpdateUserDto'];
export type UserQuery = NonNullable<operations['Users_list']['parameters']['query']>;

const keys = {
  all: ['users'] as const,
  list: (query: UserQuery) => ['users', 'list', query] as const,
};

export function useUsers(query: UserQuery) {
  return usePagedQuery(
    keys.list(query),
    (signal) => unwrap(api.GET('/api/users', { params: { query }, signal })),
    STALE.list,
  );
}

export function useCreateUser() {
  return useInvalidatingMutation(keys.all, (body: UserInput) => unwrap(api.POST('/api/users', { body })));
}

export function useUpdateUser() {
  return useInvalidatingMutation(keys.all, ({ id, body }: { id: number; body: UserUpdate }) =>
    unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
  );
}

/** An administrator sets a new password: the user's sessions end and they must change it at next sign-in. */
export function useResetPassword() {
  return useInvalidatingMutation(keys.all, ({ id, password }: { id: number; password: string }) =>
    unwrap(api.POST('/api/users/{id}/password', { params: { path: { id } }, body: { password } })),
  );
}
