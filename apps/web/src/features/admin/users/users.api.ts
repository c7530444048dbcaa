import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { operations } from '../../../api/schema';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { STALE } from '../../../shared/query-client';

export type User = Schemas['UserDto'];
export type UserInput = Schemas['CreateUserDto'];
export type UserUpdate = Schemas['UpdateUserDto'];
export type UserQuery = NonNullable<operations['Users_list']['parameters']['query']>;

const keys = {
  all: ['users'] as const,
  list: (query: UserQuery) => ['users', 'list', query] as const,
};

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/users', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    staleTime: STALE.list,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UserInput) => unwrap(api.POST('/api/users', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UserUpdate }) =>
      unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

/** An administrator sets a new password: the user's sessions end and they must change it at next sign-in. */
export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      unwrap(api.POST('/api/users/{id}/password', { params: { path: { id } }, body: { password } })),
    onSuccess: invalidate,
  });
}
