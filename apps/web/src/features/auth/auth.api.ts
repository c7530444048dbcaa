import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, session, unwrap, type Schemas } from '../../shared/api/client';

export type LoginInput = Schemas['LoginDto'];
export type ChangePasswordInput = Schemas['ChangePasswordDto'];

/** Sign in: the access token stays in this tab's memory, the refresh token in an httpOnly cookie. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: (body) => {
      // Nothing cached for a previous user survives into this session.
      queryClient.clear();
      session.start(body);
    },
  });
}

/** Change your own password. The server ends every session of the user, so they sign in again. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordInput) => unwrap(api.POST('/api/auth/password', { body })),
    onSuccess: () => {
      queryClient.clear();
      session.end('password-changed');
    },
  });
}

/** Sign out: the server revokes the session; the cache of what this user could see is dropped. */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await session.logout();
    queryClient.clear();
  }, [queryClient]);
}
