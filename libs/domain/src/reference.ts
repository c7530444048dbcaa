export const DISTRICT_LEVELS = ['city', 'county', 'market_area', 'route'] as const;
export type DistrictLevel = (typeof DISTRICT_LEVELS)[number];

export const BRAND_STATUSES = ['new', 'active', 'limited', 'withdrawn'] as const;
export type BrandStatus = (typeof BRAND_STATUSES)[number];

export const PACK_TYPES = ['hard', 'soft', 'slim', 'medium_slim', 'short'] as const;
export type PackType = (typeof PACK_TYPES)[number];

/** Price class 1 (premium) … 5 (economy), as the industry's five-class scheme. */
export const PRICE_CLASSES = [1, 2, 3, 4, 5] as const;
export type PriceClass = (typeof PRICE_CLASSES)[number];
