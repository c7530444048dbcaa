import { isApiError } from './api/api-error';

/** What a failed action says in a toast: the API's own message, or whatever else was thrown. */
export function errorText(error: unknown): string {
  return isApiError(error) ? error.message : String(error);
}
