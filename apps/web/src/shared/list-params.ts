/**
 * The state of every list screen — its page, page size, filters and sort — read from and written to the page
 * URL, so that a reload or a shared link opens the same view. Readers drop anything unknown or malformed
 * rather than send it to the API, so a hand-edited or outdated link still opens a sensible view.
 */
export const LIST_PAGE_SIZES = [20, 50, 100, 200] as const;
/** Every list's page size until the user picks another (the API's own default). */
export const LIST_DEFAULT_PAGE_SIZE = 50;

export interface Paging {
  page: number;
  pageSize: number;
}

/** A value as the URL carries it: lists as `a,b`; empty values are left out. */
export type ParamValue = string | number | boolean | readonly (string | number)[] | null | undefined;
export type ParamsChange = Record<string, ParamValue>;

export function readPaging(params: URLSearchParams): Paging {
  const pageSize = Number(params.get('pageSize'));
  return {
    page: readInt(params, 'page') ?? 1,
    pageSize: (LIST_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : LIST_DEFAULT_PAGE_SIZE,
  };
}

function encode(value: ParamValue): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.length > 0 ? value.join(',') : undefined;
  return String(value);
}

/** Sets each value in `params`, or removes it when empty; page 1 and the default page size are left out. */
function apply(params: URLSearchParams, values: ParamsChange): URLSearchParams {
  for (const [key, value] of Object.entries(values)) {
    const encoded = encode(value);
    if (encoded === undefined) params.delete(key);
    else params.set(key, encoded);
  }
  if (params.get('page') === '1') params.delete('page');
  if (params.get('pageSize') === String(LIST_DEFAULT_PAGE_SIZE)) params.delete('pageSize');
  return params;
}

/** A list's whole state as URL parameters, in the order given. */
export function writeParams(values: ParamsChange): URLSearchParams {
  return apply(new URLSearchParams(), values);
}

/** The URL after a change: any change other than the page itself goes back to page 1. */
export function updateParams(params: URLSearchParams, change: ParamsChange): URLSearchParams {
  const next = apply(new URLSearchParams(params), change);
  if (!('page' in change)) next.delete('page');
  return next;
}

/** A whole number from 1 to `max`. */
export function readInt(
  params: URLSearchParams,
  key: string,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const value = params.get(key);
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 && number <= max ? number : undefined;
}

export function readOneOf<T extends string>(
  params: URLSearchParams,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const value = params.get(key);
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The allowed values among `a,b,c`, in the order of `allowed`; none is undefined. */
export function readList<T extends string | number>(
  params: URLSearchParams,
  key: string,
  allowed: readonly T[],
): T[] | undefined {
  const given = params.get(key)?.split(',');
  const picked = given ? allowed.filter((item) => given.includes(String(item))) : [];
  return picked.length > 0 ? picked : undefined;
}

export function readBoolean(params: URLSearchParams, key: string): boolean | undefined {
  const value = params.get(key);
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** Free text, trimmed and cut to `maxLength`; blank is undefined. */
export function readText(params: URLSearchParams, key: string, maxLength = 100): string | undefined {
  return params.get(key)?.trim().slice(0, maxLength) || undefined;
}
