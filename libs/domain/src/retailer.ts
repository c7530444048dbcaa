/** Shared vocabulary of the retailer register. Codes are stable identifiers; labels live in the UI's i18n files. */

export const BUSINESS_TYPES = [
  'convenience',
  'supermarket',
  'grocery',
  'tobacco_liquor',
  'entertainment',
  'mall',
  'other',
] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

export const TRADE_AREAS = [
  'residential',
  'commercial',
  'office',
  'school',
  'transport',
  'tourist',
  'industrial',
  'market',
  'rural',
] as const;
export type TradeArea = (typeof TRADE_AREAS)[number];

export const MARKET_TYPES = ['urban', 'rural'] as const;
export type MarketType = (typeof MARKET_TYPES)[number];

/** Operating scale: 1 large, 2 medium, 3 small. */
export const SCALES = [1, 2, 3] as const;
export type Scale = (typeof SCALES)[number];

export const LICENCE_STATUSES = ['valid', 'suspended', 'expired', 'cancelled'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

export const CUSTOMER_STATUSES = ['active', 'inactive'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** The default integrity scale (A–D); the scale is configuration, so the register stores a short code. */
export const DEFAULT_INTEGRITY_GRADES = ['A', 'B', 'C', 'D'] as const;

export const TERMINAL_STATUSES = ['none', 'candidate', 'active', 'warned', 'revoked'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

export const VISIT_CYCLES = ['weekly', 'fortnightly_odd', 'fortnightly_even', 'none'] as const;
export type VisitCycle = (typeof VISIT_CYCLES)[number];

export const MIN_TIER = 1;
export const MAX_TIER = 30;

/** ISO weekday of the retailer's order day: 1 = Monday … 7 = Sunday. */
export type OrderDay = 1 | 2 | 3 | 4 | 5 | 6 | 7;
