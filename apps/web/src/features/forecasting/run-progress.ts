import type { Schemas } from '../../shared/api/client';
import { addMonths, isMonth } from './months';

export type ForecastRun = Schemas['ForecastRunDto'];
export type RunState = ForecastRun['state'];

export const RUN_STATES = [
  'queued',
  'running',
  'completed',
  'failed',
  'cancelled',
] as const satisfies readonly RunState[];
export const ACTIVE_STATES: readonly RunState[] = ['queued', 'running'];
/** How often the runs list is refreshed while a run is queued or running. */
export const POLL_MS = 2000;

export function isActive(run: Pick<ForecastRun, 'state'>): boolean {
  return ACTIVE_STATES.includes(run.state);
}

/** The polling interval for a list of runs: every 2 s while any is queued or running, else none. */
export function pollInterval(runs: readonly Pick<ForecastRun, 'state'>[] | undefined): number | false {
  return runs?.some(isActive) ? POLL_MS : false;
}

/** A run over part of the market (some districts or brands); only a whole-market run can be published. */
export function isScoped(run: Pick<ForecastRun, 'districtIds' | 'brandIds'>): boolean {
  return run.districtIds.length > 0 || run.brandIds.length > 0;
}

export function canCancel(run: Pick<ForecastRun, 'state'>): boolean {
  return isActive(run);
}

export function canApprove(
  run: Pick<ForecastRun, 'state' | 'published' | 'districtIds' | 'brandIds'>,
): boolean {
  return run.state === 'completed' && !run.published && !isScoped(run);
}

export interface DurationUnits {
  h: string;
  m: string;
  s: string;
  /** Put between a number and its unit. */
  gap: string;
}

export const DURATION_UNITS: Record<'zh-CN' | 'en', DurationUnits> = {
  'zh-CN': { h: '小时', m: '分', s: '秒', gap: '' },
  en: { h: 'h', m: 'min', s: 's', gap: ' ' },
};

/**
 * A duration the way people read it: `45 s`, `2 min 05 s`, `1 h 02 min` (seconds dropped past an hour);
 * `—` when unknown.
 */
export function formatDuration(seconds: number | null | undefined, language: string): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const units = language === 'en' ? DURATION_UNITS.en : DURATION_UNITS['zh-CN'];
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const part = (value: number, unit: string, pad: boolean) =>
    `${pad ? String(value).padStart(2, '0') : value}${units.gap}${unit}`;
  const sep = language === 'en' ? ' ' : '';
  if (h > 0) return [part(h, units.h, false), part(m, units.m, true)].join(sep);
  if (m > 0) return [part(m, units.m, false), part(s, units.s, true)].join(sep);
  if (seconds > 0 && total === 0) return `<1${units.gap}${units.s}`;
  return part(s, units.s, false);
}

export interface RunProgress {
  /** 0–100, whole or one decimal. */
  percent: number;
  /** `chunks done / total`. */
  chunks: string;
  status: 'active' | 'success' | 'exception' | 'normal';
  /** Speed and ETA only while running and once the first chunk is done. */
  showSpeed: boolean;
}

export function runProgress(run: ForecastRun): RunProgress {
  const percent = Math.max(0, Math.min(100, run.state === 'completed' ? 100 : run.percent));
  return {
    percent,
    chunks: `${run.chunksDone}/${run.chunksTotal}`,
    status:
      run.state === 'completed'
        ? 'success'
        : run.state === 'failed'
          ? 'exception'
          : run.state === 'running' || run.state === 'queued'
            ? 'active'
            : 'normal',
    showSpeed: run.state === 'running' && (run.seriesPerSecond !== null || run.etaSeconds !== null),
  };
}

/**
 * Where a new run should start: the month after the latest month with sales. `salesLatest` is that month
 * when known; otherwise the series endpoint's history ends the month before its forecast would start.
 */
export function defaultRunMonth(input: {
  salesLatest?: string | null;
  historyMonths?: readonly string[];
  today?: Date;
}): string {
  if (isMonth(input.salesLatest)) return addMonths(input.salesLatest, 1);
  const last = input.historyMonths?.at(-1);
  if (isMonth(last)) return addMonths(last, 1);
  const today = input.today ?? new Date();
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
}
