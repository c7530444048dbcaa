import { readBoolean, readInt, readOneOf } from '../../../shared/list-params';
import { BRAND_STATUSES, PACK_TYPES } from '../../../shared/vocab';
import type { BrandQuery, BrandSortField } from './brands.api';

export const BRAND_SORT_FIELDS = [
  'code',
  'name',
  'wholesalePrice',
] as const satisfies readonly BrandSortField[];

export type BrandFilters = Omit<BrandQuery, 'page' | 'pageSize'>;

/** The brand list's filters and sort as the URL holds them; a value the API would refuse is left out. */
export function readBrandFilters(params: URLSearchParams): BrandFilters {
  return {
    search: params.get('search') ?? undefined,
    manufacturerId: readInt(params, 'manufacturerId'),
    status: readOneOf(params, 'status', BRAND_STATUSES),
    scarce: readBoolean(params, 'scarce'),
    priceClass: readInt(params, 'priceClass'),
    packType: readOneOf(params, 'packType', PACK_TYPES),
    sort: readOneOf(params, 'sort', BRAND_SORT_FIELDS),
    order: readOneOf(params, 'order', ['asc', 'desc'] as const),
  };
}
