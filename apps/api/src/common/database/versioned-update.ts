import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { recordAudit } from '../../modules/audit/audit-writer';
import { StaleVersionError } from '../errors/app-error';

export interface AuditOptions {
  /** Entity name in the audit trail, e.g. `customer`. */
  entity: string;
  action?: string;
  reason?: string | null;
}

/**
 * Optimistic concurrency and the audit trail for every editable record, in one transaction: the UPDATE
 * itself checks the version the caller read (of two concurrent writers exactly one wins, the other gets
 * STALE_VERSION), and the before/after of the change is appended to the trail in the same transaction.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  label: string,
  id: number,
  version: number,
  changes: QueryDeepPartialEntity<T>,
  audit: AuditOptions = { entity: label.toLowerCase().replace(/ /g, '_') },
): Promise<void> {
  await manager.transaction(async (tx) => {
    const before = (await tx.findOne(target, {
      where: { id } as never,
      lock: { mode: 'pessimistic_write' },
    })) as (ObjectLiteral & { version?: number }) | null;
    const result = await tx
      .createQueryBuilder()
      .update(target)
      .set({
        ...changes,
        version: () => 'version + 1',
        updatedAt: () => 'now()',
      } as QueryDeepPartialEntity<T>)
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected === 0) throw new StaleVersionError(label, id, version, before?.version ?? -1);
    const after = await tx.findOneBy(target, { id } as never);
    await recordAudit(tx, {
      action: audit.action ?? 'update',
      entity: audit.entity,
      entityId: id,
      before,
      after,
      reason: audit.reason,
    });
  });
}

/** Saves a new record and appends its creation to the audit trail, in one transaction. */
export async function insertAudited<T extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  record: T,
  entity: string,
): Promise<T> {
  return manager.transaction(async (tx) => {
    const saved = await tx.save(target, record);
    const fresh = (await tx.findOneBy(target, { id: saved.id } as never)) ?? saved;
    await recordAudit(tx, { action: 'create', entity, entityId: saved.id, after: fresh });
    return saved;
  });
}
