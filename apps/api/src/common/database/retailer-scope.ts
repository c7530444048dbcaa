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

/**
 * SQL that is true when a data scope may place a retailer in district `districtSql` with account manager
 * `managerSql`: inside a district manager's subtrees, or kept by one of the scope's account managers inside
 * the districts that manager serves. `movedSql` false skips the second district test, so that an account
 * manager can still edit a retailer an administrator placed outside their districts. Null for the whole
 * market. The same rule for one retailer (the register) and set-based (the import).
 */
export function placementScopeCondition(
  scope: DataScope,
  place: { districtSql: string; managerSql: string; movedSql: string },
  params: unknown[],
): string | null {
  if (scope.all) return null;
  const allowed: string[] = [];
  if (scope.districtIds.length) {
    params.push(scope.districtIds);
    allowed.push(
      `EXISTS (SELECT 1 FROM district p JOIN district top ON p.path LIKE top.path || '%'
                WHERE p.id = ${place.districtSql} AND top.id = ANY($${params.length}))`,
    );
  }
  if (scope.accountManagerIds.length) {
    params.push(scope.accountManagerIds);
    allowed.push(
      `(${place.managerSql} = ANY($${params.length}) AND (NOT ${place.movedSql} OR EXISTS (
          SELECT 1 FROM account_manager m JOIN district served ON served.id = ANY(m.district_ids)
                   JOIN district p ON p.path LIKE served.path || '%'
           WHERE m.id = ${place.managerSql} AND p.id = ${place.districtSql})))`,
    );
  }
  return allowed.length ? `COALESCE(${allowed.join(' OR ')}, false)` : 'false';
}
