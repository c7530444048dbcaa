import type { Client } from 'pg';

/** Retailer-months whose order lines changed in the current import (a temp table, gone at commit). */
export const TOUCHED_MONTHS = 'import_touched_month';

export async function createTouchedMonths(client: Client): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE ${TOUCHED_MONTHS} (retailer_id int NOT NULL, month date NOT NULL, PRIMARY KEY (retailer_id, month)) ON COMMIT DROP`,
  );
}

/** Same test in the write and the dry run: an order line is updated only when a value differs. */
export const ORDER_LINE_DIFFERS = '(o.cartons, o.amount) IS DISTINCT FROM (s.cartons, s.amount)';

/**
 * Upserts a staged batch (retailer_id, order_date, brand_id, cartons, amount) in one statement and records
 * the retailer-months it changed. A key repeated within the batch makes PostgreSQL raise 21000.
 */
export async function writeOrderLines(
  client: Client,
  batch: string,
): Promise<{ inserted: number; updated: number }> {
  const { rows } = await client.query<{ inserted: number; updated: number }>(
    `WITH written AS (
       INSERT INTO order_line AS o (retailer_id, order_date, brand_id, cartons, amount)
       SELECT retailer_id, order_date, brand_id, cartons, amount FROM ${batch}
       ORDER BY retailer_id, order_date, brand_id
       ON CONFLICT (retailer_id, order_date, brand_id)
       DO UPDATE SET cartons = EXCLUDED.cartons, amount = EXCLUDED.amount
       WHERE (o.cartons, o.amount) IS DISTINCT FROM (EXCLUDED.cartons, EXCLUDED.amount)
       RETURNING o.retailer_id, o.order_date, o.xmax = 0 AS inserted
     ), touched AS (
       INSERT INTO ${TOUCHED_MONTHS} (retailer_id, month)
       SELECT DISTINCT retailer_id, date_trunc('month', order_date::timestamp)::date FROM written
       ON CONFLICT DO NOTHING
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted,
            count(*) FILTER (WHERE NOT inserted)::int AS updated
     FROM written`,
  );
  return rows[0];
}

/**
 * Recomputes monthly_sales for exactly the touched retailer-months from order_line. The range condition
 * lets the planner walk the primary key when a few months are touched; the equality lets it hash-join a
 * whole history. A merge join would sort all of order_line first, so it is ruled out for this statement.
 */
export async function rebuildTouchedMonthlySales(client: Client): Promise<void> {
  await client.query(`ANALYZE ${TOUCHED_MONTHS}`);
  await client.query(
    `DELETE FROM monthly_sales m USING ${TOUCHED_MONTHS} t
     WHERE m.retailer_id = t.retailer_id AND m.month = t.month`,
  );
  await client.query('SET LOCAL enable_mergejoin = off');
  // date_trunc on a timestamp without time zone: the date → timestamptz cast would consult the time zone.
  await client.query(
    `INSERT INTO monthly_sales (retailer_id, month, brand_id, cartons, amount, order_count)
     SELECT o.retailer_id, t.month, o.brand_id, sum(o.cartons), sum(o.amount), count(*)
     FROM ${TOUCHED_MONTHS} t
     JOIN order_line o
       ON o.retailer_id = t.retailer_id
      AND o.order_date >= t.month AND o.order_date < (t.month + interval '1 month')::date
      AND date_trunc('month', o.order_date::timestamp)::date = t.month
     GROUP BY o.retailer_id, t.month, o.brand_id
     ORDER BY o.retailer_id, t.month, o.brand_id`,
  );
  await client.query('SET LOCAL enable_mergejoin = on');
}
