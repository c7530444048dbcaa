import { ValidationFailedError, type FieldError } from '../../../common/errors/app-error';
import type { BrandEntity } from './brand.entity';

type BrandRuleFields = Pick<
  BrandEntity,
  'wholesalePrice' | 'retailPrice' | 'status' | 'launchedOn' | 'withdrawnOn'
>;

/**
 * Rules across fields, checked on the brand as it would be after the change, so a partial update cannot
 * slip past them (e.g. lowering only the retail price below the stored wholesale price).
 */
export function assertBrandRules(brand: BrandRuleFields): void {
  const fields: FieldError[] = [];
  if (brand.retailPrice < brand.wholesalePrice) {
    fields.push({
      field: 'retailPrice',
      messages: [
        `retailPrice (${brand.retailPrice}) must not be below wholesalePrice (${brand.wholesalePrice})`,
      ],
    });
  }
  if (brand.status === 'withdrawn' && !brand.withdrawnOn) {
    fields.push({ field: 'withdrawnOn', messages: ['withdrawnOn is required when the status is withdrawn'] });
  }
  // ISO dates compare correctly as strings.
  if (brand.withdrawnOn && brand.launchedOn && brand.withdrawnOn < brand.launchedOn) {
    fields.push({
      field: 'withdrawnOn',
      messages: [`withdrawnOn (${brand.withdrawnOn}) must not be before launchedOn (${brand.launchedOn})`],
    });
  }
  if (fields.length) {
    throw new ValidationFailedError(
      fields,
      `Validation failed: ${fields.map((f) => `${f.field} (${f.messages.join('; ')})`).join(', ')}`,
    );
  }
}
