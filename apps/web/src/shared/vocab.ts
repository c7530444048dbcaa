import type { Schemas } from './api/client';

type Customer = Schemas['CustomerDetailDto'];

/**
 * A list that names every member of `T`, checked at compile time: when the API adds a code, the generated
 * types change and the list stops compiling until the code (and its labels in the i18n files) is added.
 */
const everyOf =
  <T extends string | number>() =>
  <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L =>
    list;

export const BUSINESS_TYPES = everyOf<Customer['businessType']>()([
  'convenience',
  'supermarket',
  'grocery',
  'tobacco_liquor',
  'entertainment',
  'mall',
  'other',
]);
export const TRADE_AREAS = everyOf<Customer['tradeArea']>()([
  'residential',
  'commercial',
  'office',
  'school',
  'transport',
  'tourist',
  'industrial',
  'market',
  'rural',
]);
export const MARKET_TYPES = everyOf<Customer['marketType']>()(['urban', 'rural']);
export const SCALES = everyOf<Customer['scale']>()([1, 2, 3]);
export const LICENCE_STATUSES = everyOf<Customer['licenceStatus']>()([
  'valid',
  'suspended',
  'expired',
  'cancelled',
]);
export const CUSTOMER_STATUSES = everyOf<Customer['status']>()(['active', 'inactive']);
export const TERMINAL_STATUSES = everyOf<Customer['terminalStatus']>()([
  'none',
  'candidate',
  'active',
  'warned',
  'revoked',
]);
export const VISIT_CYCLES = everyOf<Customer['visitCycle']>()([
  'weekly',
  'fortnightly_odd',
  'fortnightly_even',
  'none',
]);
export const DISTRICT_LEVELS = everyOf<Schemas['DistrictLevel']>()([
  'city',
  'county',
  'market_area',
  'route',
]);
export const BRAND_STATUSES = everyOf<Schemas['BrandStatus']>()(['new', 'active', 'limited', 'withdrawn']);
export const PACK_TYPES = everyOf<Schemas['PackType']>()(['hard', 'soft', 'slim', 'medium_slim', 'short']);
export const PRICE_CLASSES = [1, 2, 3, 4, 5] as const;
export const IMPORT_KINDS = everyOf<Schemas['ImportJobDto']['kind']>()(['retailers', 'order_lines']);
export const IMPORT_STATES = everyOf<Schemas['ImportJobDto']['state']>()([
  'queued',
  'running',
  'succeeded',
  'rejected',
  'failed',
]);
/** The default integrity scale; the register stores a short code, so other scales still display. */
export const INTEGRITY_GRADES = ['A', 'B', 'C', 'D'] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const TIER_MIN = 1;
export const TIER_MAX = 30;

/** The i18n key of a vocabulary code: `vocab.<kind>.<code>`. */
export type VocabKind =
  | 'businessType'
  | 'tradeArea'
  | 'marketType'
  | 'scale'
  | 'licenceStatus'
  | 'customerStatus'
  | 'terminalStatus'
  | 'visitCycle'
  | 'weekday'
  | 'districtLevel'
  | 'brandStatus'
  | 'packType'
  | 'priceClass'
  | 'importKind'
  | 'importState';

export const vocabKey = (kind: VocabKind, code: string | number): string => `vocab.${kind}.${code}`;
