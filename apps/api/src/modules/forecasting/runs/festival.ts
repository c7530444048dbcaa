import { estimateFestivalProfile, type FestivalProfile } from '@tms/forecasting';
import type { RowsQuery } from '../../../common/database/rows-query';
import { addMonths } from './chunk-forecaster';

/** Years of daily sales the festival profile is learnt from: the festivals they hold, up to five. */
export const FESTIVAL_HISTORY_MONTHS = 60;

/**
 * Learns the Spring Festival profile from the market's daily sales before `month` (`YYYY-MM`, the first
 * forecast month); null when no festival lies wholly inside them. One scan of the order lines, by date.
 */
export async function learnFestivalProfile(query: RowsQuery, month: string): Promise<FestivalProfile | null> {
  const from = `${addMonths(month, -FESTIVAL_HISTORY_MONTHS)}-01`;
  const rows = await query<{ day: string; cartons: number }>(
    `SELECT to_char(order_date, 'YYYY-MM-DD') AS day, sum(cartons)::float8 AS cartons
       FROM order_line WHERE order_date >= $1::date AND order_date < $2::date
      GROUP BY order_date ORDER BY order_date`,
    [from, `${month}-01`],
  );
  if (rows.length === 0) return null;
  const dayOf = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
  const first = dayOf(rows[0].day);
  const values = new Float64Array(dayOf(`${month}-01`) - first);
  for (const row of rows) values[dayOf(row.day) - first] = Number(row.cartons);
  return estimateFestivalProfile({ firstDay: rows[0].day, values });
}
