import type { Schemas } from '../../shared/api/client';

export type ForecastSeries = Schemas['ForecastSeriesDto'];

export interface ForecastRow {
  month: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/**
 * Interval bands drawn with echarts' stacked-area trick: an invisible `base` (the 95 % lower bound), then the
 * widths stacked on it — lower 95 % strip, the 80 % band, upper 95 % strip — so each strip is filled between
 * two bounds. History months are `null` (nothing drawn) except the last actual, where the fan starts with
 * zero width so that even a one-month forecast shows its bands.
 */
export interface BandSeries {
  base: (number | null)[];
  lower95: (number | null)[];
  band80: (number | null)[];
  upper95: (number | null)[];
}

export interface ForecastChartData {
  /** History months then forecast months, `YYYY-MM`. */
  months: string[];
  /** The actuals over the history, `null` over the forecast. */
  actual: (number | null)[];
  /** The forecast mean, starting from the last actual so the lines join; `null` before. */
  mean: (number | null)[];
  bands: BandSeries;
  /** The first forecast month (where the marker goes), or null without a forecast. */
  forecastStart: string | null;
  /** Index of the first forecast month in `months`. */
  forecastIndex: number;
  rows: ForecastRow[];
  hasForecast: boolean;
  hasHistory: boolean;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function forecastRows(series: ForecastSeries): ForecastRow[] {
  return series.forecastMonths.map((month, index) => {
    // Bounds in order and never negative, whatever the server sent.
    const mean = Math.max(0, series.mean[index] ?? 0);
    const lo80 = Math.min(mean, Math.max(0, series.lo80[index] ?? mean));
    const lo95 = Math.min(lo80, Math.max(0, series.lo95[index] ?? lo80));
    const hi80 = Math.max(mean, series.hi80[index] ?? mean);
    const hi95 = Math.max(hi80, series.hi95[index] ?? hi80);
    return { month, mean, lo80, hi80, lo95, hi95 };
  });
}

export function buildForecastChart(series: ForecastSeries): ForecastChartData {
  const history = series.historyMonths;
  const rows = forecastRows(series);
  const months = [...history, ...rows.map((row) => row.month)];
  const h = history.length;
  const actual: (number | null)[] = [
    ...history.map((_, index) => series.actual[index] ?? 0),
    ...rows.map(() => null),
  ];
  const blank = () => months.map((): number | null => null);
  const mean = blank();
  const bands: BandSeries = { base: blank(), lower95: blank(), band80: blank(), upper95: blank() };
  if (rows.length > 0) {
    if (h > 0) {
      const last = series.actual[h - 1] ?? 0;
      mean[h - 1] = last;
      bands.base[h - 1] = last;
      bands.lower95[h - 1] = 0;
      bands.band80[h - 1] = 0;
      bands.upper95[h - 1] = 0;
    }
    rows.forEach((row, index) => {
      const at = h + index;
      mean[at] = row.mean;
      bands.base[at] = row.lo95;
      bands.lower95[at] = round(row.lo80 - row.lo95);
      bands.band80[at] = round(row.hi80 - row.lo80);
      bands.upper95[at] = round(row.hi95 - row.hi80);
    });
  }
  return {
    months,
    actual,
    mean,
    bands,
    forecastStart: rows[0]?.month ?? null,
    forecastIndex: h,
    rows,
    hasForecast: rows.length > 0,
    hasHistory: series.actual.some((value) => value > 0),
  };
}
