import type { EntityManager } from 'typeorm';
import { currentContext } from '../../common/http/request-context';

/** Never written to the trail, whatever the record. */
const SECRET_FIELDS = new Set(['passwordHash', 'secretHash', 'tokenHash', 'previousTokenHash']);
/** Bookkeeping that changes with every write and says nothing about the change. */
const NOISE_FIELDS = new Set(['version', 'updatedAt', 'createdAt']);

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
}

function plain(record: object | null | undefined): Record<string, unknown> | null {
  if (!record) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (SECRET_FIELDS.has(key) || NOISE_FIELDS.has(key) || typeof value === 'function') continue;
    if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value))
      continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** The fields whose values differ, and their values before and after (only those). */
export function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { changed: string[]; before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!before || !after) return { changed: Object.keys(after ?? before ?? {}), before, after };
  const changed = Object.keys({ ...before, ...after }).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return {
    changed,
    before: Object.fromEntries(changed.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(changed.map((key) => [key, after[key] ?? null])),
  };
}

/**
 * Appends one row to the audit trail through `manager`, which must be the change's own transaction: the
 * change and its trace commit or roll back together. Who and which request come from the request context.
 */
export async function recordAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  const context = currentContext();
  const principal = context?.principal;
  const actor =
    principal?.kind === 'user'
      ? { kind: 'user', id: String(principal.id), name: principal.username }
      : principal?.kind === 'api_key'
        ? { kind: 'api_key', id: String(principal.id), name: principal.name }
        : { kind: 'system', id: null, name: principal?.kind === 'system' ? principal.name : 'system' };
  const { changed, before, after } = diff(plain(entry.before), plain(entry.after));
  if (entry.before && entry.after && changed.length === 0) return;
  await manager.query(
    `INSERT INTO audit_log (actor_kind, actor_id, actor_name, action, entity, entity_id, before, after, changed, reason, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      actor.kind,
      actor.id,
      actor.name,
      entry.action,
      entry.entity,
      String(entry.entityId),
      before ? JSON.stringify(before) : null,
      after ? JSON.stringify(after) : null,
      changed,
      entry.reason ?? null,
      context?.requestId ?? null,
    ],
  );
}
