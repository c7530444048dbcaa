import { placementScopeCondition, retailerScopeCondition } from '../../../common/database/retailer-scope';
import { currentContext } from '../../../common/http/request-context';
import { RETAILER_CSV_COLUMNS, RETAILER_EXPORT_DERIVED_COLUMNS } from '@tms/domain';
import type { Client } from 'pg';
import type { BulkKind, PreviewCounts, WriteCounts } from '../bulk/bulk-kind';
import { ERROR_TABLE } from '../bulk/error-table';
import { RETAILER_STAGING_COLUMNS, retailerRowParser } from './retailer-rows';

/** Columns written from the file; the natural key `licence_no` first. */
const COLUMNS = [
  'licence_no',
  'shop_name',
  'owner_name',
  'phone',
  'address',
  'district_id',
  'market_type',
  'business_type',
  'trade_area',
  'scale',
  'classification_code',
  'licence_status',
  'status',
  'integrity_grade',
  'tier',
  'terminal_status',
  'account_manager_id',
  'order_day',
  'visit_cycle',
  'birthday',
  'preferences',
  'opened_on',
] as const;
const VALUE_COLUMNS = COLUMNS.slice(1);

const list = (alias: string) => VALUE_COLUMNS.map((c) => `${alias}.${c}`).join(', ');
/** Same test in the write and the dry run: a retailer is updated only when a value differs. */
const differs = (current: string, incoming: string) =>
  `(${list(current)}) IS DISTINCT FROM (${list(incoming)})`;

