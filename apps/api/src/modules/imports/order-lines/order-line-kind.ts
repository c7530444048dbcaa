import { ORDER_LINE_CSV_COLUMNS } from '@tms/domain';
import type { Client } from 'pg';
import {
  createTouchedMonths,
  ORDER_LINE_DIFFERS,
  rebuildTouchedMonthlySales,
  writeOrderLines,
} from '../../orders/order-line-writes';
import type { BulkKind, PreviewCounts } from '../bulk/bulk-kind';
import { ERROR_TABLE } from '../bulk/error-table';
import { ORDER_LINE_STAGING_COLUMNS, orderLineRowParser } from './order-line-rows';

async function loadDictionary(client: Client, sql: string): Promise<Map<string, number>> {
  // Row mode arrays: a province has ~400,000 licences, and arrays are cheaper than objects here.
  const { rows } = await client.query<[string, number]>({ text: sql, rowMode: 'array' });
  return new Map(rows);
}

/** Order lines: natural key retailer + order date + brand; monthly sales follow in the same transaction. */
export const orderLineKind: BulkKind = {
  kind: 'order_lines',
  columns: ORDER_LINE_CSV_COLUMNS,
  stagingColumns: ORDER_LINE_STAGING_COLUMNS,

  async prepare(client) {
    await createTouchedMonths(client);
    // Codes are resolved while streaming, against dictionaries read with one query each: the check costs
    // a hash lookup per row, yields the line number for free and saves a join pass over the staging table.
    const retailers = await loadDictionary(client, 'SELECT licence_no, id FROM retailer');
    const brands = await loadDictionary(client, 'SELECT code, id FROM brand');
    return orderLineRowParser({ retailers, brands });
  },

  write: writeOrderLines,

  async findDuplicates(client, staging) {
    await client.query(
      `INSERT INTO ${ERROR_TABLE} (line, field, value, reason)
       SELECT repeat, NULL, r.licence_no || ',' || b.code || ',' || d.order_date,
              'duplicate of line ' || d.lines[1] || ' (same licence_no, brand_code, order_date)'
       FROM (SELECT retailer_id, brand_id, order_date, array_agg(line ORDER BY line) AS lines
             FROM ${staging} GROUP BY retailer_id, order_date, brand_id HAVING count(*) > 1) d
       JOIN retailer r ON r.id = d.retailer_id
       JOIN brand b ON b.id = d.brand_id,
       unnest(d.lines[2:]) AS repeat`,
    );
  },

  async preview(client, staging): Promise<PreviewCounts> {
    const { rows } = await client.query<PreviewCounts>(
      `SELECT count(*) FILTER (WHERE o.retailer_id IS NULL)::int AS inserted,
              count(*) FILTER (WHERE o.retailer_id IS NOT NULL AND ${ORDER_LINE_DIFFERS})::int AS updated,
              count(*) FILTER (WHERE o.retailer_id IS NOT NULL AND NOT ${ORDER_LINE_DIFFERS})::int AS unchanged
       FROM ${staging} s
       LEFT JOIN order_line o
         ON o.retailer_id = s.retailer_id AND o.order_date = s.order_date AND o.brand_id = s.brand_id`,
    );
    return rows[0];
  },

  afterWrite: rebuildTouchedMonthlySales,
};
