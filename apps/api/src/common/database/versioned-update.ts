import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { StaleVersionError } from '../errors/app-error';

/**
 * Optimistic concurrency for every editable record: the UPDATE itself checks the version the caller read,
 * so of two concurrent writers exactly one wins and the other gets STALE_VERSION.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  label: string,
  id: number,
  version: number,
  changes: QueryDeepPartialEntity<T>,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as QueryDeepPartialEntity<T>)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (result.affected === 0) {
    const latest = (await manager.findOneBy(target, { id } as never)) as { version?: number } | null;
    throw new StaleVersionError(label, id, version, latest?.version ?? -1);
  }
}
