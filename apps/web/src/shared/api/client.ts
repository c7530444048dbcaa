import createClient from 'openapi-fetch';
import type { components, paths } from '../../api/schema';
import { ApiError } from './api-error';
import { SessionManager } from './session';

/** This tab's session: the access token in memory, refreshed from the httpOnly cookie when it expires. */
export const session = new SessionManager();

/** The typed REST client, generated from the API's OpenAPI document (`pnpm codegen`). */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
});
api.use(session.middleware);

export type Schemas = components['schemas'];

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, or an {@link ApiError} built from the error body. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (result.response.ok && result.error === undefined) return result.data as T;
  throw ApiError.fromResponse(result.response.status, result.error);
}
