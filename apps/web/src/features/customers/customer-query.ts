import type { operations } from '../../api/schema';
import {
  BUSINESS_TYPES,
  CUSTOMER_STATUSES,
  LICENCE_STATUSES,
  MARKET_TYPES,
  SCALES,
  TERMINAL_STATUSES,
  TIER_MAX,
  TIER_MIN,
  TRADE_AREAS,
} from '../../shared/vocab';

/** The list endpoint's query, exactly as the generated client types it. */
export type CustomerListQuery = NonNullable<operations['Customers_list']['parameters']['query']>;
export type CustomerExportQuery = NonNullable<operations['Customers_export']['parameters']['query']>;
export type CustomerSortField = NonNullable<CustomerListQuery['sort']>;
export type CustomerFilterKey = Exclude<keyof CustomerListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

export const SORT_FIELDS = [
  'licenceNo',
  'shopName',
  'tier',
  'districtCode',
  'businessType',
  'integrityGrade',
  'updatedAt',
] as const satisfies readonly CustomerSortField[];
export const PAGE_SIZES = [20, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** Every filter, in the order they appear in the URL. */
export const FILTER_KEYS = [
  'search',
  'districtId',
  'businessType',
  'tradeArea',
  'marketType',
  'scale',
  'tierMin',
  'tierMax',
  'integrityGrade',
  'accountManagerId',
  'status',
  'licenceStatus',
  'terminalStatus',
] as const satisfies readonly CustomerFilterKey[];

const GRADE = /^[A-Z]{1,3}$/;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function listOf<T extends string | number>(allowed: readonly T[], value: string | null): T[] | undefined {
  if (!value) return undefined;
  const picked = allowed.filter((item) => value.split(',').includes(String(item)));
  return picked.length > 0 ? picked : undefined;
}

function positiveInt(value: string | null, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 && number <= max ? number : undefined;
}

function tier(value: string | null): number | undefined {
  const number = positiveInt(value, TIER_MAX);
  return number !== undefined && number >= TIER_MIN ? number : undefined;
}

/**
 * Reads the list's state from the page URL. Anything unknown or malformed is dropped rather than sent to the
 * API, so a hand-edited or outdated link still opens a sensible view.
 */
export function parseCustomerSearch(params: URLSearchParams): CustomerListQuery {
  const search = params.get('search')?.trim().slice(0, 100);
  const grades = params
    .get('integrityGrade')
    ?.split(',')
    .map((grade) => grade.trim().toUpperCase())
    .filter((grade) => GRADE.test(grade));
  const pageSize = positiveInt(params.get('pageSize'));
  const sort = oneOf(SORT_FIELDS, params.get('sort'));
  const query: CustomerListQuery = {
    search: search || undefined,
    districtId: positiveInt(params.get('districtId')),
    businessType: listOf(BUSINESS_TYPES, params.get('businessType')),
    tradeArea: listOf(TRADE_AREAS, params.get('tradeArea')),
    marketType: oneOf(MARKET_TYPES, params.get('marketType')),
    scale: listOf(SCALES, params.get('scale')),
    tierMin: tier(params.get('tierMin')),
    tierMax: tier(params.get('tierMax')),
    integrityGrade: grades && grades.length > 0 ? [...new Set(grades)] : undefined,
    accountManagerId: positiveInt(params.get('accountManagerId')),
    status: oneOf(CUSTOMER_STATUSES, params.get('status')),
    licenceStatus: oneOf(LICENCE_STATUSES, params.get('licenceStatus')),
    terminalStatus: oneOf(TERMINAL_STATUSES, params.get('terminalStatus')),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    sort,
    order: sort ? (oneOf(['asc', 'desc'], params.get('order')) ?? 'asc') : undefined,
  };
  return stripUndefined(query);
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

function encode(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.length > 0 ? value.join(',') : undefined;
  return String(value);
}

/** The list's state as page-URL parameters: filters first, defaults left out, lists as `a,b`. */
export function toCustomerSearch(query: CustomerListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = encode(query[key]);
    if (value !== undefined) params.set(key, value);
  }
  if (query.sort) {
    params.set('sort', query.sort);
    params.set('order', query.order ?? 'asc');
  }
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** Applies a change of filters: any change of filter goes back to page 1. */
export function withFilters(
  query: CustomerListQuery,
  change: Partial<Pick<CustomerListQuery, CustomerFilterKey>>,
): CustomerListQuery {
  return stripUndefined({ ...query, ...change, page: 1 });
}

/** Clears every filter, keeping sort and page size. */
export function withoutFilters(query: CustomerListQuery): CustomerListQuery {
  return stripUndefined({
    sort: query.sort,
    order: query.order,
    pageSize: query.pageSize,
    page: 1,
  });
}

export function hasFilters(query: CustomerListQuery): boolean {
  return FILTER_KEYS.some((key) => encode(query[key]) !== undefined);
}

/** `GET /api/customers/export` with the same filters and sort as the list (and no paging). */
export function exportUrl(query: CustomerListQuery): string {
  const { page: _page, pageSize: _pageSize, ...rest } = query;
  const exportQuery: CustomerExportQuery = rest;
  const search = toCustomerSearch(exportQuery).toString();
  return `/api/customers/export${search ? `?${search}` : ''}`;
}
