import type { ScoredCell } from './accuracy-accumulator';
import type { SliceRows } from './slice-query';

/**
 * Turns one slice of rows into scored cells: every retailer × brand with a forecast or a sale in the scored
 * month (a sale nobody forecast counts as forecast 0). Month index `historyMonths` is the scored month.
 */
export function sliceCells(
  rows: SliceRows,
  historyMonths: number,
  forecastOf?: Map<string, number>,
): ScoredCell[] {
  const cells = new Map<string, ScoredCell>();
  const cellOf = (retailerId: number, brandId: number) => {
    const key = `${retailerId}:${brandId}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        retailerId,
        brandId,
        districtId: rows.counties.get(retailerId) ?? 0,
        history: new Float64Array(historyMonths),
        actual: 0,
        forecast: 0,
      };
      cells.set(key, cell);
    }
    return cell;
  };
  for (const row of rows.forecasts) cellOf(row.retailerId, row.brandId).forecast = row.mean;
  if (forecastOf)
    for (const [key, mean] of forecastOf) {
      const [retailerId, brandId] = key.split(':').map(Number);
      cellOf(retailerId, brandId).forecast = mean;
    }
  for (const row of rows.history) {
    if (row.monthIndex === historyMonths) cellOf(row.retailerId, row.brandId).actual += row.cartons;
  }
  for (const row of rows.history) {
    if (row.monthIndex < historyMonths) {
      const cell = cells.get(`${row.retailerId}:${row.brandId}`);
      if (cell) cell.history[row.monthIndex] += row.cartons;
    }
  }
  return [...cells.values()];
}
