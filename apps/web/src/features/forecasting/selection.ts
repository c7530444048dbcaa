import type { operations } from '../../api/schema';
import { readInt, readOneOf, readPaging, writeParams } from '../../shared/list-params';
import { isMonth } from './months';
import { RUN_STATES, type RunState } from './run-progress';

/** What each forecasting page shows, read from and written to its URL so a link reproduces the view. */
export type SeriesQuery = operations['Forecasting_series']['parameters']['query'];
export type SeriesLevel = SeriesQuery['level'];
export const SERIES_LEVELS = [
  'company',
  'brand',
  'district',
  'retailer',
] as const satisfies readonly SeriesLevel[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readRunId(params: URLSearchParams, key = 'run'): string | undefined {
  const value = params.get(key);
  return value !== null && UUID.test(value) ? value.toLowerCase() : undefined;
}

// ---- chart page: level, id, brand, run ----

export interface ChartSelection {
  level: SeriesLevel;
  /** District id (level district) or retailer id (level retailer). */
  id?: number;
  brandId?: number;
  /** A run; absent means the latest published one. */
  runId?: string;
}

export function readChartSelection(params: URLSearchParams): ChartSelection {
  const level = readOneOf(params, 'level', SERIES_LEVELS) ?? 'company';
  const id = level === 'district' || level === 'retailer' ? readInt(params, 'id') : undefined;
  return {
    level,
    ...(id !== undefined ? { id } : {}),
    ...(readInt(params, 'brand') !== undefined ? { brandId: readInt(params, 'brand') } : {}),
    ...(readRunId(params) ? { runId: readRunId(params) } : {}),
  };
}

export function writeChartSelection(selection: ChartSelection): URLSearchParams {
  const needsId = selection.level === 'district' || selection.level === 'retailer';
  return writeParams({
    level: selection.level === 'company' ? undefined : selection.level,
    id: needsId ? selection.id : undefined,
    brand: selection.brandId,
    run: selection.runId,
  });
}

/** The API query for a selection, or why it cannot be asked yet. */
export function toSeriesQuery(
  selection: ChartSelection,
): { query: SeriesQuery; missing?: undefined } | { query?: undefined; missing: 'id' | 'brand' } {
  if ((selection.level === 'district' || selection.level === 'retailer') && !selection.id) {
    return { missing: 'id' };
  }
  if (selection.level === 'brand' && !selection.brandId) return { missing: 'brand' };
  return {
    query: {
      level: selection.level,
      ...(selection.level === 'district' || selection.level === 'retailer' ? { id: selection.id } : {}),
      ...(selection.brandId ? { brandId: selection.brandId } : {}),
      ...(selection.runId ? { runId: selection.runId } : {}),
    },
  };
}

/** The chart of one retailer, as linked from its profile. */
export function retailerChartPath(retailerId: number): string {
  return `/forecasting/chart?${writeChartSelection({ level: 'retailer', id: retailerId }).toString()}`;
}

// ---- accuracy page: period, run ----

export interface AccuracySelection {
  period?: string;
  runId?: string;
}

export function readAccuracySelection(params: URLSearchParams): AccuracySelection {
  const period = params.get('period');
  const runId = readRunId(params);
  return { ...(isMonth(period) ? { period } : {}), ...(runId ? { runId } : {}) };
}

export function writeAccuracySelection(selection: AccuracySelection): URLSearchParams {
  return writeParams({ period: selection.period, run: selection.runId });
}

// ---- runs page: month, state, page ----

export interface RunsFilter {
  page: number;
  month?: string;
  state?: RunState;
}

/** The runs list's filter and page; its page size is the one every list starts with (see list-params.ts). */
export function readRunsFilter(params: URLSearchParams): RunsFilter {
  const month = params.get('month');
  const state = readOneOf(params, 'state', RUN_STATES);
  return {
    page: readPaging(params).page,
    ...(isMonth(month) ? { month } : {}),
    ...(state ? { state } : {}),
  };
}