async function loadDictionary(client: Client, table: string): Promise<Map<string, number>> {
  const { rows } = await client.query<{ code: string; id: number }>(`SELECT code, id FROM ${table}`);
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Who the audit rows name: the signed-in user when the import runs in their request, else the system. */
function auditActor(): [string, string | null, string, string | null] {
  const context = currentContext();
  const principal = context?.principal;
  return principal?.kind === 'user'
    ? ['user', String(principal.id), principal.username, context?.requestId ?? null]
    : ['system', null, 'import job', context?.requestId ?? null];
}

/** The retailer register: natural key `licence_no`; the classification code is derived on the way in. */
export const retailerKind: BulkKind = {
  kind: 'retailers',
  columns: RETAILER_CSV_COLUMNS,
  ignoredColumns: RETAILER_EXPORT_DERIVED_COLUMNS,
  stagingColumns: RETAILER_STAGING_COLUMNS,

  async prepare(client) {
    const [districts, accountManagers] = await Promise.all([
      loadDictionary(client, 'district'),
      loadDictionary(client, 'account_manager'),
    ]);
    return retailerRowParser({ districts, accountManagers });
  },

  // UPDATE then INSERT rather than INSERT … ON CONFLICT: the latter draws an id from the sequence for
  // every conflicting row, and re-imports of a province register would burn them by the hundred thousand.
  async write(client, batch): Promise<WriteCounts> {
    const actor = auditActor();
    // Each statement also appends its changes to the audit trail, set-based and in the import's transaction:
    // CTEs see the rows as they were before the statement, so `before` is the old record.
    const updated = await client.query(
      `WITH before AS (
         SELECT r.* FROM retailer r JOIN ${batch} s ON r.licence_no = s.licence_no WHERE ${differs('r', 's')}
       ), changed AS (
         UPDATE retailer r SET ${VALUE_COLUMNS.map((c) => `${c} = s.${c}`).join(', ')},
                version = r.version + 1, updated_at = now()
         FROM ${batch} s
         WHERE r.licence_no = s.licence_no AND ${differs('r', 's')}
         RETURNING r.*
       ), diffs AS (
         SELECT c.id, d.key, d.old, d.new
         FROM changed c JOIN before b ON b.id = c.id,
              LATERAL (SELECT n.key, o.value AS old, n.value AS new
                         FROM jsonb_each(to_jsonb(c)) n JOIN jsonb_each(to_jsonb(b)) o USING (key)
                        WHERE n.value IS DISTINCT FROM o.value AND n.key NOT IN ('version', 'updated_at')) d
       )
       INSERT INTO audit_log (actor_kind, actor_id, actor_name, action, entity, entity_id, before, after, changed, reason, request_id)
       SELECT $1, $2, $3, 'import_update', 'customer', id::text, jsonb_object_agg(key, old), jsonb_object_agg(key, new),
              array_agg(key ORDER BY key), 'CSV import', $4
       FROM diffs GROUP BY id`,
      actor,
    );
    const inserted = await client.query(
      `WITH created AS (
         INSERT INTO retailer (${COLUMNS.join(', ')}, version)
         SELECT ${COLUMNS.map((c) => `s.${c}`).join(', ')}, 1
         FROM ${batch} s
         WHERE NOT EXISTS (SELECT 1 FROM retailer r WHERE r.licence_no = s.licence_no)
         RETURNING *
       )
       INSERT INTO audit_log (actor_kind, actor_id, actor_name, action, entity, entity_id, after, changed, reason, request_id)
       SELECT $1, $2, $3, 'import_create', 'customer', id::text,
              to_jsonb(created) - 'version' - 'created_at' - 'updated_at', '{}', 'CSV import', $4
       FROM created`,
      actor,
    );
    return { inserted: inserted.rowCount ?? 0, updated: updated.rowCount ?? 0 };
  },

  // The register's rules (CustomersService) for an uploader who is not an administrator, set-based: a row
  // is refused rather than its column ignored, so nothing in the file is dropped without the uploader knowing.
  async refuse(client, batch, authority): Promise<number> {
    const params: unknown[] = [];
    const reachable = retailerScopeCondition(authority.scope, 'r.id', params);
    const placement = placementScopeCondition(
      authority.scope,
      { districtSql: 's.district_id', managerSql: 's.account_manager_id', movedSql: 'place.moved' },
      params,
    );
    const refusals = [
      `SELECT s.line, 'licence_no', s.licence_no,
              'belongs to a retailer outside the districts and customers you manage'
         FROM rows s WHERE NOT s.reachable`,
      ...authority.lockedColumns.map(
        (column) => `SELECT s.line, '${column}', s.${column}::text,
              'only an administrator may change ${column.replace('_', ' ')} (it is ' || r.${column} || ')'
         FROM rows s JOIN retailer r ON r.id = s.existing
        WHERE s.reachable AND s.${column} IS DISTINCT FROM r.${column}`,
      ),
      `SELECT s.line, CASE WHEN place.moved THEN 'district_code' ELSE 'account_manager_code' END,
              CASE WHEN place.moved THEN d.code ELSE m.code END,
              CASE WHEN place.moved THEN 'is outside the districts you manage or serve'
                   ELSE 'would put the retailer outside the districts and customers you manage' END
         FROM rows s LEFT JOIN retailer r ON r.id = s.existing
              JOIN district d ON d.id = s.district_id
              LEFT JOIN account_manager m ON m.id = s.account_manager_id,
              LATERAL (SELECT r.id IS NULL OR s.district_id <> r.district_id AS moved) place
        WHERE s.reachable
          AND (place.moved OR s.account_manager_id IS DISTINCT FROM r.account_manager_id)
          AND NOT ${placement ?? 'true'}`,
    ];
    const result = await client.query(
      `WITH rows AS (
         SELECT s.*, r.id AS existing, (r.id IS NULL OR COALESCE(${reachable ?? 'true'}, false)) AS reachable
           FROM ${batch} s LEFT JOIN retailer r ON r.licence_no = s.licence_no
       )
       INSERT INTO ${ERROR_TABLE} (line, field, value, reason) ${refusals.join(' UNION ALL ')}`,
      params,
    );
    return result.rowCount ?? 0;
  },

  async findDuplicates(client, staging) {
    await client.query(
      `INSERT INTO ${ERROR_TABLE} (line, field, value, reason)
       SELECT repeat, 'licence_no', d.licence_no, 'duplicate licence_no: first on line ' || d.lines[1]
       FROM (SELECT licence_no, array_agg(line ORDER BY line) AS lines
             FROM ${staging} GROUP BY licence_no HAVING count(*) > 1) d,
            unnest(d.lines[2:]) AS repeat`,
    );
  },

  async preview(client, staging): Promise<PreviewCounts> {
    const { rows } = await client.query<PreviewCounts>(
      `SELECT count(*) FILTER (WHERE r.id IS NULL)::int AS inserted,
              count(*) FILTER (WHERE r.id IS NOT NULL AND ${differs('r', 's')})::int AS updated,
              count(*) FILTER (WHERE r.id IS NOT NULL AND NOT ${differs('r', 's')})::int AS unchanged
       FROM ${staging} s LEFT JOIN retailer r ON r.licence_no = s.licence_no`,
    );
    return rows[0];
  },
};
