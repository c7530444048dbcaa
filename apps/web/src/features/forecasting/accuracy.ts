import type { Schemas } from '../../shared/api/client';
import { monthsBetween } from './months';

export type AccuracyRow = Schemas['ForecastAccuracyDto'];
export type AccuracyLevel = AccuracyRow['level'];

/** From the top of the hierarchy down. */
export const ACCURACY_LEVELS = [
  'company',
  'brand',
  'brand_district',
  'retailer',
  'retailer_brand',
] as const satisfies readonly AccuracyLevel[];

/** The seeds' target for forecast agreement (吻合率). */
export const AGREEMENT_TARGET = 0.96;

/**
 * How far ahead a run forecast a period: 0 for the run of that very month. Unknown runs (not in the list
 * the page has) sort last.
 */
function lead(runMonths: ReadonlyMap<string, string>, row: AccuracyRow): number {
  const month = runMonths.get(row.runId);
  const value = month ? monthsBetween(month, row.period) : Number.NaN;
  return Number.isFinite(value) && value >= 0 ? value : Number.MAX_SAFE_INTEGER;
}

/**
 * For each period, the published run that forecast it from closest (the month's own run if it was
 * published), so "over time" compares like with like.
 */
export function runPerPeriod(
  rows: readonly AccuracyRow[],
  runMonths: ReadonlyMap<string, string>,
): Map<string, string> {
  const best = new Map<string, AccuracyRow>();
  for (const row of rows) {
    if (row.key !== '*') continue;
    const current = best.get(row.period);
    if (
      !current ||
      lead(runMonths, row) < lead(runMonths, current) ||
      (lead(runMonths, row) === lead(runMonths, current) && row.runId > current.runId)
    ) {
      best.set(row.period, row);
    }
  }
  return new Map([...best].map(([period, row]) => [period, row.runId]));
}

export interface AccuracyOverTime {
  periods: string[];
  /** 吻合率 per level, aligned with `periods`; null where the level was not scored. */
  agreement: Record<AccuracyLevel, (number | null)[]>;
  /** The run chosen for each period. */
  runs: Map<string, string>;
}

export function accuracyOverTime(
  rows: readonly AccuracyRow[],
  runMonths: ReadonlyMap<string, string>,
): AccuracyOverTime {
  const runs = runPerPeriod(rows, runMonths);
  const periods = [...runs.keys()].sort();
  const index = new Map(
    rows
      .filter((row) => row.key === '*' && runs.get(row.period) === row.runId)
      .map((row) => [`${row.period}|${row.level}`, row.agreement]),
  );
  const agreement = Object.fromEntries(
    ACCURACY_LEVELS.map((level) => [level, periods.map((period) => index.get(`${period}|${level}`) ?? null)]),
  ) as Record<AccuracyLevel, (number | null)[]>;
  return { periods, agreement, runs };
}

/** The whole-level rows of one run and period, from the top level down. */
export function levelRows(rows: readonly AccuracyRow[]): AccuracyRow[] {
  return ACCURACY_LEVELS.flatMap((level) => rows.filter((row) => row.level === level && row.key === '*'));
}

/** The per-brand rows (the brand level's keys other than `*`), biggest actual first. */
export function brandRows(rows: readonly AccuracyRow[]): AccuracyRow[] {
  return rows
    .filter((row) => row.level === 'brand' && row.key !== '*')
    .sort((a, b) => b.actual - a.actual || a.key.localeCompare(b.key));
}
