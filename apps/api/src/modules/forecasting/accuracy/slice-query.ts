import type { RowsQuery } from '../../../common/database/rows-query';
import { monthIndexSql } from '../runs/chunk-forecaster';

export interface SliceRows {
  /** retailer id → county id (the district two levels below the city root, or the retailer's own district). */
  counties: Map<number, number>;
  history: Array<{ retailerId: number; brandId: number; monthIndex: number; cartons: number }>;
  forecasts: Array<{ retailerId: number; brandId: number; mean: number }>;
}

/** A contiguous id range (a run's chunk) or a list of ids (the backtest's sample). */
export type RetailerSelection = { first: number; last: number } | { ids: number[] };

/**
 * One slice of retailers for scoring: their counties, their history from `historyStart` up to and
 * including `period` (month index = months since historyStart) and, with a run, its forecasts of `period`.
 */
export async function readSlice(
  query: RowsQuery,
  retailers: RetailerSelection,
  historyStart: string,
  period: string,
  runId: string | null = null,
): Promise<SliceRows> {
  const byRange = 'first' in retailers;
  const selection = byRange ? [retailers.first, retailers.last] : [retailers.ids];
  const where = (column: string, from: number) =>
    byRange ? `${column} BETWEEN $${from} AND $${from + 1}` : `${column} = ANY($${from})`;
  const next = selection.length + 1;
  const [counties, history, forecasts] = await Promise.all([
    query<{ id: number; county: number }>(
      `SELECT r.id, coalesce(nullif(split_part(d.path, '/', 3), '')::int, d.id) AS county
         FROM retailer r JOIN district d ON d.id = r.district_id WHERE ${where('r.id', 1)}`,
      selection,
    ),
    query<{ retailer_id: number; brand_id: number; month_index: number; cartons: number }>(
      `SELECT retailer_id, brand_id, cartons, ${monthIndexSql('month', `$${next}`)} AS month_index
         FROM monthly_sales
        WHERE ${where('retailer_id', 1)} AND month >= $${next}::date AND month <= $${next + 1}::date`,
      [...selection, historyStart, period],
    ),
    runId
      ? query<{ retailer_id: number; brand_id: number; mean: number }>(
          `SELECT retailer_id, brand_id, mean FROM forecast_value
            WHERE ${where('retailer_id', 1)} AND run_id = $${next} AND period = $${next + 1}::date`,
          [...selection, runId, period],
        )
      : Promise.resolve([]),
  ]);
  return {
    counties: new Map(counties.map((row) => [row.id, row.county])),
    history: history.map((row) => ({
      retailerId: row.retailer_id,
      brandId: row.brand_id,
      monthIndex: row.month_index,
      cartons: row.cartons,
    })),
    forecasts: forecasts.map((row) => ({
      retailerId: row.retailer_id,
      brandId: row.brand_id,
      mean: row.mean,
    })),
  };
}
