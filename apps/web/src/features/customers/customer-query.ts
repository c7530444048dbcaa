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
import { readInt, readList, readOneOf, readPaging, readText, writeParams } from '../../shared/list-params';

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
const SORT_ORDERS = ['asc', 'desc'] as const;
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

function readTier(params: URLSearchParams, key: string): number | undefined {
  const tier = readInt(params, key, TIER_MAX);
  return tier !== undefined && tier >= TIER_MIN ? tier : undefined;
}

function readGrades(params: URLSearchParams): string[] | undefined {
  const grades = params
    .get('integrityGrade')
    ?.split(',')
    .map((grade) => grade.trim().toUpperCase())
    .filter((grade) => GRADE.test(grade));
  return grades && grades.length > 0 ? [...new Set(grades)] : undefined;
}

/** The customer list's state as the shared list URL holds it (see `shared/list-params.ts`). */
export function parseCustomerSearch(params: URLSearchParams): CustomerListQuery {
  const sort = readOneOf(params, 'sort', SORT_FIELDS);
  return stripUndefined({
    search: readText(params, 'search'),
    districtId: readInt(params, 'districtId'),
    businessType: readList(params, 'businessType', BUSINESS_TYPES),
    tradeArea: readList(params, 'tradeArea', TRADE_AREAS),
    marketType: readOneOf(params, 'marketType', MARKET_TYPES),
    scale: readList(params, 'scale', SCALES),
    tierMin: readTier(params, 'tierMin'),
    tierMax: readTier(params, 'tierMax'),
    integrityGrade: readGrades(params),
    accountManagerId: readInt(params, 'accountManagerId'),
    status: readOneOf(params, 'status', CUSTOMER_STATUSES),
    licenceStatus: readOneOf(params, 'licenceStatus', LICENCE_STATUSES),
    terminalStatus: readOneOf(params, 'terminalStatus', TERMINAL_STATUSES),
    ...readPaging(params),
    sort,
    order: sort ? (readOneOf(params, 'order', SORT_ORDERS) ?? 'asc') : undefined,
  });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** The list's state as page-URL parameters: filters first, defaults left out, lists as `a,b`. */
export function toCustomerSearch(query: CustomerListQuery): URLSearchParams {
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, query[key]]));
  return writeParams({
    ...filters,
    sort: query.sort,
    order: query.sort ? (query.order ?? 'asc') : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
}

/** The change that clears every filter, keeping sort and page size. */
export const NO_FILTERS: Record<CustomerFilterKey, undefined> = Object.fromEntries(
  FILTER_KEYS.map((key) => [key, undefined]),
) as Record<CustomerFilterKey, undefined>;

export function hasFilters(query: CustomerListQuery): boolean {
  return FILTER_KEYS.some((key) => {
    const value = query[key];
    return value !== undefined && !(Array.isArray(value) && value.length === 0);
  });
}

/** `GET /api/customers/export` with the same filters and sort as the list (and no paging). */
export function exportUrl(query: CustomerListQuery): string {
  const { page: _page, pageSize: _pageSize, ...rest } = query;
  const exportQuery: CustomerExportQuery = rest;
  const search = toCustomerSearch(exportQuery).toString();
  return `/api/customers/export${search ? `?${search}` : ''}`;
}
