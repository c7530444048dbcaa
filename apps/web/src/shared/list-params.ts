/** Paging and simple filters of the reference lists, read from and written to the page URL. */
export const LIST_PAGE_SIZES = [20, 50, 100, 200] as const;
export const LIST_DEFAULT_PAGE_SIZE = 20;

export interface Paging {
  page: number;
  pageSize: number;
}

export function readPaging(params: URLSearchParams, defaultPageSize = LIST_DEFAULT_PAGE_SIZE): Paging {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (LIST_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : defaultPageSize,
  };
}

/**
 * The URL after a change: empty values are removed, and any change other than the page itself goes back to
 * page 1.
 */
export function updateParams(
  params: URLSearchParams,
  change: Record<string, string | number | boolean | null | undefined>,
  defaultPageSize = LIST_DEFAULT_PAGE_SIZE,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  if (!('page' in change)) next.delete('page');
  if (next.get('page') === '1') next.delete('page');
  if (next.get('pageSize') === String(defaultPageSize)) next.delete('pageSize');
  return next;
}

export function readInt(params: URLSearchParams, key: string): number | undefined {
  const value = params.get(key);
  return value !== null && /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : undefined;
}

export function readOneOf<T extends string>(
  params: URLSearchParams,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const value = params.get(key);
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function readBoolean(params: URLSearchParams, key: string): boolean | undefined {
  const value = params.get(key);
  return value === 'true' ? true : value === 'false' ? false : undefined;
}
