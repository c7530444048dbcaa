import type { Schemas } from '../../shared/api/client';
import type { ForecastRun } from './run-progress';

export type FestivalProfile = Schemas['FestivalProfileDto'];

export interface FestivalBar {
  /** Weeks from New Year's day: week k holds days [7k, 7k + 7), so week −1 is the last week before it. */
  week: number;
  /** Sales of the week relative to a normal week (1 = no festival effect). */
  factor: number;
}

export interface FestivalProfileChartData {
  bars: FestivalBar[];
  /** The week with the largest effect either way, for a one-line summary beside the chart. */
  peak: FestivalBar;
  years: number[];
}

/**
 * Why a run has no profile decides what the user is told: with holidays off nothing was adjusted; with
 * holidays on the daily history held no whole festival, and the engine's monthly regressors stood in.
 */
export type FestivalProfileView =
  | { kind: 'profile'; chart: FestivalProfileChartData }
  | { kind: 'holidaysOff' }
  | { kind: 'tooLittleHistory' };

const round = (value: number) => Math.round(value * 1000) / 1000;

export function festivalProfileChart(profile: FestivalProfile): FestivalProfileChartData | null {
  const bars = profile.factors
    .map((factor, index) => ({ week: profile.firstBin + index, factor: round(factor) }))
    .filter((bar) => Number.isFinite(bar.factor));
  if (bars.length === 0) return null;
  const peak = bars.reduce((best, bar) =>
    Math.abs(bar.factor - 1) > Math.abs(best.factor - 1) ? bar : best,
  );
  return { bars, peak, years: [...profile.years].sort((a, b) => a - b) };
}

export function festivalProfileView(
  run: Pick<ForecastRun, 'holidays' | 'festivalProfile'>,
): FestivalProfileView {
  const chart = run.festivalProfile ? festivalProfileChart(run.festivalProfile) : null;
  if (chart) return { kind: 'profile', chart };
  return run.holidays === 'none' ? { kind: 'holidaysOff' } : { kind: 'tooLittleHistory' };
}

/** Axis label of a week: a true minus sign before New Year, a plus after it, so the scale reads both ways. */
export function weekLabel(week: number): string {
  return week < 0 ? `\u2212${-week}` : week > 0 ? `+${week}` : '0';
}

/** "2024 and 2025" / "2024和2025". */
export function formatYears(years: readonly number[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(years.map(String));
}
