import type { BusinessType, MarketType, Scale } from './retailer';

/**
 * Customer classification code: market type letter × business type letter × scale digit, e.g. `CZ1`
 * (urban grocery, large). The letters are a configurable default taken from published regional practice.
 */
export interface ClassificationScheme {
  marketLetters: Record<MarketType, string>;
  businessLetters: Record<BusinessType, string>;
}

export const DEFAULT_CLASSIFICATION_SCHEME: ClassificationScheme = {
  marketLetters: { urban: 'C', rural: 'X' },
  businessLetters: {
    convenience: 'B',
    supermarket: 'S',
    grocery: 'Z',
    tobacco_liquor: 'Y',
    entertainment: 'F',
    mall: 'M',
    other: 'Q',
  },
};

export function classificationCode(
  input: { marketType: MarketType; businessType: BusinessType; scale: Scale },
  scheme: ClassificationScheme = DEFAULT_CLASSIFICATION_SCHEME,
): string {
  return `${scheme.marketLetters[input.marketType]}${scheme.businessLetters[input.businessType]}${input.scale}`;
}
