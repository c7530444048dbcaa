import { MIN_TIER } from './retailer';
import type { Role } from './access';

/**
 * Retailer fields that holding `customers:write` is not enough to set, with who may write them and their
 * import column. The tier decides the allocation of scarce brands and the integrity grade weighs in it, so
 * an account or district manager must not set them for their own shops. Until the segmentation run derives
 * them (then `writers` becomes empty), only an administrator sets them, and the change is audited.
 */
export const RETAILER_FIELD_RULES = {
  tier: { column: 'tier', writers: ['admin'] },
  integrityGrade: { column: 'integrity_grade', writers: ['admin'] },
} as const satisfies Record<string, { column: string; writers: readonly Role[] }>;

export type RestrictedRetailerField = keyof typeof RETAILER_FIELD_RULES;

const RESTRICTED = Object.keys(RETAILER_FIELD_RULES) as RestrictedRetailerField[];

function isRestricted(field: string): field is RestrictedRetailerField {
  return (RESTRICTED as string[]).includes(field);
}

/** Whether a caller with these roles may write this retailer field (any field not listed is open). */
export function mayWriteRetailerField(roles: readonly Role[], field: string): boolean {
  if (!isRestricted(field)) return true;
  const writers: readonly Role[] = RETAILER_FIELD_RULES[field].writers;
  return roles.some((role) => writers.includes(role));
}

/** The restricted fields among `fields` (all of them by default) that a caller with these roles may not write. */
export function refusedRetailerFields(
  roles: readonly Role[],
  fields: Iterable<string> = RESTRICTED,
): RestrictedRetailerField[] {
  const asked = new Set(fields);
  return RESTRICTED.filter((field) => asked.has(field) && !mayWriteRetailerField(roles, field));
}

/**
 * What a retailer created without them starts with: the lowest tier (no claim on scarce brands before it is
 * graded) and the grade below the scale's middle, neither a reward nor a sanction, until it is graded.
 */
export const INITIAL_GRADING = { tier: MIN_TIER, integrityGrade: 'C' } as const;
