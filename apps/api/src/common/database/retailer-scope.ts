import type { DataScope } from '../http/request-context';

/**
 * SQL restricting a retailer-id column to a data scope, for queries that reach retailers' data without the
 * register's own filter (forecasts, sales). Returns null for the whole market.
 */
export function retailerScopeCondition(
  scope: DataScope,
  retailerIdColumn: string,
  params: unknown[],
): string | null {
  if (scope.all) return null;
  const visible: string[] = [];
  if (scope.districtIds.length) {
    params.push(scope.districtIds);
    visible.push(`d.path LIKE ANY (SELECT path || '%' FROM district WHERE id = ANY($${params.length}))`);
  }
  if (scope.accountManagerIds.length) {
    params.push(scope.accountManagerIds);
    visible.push(`r.account_manager_id = ANY($${params.length})`);
  }
  if (!visible.length) return 'FALSE';
  return `${retailerIdColumn} IN (SELECT r.id FROM retailer r JOIN district d ON d.id = r.district_id WHERE ${visible.join(' OR ')})`;
}
