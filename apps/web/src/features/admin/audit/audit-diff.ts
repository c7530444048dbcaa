/** The record types and actions the API writes to the trail (others still show, by their code). */
export const AUDIT_ENTITIES = [
  'customer',
  'district',
  'brand',
  'manufacturer',
  'account_manager',
  'user',
  'api_key',
  'session',
  'forecast_run',
] as const;
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'deactivate',
  'reset_password',
  'revoke',
  'sign_out',
  'start',
  'cancel',
  'approve',
] as const;

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * One row per changed field with its value before and after. A creation has only "after", so every field
 * it set is listed; fields the entry names as changed come first, in its order.
 */
export function diffRows(entry: { before: unknown; after: unknown; changed: readonly string[] }): DiffRow[] {
  const before = record(entry.before);
  const after = record(entry.after);
  const fields = [...new Set([...entry.changed, ...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** A value of the trail as text: empty as a dash, lists joined, anything structured as JSON. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(formatAuditValue).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Dates of the filter (YYYY-MM-DD, local days) as the API's instants: `from` the start of the first day,
 * `to` the start of the day after the last (the API's `to` is exclusive).
 */
export function dayRange(from?: string, to?: string): { from?: string; to?: string } {
  const start = (day: string, plusDays = 0) => {
    const [y, m, d] = day.split('-').map(Number);
    const date = new Date(y, m - 1, d + plusDays);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  };
  return {
    from: from && /^\d{4}-\d{2}-\d{2}$/.test(from) ? start(from) : undefined,
    to: to && /^\d{4}-\d{2}-\d{2}$/.test(to) ? start(to, 1) : undefined,
  };
}
