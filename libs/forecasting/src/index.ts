export {
  ENGINE_VERSION,
  INTERMITTENT_ADI,
  METHODS,
  MIN_HISTORY,
  estimatePooledHolidayEffect,
  estimatePooledSeasonality,
  forecast,
  forecastMany,
  isIntermittent,
} from './forecast';
export type {
  ForecastManyOptions,
  ForecastOptions,
  ForecastResult,
  MethodName,
  SeriesInput,
} from './forecast';
export { agreement, agreementOf, bias, coverage, mase, maseScale, owa, rmsse, smape, wape } from './metrics';
export { brandDistrictKey, reconcile } from './reconcile';
export type { AggregateForecast, BottomForecast, ReconcileOptions, ReconciledForecasts } from './reconcile';
export {
  POST_FESTIVAL_WINDOW,
  PRE_FESTIVAL_WINDOW,
  estimateHolidayEffect,
  springFestivalRegressor,
  springFestivalRegressors,
} from './holidays';
export type { HolidayEffect } from './holidays';
export { FESTIVAL_BINS, estimateFestivalProfile, monthlyFestivalFactors } from './festival-profile';
export type { DailySeries, FestivalProfile } from './festival-profile';
export { isSeasonal } from './seasonality';
export { CsvError, readLongSeries } from './csv';
export type { CsvIssue, LongSeries } from './csv';
export { formatPeriod, parsePeriod } from './util';
