import type { operations } from '../../../api/schema';
import { api, unwrap, type Schemas } from '../../../shared/api/client';
import { usePagedQuery } from '../../../shared/queries';

export type AuditEntry = Schemas['AuditEntryDto'];
export type AuditQuery = NonNullable<operations['Audit_find']['parameters']['query']>;

/** The trail; `revision` (e.g. the record's version) asks again when the record has changed. */
export function useAuditTrail(query: AuditQuery, options: { revision?: number } = {}) {
  return usePagedQuery(
    ['audit', query, options.revision ?? null] as const,
    (signal) => unwrap(api.GET('/api/audit', { params: { query }, signal })),
    // The trail grows with every change: read it fresh.
    0,
  );
}
