import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { useInvalidatingMutation } from '../../../shared/queries';

export type ApiKey = Schemas['ApiKeyDto'];
export type CreatedApiKey = Schemas['CreatedApiKeyDto'];
export type ApiKeyInput = Schemas['CreateApiKeyDto'];

const keys = {
  list: (manufacturerId: number) => ['api-keys', manufacturerId] as const,
};

export function useApiKeys(manufacturerId: number | undefined) {
  return useQuery({
    queryKey: keys.list(manufacturerId ?? 0),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/manufacturers/{manufacturerId}/api-keys', {
          params: { path: { manufacturerId: manufacturerId! } },
          signal,
        }),
      ),
    enabled: manufacturerId !== undefined,
    staleTime: 10_000,
  });
}

/**
 * Creates a key. The answer carries the whole key, which the server never shows again. The list never holds
 * the secret: only what the list endpoint returns is cached.
 */
export function useCreateApiKey(manufacturerId: number) {
  return useInvalidatingMutation(keys.list(manufacturerId), (body: ApiKeyInput) =>
    unwrap(
      api.POST('/api/manufacturers/{manufacturerId}/api-keys', {
        params: { path: { manufacturerId } },
        body,
      }),
    ),
  );
}

export function useRevokeApiKey(manufacturerId: number) {
  return useInvalidatingMutation(keys.list(manufacturerId), (id: number) =>
    unwrap(
      api.POST('/api/manufacturers/{manufacturerId}/api-keys/{id}/revoke', {
        params: { path: { manufacturerId, id } },
      }),
    ),
  );
}

export type ApiKeyState = 'active' | 'revoked' | 'expired';

export function apiKeyState(key: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now = Date.now()): ApiKeyState {
  if (key.revokedAt) return 'revoked';
  return Date.parse(key.expiresAt) <= now ? 'expired' : 'active';
}
