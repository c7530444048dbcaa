import { orderOccasions, type OrderCycle } from '@tms/calendar';
import {
  estimatePooledHolidayEffect,
  estimatePooledSeasonality,
  forecast,
  formatPeriod,
  parsePeriod,
  type ForecastOptions,
  type MethodName,
  type SeriesInput,
} from '@tms/forecasting';

/** Monthly history of a slice of retailers, as read from `monthly_sales`. */
export interface HistoryRow {
  retailerId: number;
  brandId: number;
  /** Months since the first history month (0-based). */
  monthIndex: number;
  cartons: number;
}

export interface ChunkInput {
  rows: HistoryRow[];
  /** Months of history (the window ends the month before the first forecast month). */
  historyMonths: number;
  /** `YYYY-MM` of history month 0. */
  historyStart: string;
  horizon: number;
  method: MethodName;
  holidays: 'spring-festival' | 'none';
  /** Brands withdrawn by the first forecast month: they forecast zero. */
  withdrawnBrandIds: ReadonlySet<number>;
  /** A series is forecast only if it sold in the last `activeMonths` months. */
  activeMonths?: number;
  /** Seasonal indices pooled over the slice (default on). */
  pooledSeasonality?: boolean;
  /** Scale each brand's shop forecasts to a forecast of the brand's total over the slice (default on). */
  brandTopDown?: boolean;
  /** Each retailer's order day and cycle: sales are forecast per order occasion (4 or 5 a month). */
  orderCycles?: ReadonlyMap<number, { orderDay: number; visitCycle: OrderCycle }>;
  /**
   * Spring Festival factor of each month of the window and the horizon (`monthlyFestivalFactors` of a
   * profile learnt from daily sales). With them history is made festival-free before forecasting and the
   * festival put back after; without them (and `holidays: 'spring-festival'`) the engine's monthly
   * regressors are fitted on the slice's total.
   */
  festivalFactors?: Float64Array;
}

export interface ChunkForecast {
  retailerIds: Int32Array;
  brandIds: Int32Array;
  /** Horizon step of each row (0-based). */
  steps: Int32Array;
  methods: string[];
  mean: Float32Array;
  lo80: Float32Array;
  hi80: Float32Array;
  lo95: Float32Array;
  hi95: Float32Array;
  seriesCount: number;
}

/**
 * Forecasts every retailer × brand series of a slice that sold recently. Short series borrow the seasonal
 * profile of the same brand across the slice's retailers (a segment profile), scaled to what they sold.
 */
export function forecastChunk(input: ChunkInput): ChunkForecast {
  const { historyMonths, horizon } = input;
  const activeFrom = historyMonths - (input.activeMonths ?? 12);
  const series = new Map<number, Float64Array>();
  const keyOf = (retailerId: number, brandId: number) => retailerId * 100_000 + brandId;
  for (const row of input.rows) {
    const key = keyOf(row.retailerId, row.brandId);
    let values = series.get(key);
    if (!values) series.set(key, (values = new Float64Array(historyMonths)));
    values[row.monthIndex] += row.cartons;
  }

  const count = [...series.values()].filter((values) => hasSaleFrom(values, activeFrom)).length;
  const size = count * horizon;
  const out: ChunkForecast = {
    retailerIds: new Int32Array(size),
    brandIds: new Int32Array(size),
    steps: new Int32Array(size),
    methods: new Array<string>(size),
    mean: new Float32Array(size),
    lo80: new Float32Array(size),
    hi80: new Float32Array(size),
    lo95: new Float32Array(size),
    hi95: new Float32Array(size),
    seriesCount: count,
  };
  const keys = [...series.keys()]
    .filter((key) => hasSaleFrom(series.get(key)!, activeFrom))
    .sort((a, b) => a - b);
  const festival = input.holidays === 'none' ? undefined : input.festivalFactors;
  if (festival && festival.length !== historyMonths + horizon)
    throw new RangeError(`festivalFactors must cover ${historyMonths + horizon} months`);
  const calendar = calendarFactors(input, festival);
  const inputs: SeriesInput[] = keys.map((key) => {
    const factors = calendar.of(Math.floor(key / 100_000));
    const values = factors ? adjusted(series.get(key)!, factors) : series.get(key)!;
    return { values: trimLeadingZeros(values), start: startOfTrimmed(values, input.historyStart) };
  });
  // One shop's series is too noisy to estimate the Spring Festival effect; the slice's total is not.
  const holidayEffect = input.holidays === 'none' || festival ? null : estimatePooledHolidayEffect(inputs);
  const holidays = festival ? 'none' : input.holidays;
  // Likewise for the seasonal pattern: shops have two or three years, the slice's total shows the season.
  const seasonalIndices =
    input.pooledSeasonality === false ? null : estimatePooledSeasonality(inputs, holidayEffect);
  // Short histories are forecast on the pooled season when there is one; the brands' profiles otherwise.
  const profiles = seasonalIndices ? null : brandProfiles(input.rows, input.historyStart);
  const base: ForecastOptions = {
    horizon,
    method: input.method,
    holidays,
    ...(holidayEffect ? { holidayEffect } : {}),
    ...(seasonalIndices ? { seasonalIndices } : {}),
  };
  let row = 0;
  for (let index = 0; index < keys.length; index++) {
    const retailerId = Math.floor(keys[index] / 100_000);
    const brandId = keys[index] % 100_000;
    const options: ForecastOptions = {
      ...base,
      wholeUnits: false,
      withdrawn: input.withdrawnBrandIds.has(brandId),
      profile: profiles?.get(brandId),
    };
    const result = forecast(inputs[index], options);
    for (let h = 0; h < horizon; h++, row++) {
      out.retailerIds[row] = retailerId;
      out.brandIds[row] = brandId;
      out.steps[row] = h;
      out.methods[row] = result.method;
      out.mean[row] = result.mean[h];
      out.lo80[row] = result.lo80[h];
      out.hi80[row] = result.hi80[h];
      out.lo95[row] = result.lo95[h];
      out.hi95[row] = result.hi95[h];
    }
  }
  if (input.brandTopDown !== false) {
    scaleToBrandTotals(out, keys, inputs, base);
  }
  // back from sales per order occasion, festival-free, to sales per month
  for (let index = 0, row = 0; index < keys.length; index++, row += horizon) {
    const factors = calendar.of(Math.floor(keys[index] / 100_000));
    if (!factors) continue;
    for (const values of [out.mean, out.lo80, out.hi80, out.lo95, out.hi95]) {
      for (let h = 0; h < horizon; h++) values[row + h] *= factors[historyMonths + h];
    }
  }
  return out;
}

/**
 * Per retailer, the calendar's part of each month of the window and the horizon: the number of order
 * occasions relative to their mean (a weekly shop orders four or five times a month, which moves its
 * monthly sales by a quarter) times the month's festival factor.
 */
function calendarFactors(
  input: ChunkInput,
  festival: Float64Array | undefined,
): { of(retailerId: number): Float64Array | undefined } {
  const occasions = occasionFactors(input);
  if (!festival) return { of: (retailerId) => occasions.get(retailerId) };
  const combined = new Map<number, Float64Array>();
  for (const [retailerId, factors] of occasions) {
    combined.set(
      retailerId,
      factors.map((factor, t) => factor * festival[t]),
    );
  }
  return { of: (retailerId) => combined.get(retailerId) ?? festival };
}

function occasionFactors(input: ChunkInput): Map<number, Float64Array> {
  const out = new Map<number, Float64Array>();
  if (!input.orderCycles) return out;
  const months = input.historyMonths + input.horizon;
  const cache = new Map<string, Float64Array>();
  for (const [retailerId, { orderDay, visitCycle }] of input.orderCycles) {
    const key = `${orderDay}:${visitCycle}`;
    let factors = cache.get(key);
    if (!factors) {
      factors = new Float64Array(months);
      for (let t = 0; t < months; t++) {
        const [year, month] = addMonths(input.historyStart, t).split('-').map(Number);
        factors[t] = orderOccasions(year, month, orderDay, visitCycle);
      }
      const mean = factors.reduce((sum, value) => sum + value, 0) / months;
      for (let t = 0; t < months; t++) factors[t] = factors[t] > 0 && mean > 0 ? factors[t] / mean : 1;
      cache.set(key, factors);
    }
    out.set(retailerId, factors);
  }
  return out;
}

function adjusted(values: Float64Array, factors: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let t = 0; t < values.length; t++) out[t] = values[t] / factors[t];
  return out;
}

/**
 * Top-down by brand: a brand's total over a slice of a thousand shops is a long, smooth series whose trend
 * (a brand growing, a brand fading) shows; single shops' series do not. Shop forecasts keep their shares
 * and are scaled to the total's forecast, within bounds so one odd month cannot swing every shop. Totals
 * are taken per order occasion and on the pooled season, as the shops' own forecasts are: the slice's
 * shops mostly share an order day, so a raw total jumps by a quarter between four- and five-occasion
 * months, and a season fitted on it alone swings the whole brand from month to month.
 */
function scaleToBrandTotals(
  out: ChunkForecast,
  keys: number[],
  inputs: SeriesInput[],
  base: ForecastOptions,
): void {
  const horizon = base.horizon;
  const totals = new Map<number, { values: Float64Array; start: number }>();
  keys.forEach((key, index) => {
    const brandId = key % 100_000;
    const { values, start } = inputs[index];
    let total = totals.get(brandId);
    if (!total) totals.set(brandId, (total = { values: new Float64Array(0), start: parsePeriod(start) }));
    const offset = parsePeriod(start);
    const end = offset + values.length;
    const from = Math.min(total.start, offset);
    const to = Math.max(total.start + total.values.length, end);
    if (from !== total.start || to !== total.start + total.values.length) {
      const grown = new Float64Array(to - from);
      grown.set(total.values, total.start - from);
      total.values = grown;
      total.start = from;
    }
    for (let t = 0; t < values.length; t++) total.values[offset - total.start + t] += values[t];
  });
  const bottom = new Map<number, Float64Array>();
  for (let row = 0; row < out.brandIds.length; row++) {
    let sums = bottom.get(out.brandIds[row]);
    if (!sums) bottom.set(out.brandIds[row], (sums = new Float64Array(horizon)));
    sums[out.steps[row]] += out.mean[row];
  }
  const factors = new Map<number, Float64Array>();
  for (const [brandId, total] of totals) {
    const sums = bottom.get(brandId);
    if (!sums || total.values.length < 24) continue;
    const result = forecast(
      { values: total.values, start: formatPeriod(total.start) },
      { ...base, intervals: false },
    );
    const factor = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) {
      factor[h] = sums[h] > 0 ? Math.min(1.5, Math.max(0.67, result.mean[h] / sums[h])) : 1;
    }
    factors.set(brandId, factor);
  }
  for (let row = 0; row < out.brandIds.length; row++) {
    const factor = factors.get(out.brandIds[row])?.[out.steps[row]];
    if (!factor || factor === 1) continue;
    out.mean[row] *= factor;
    out.lo80[row] *= factor;
    out.hi80[row] *= factor;
    out.lo95[row] *= factor;
    out.hi95[row] *= factor;
  }
}

function hasSaleFrom(values: Float64Array, from: number): boolean {
  for (let i = Math.max(0, from); i < values.length; i++) if (values[i] > 0) return true;
  return false;
}

/** A shop that opened (or a brand that launched) during the window has no history before its first sale. */
function firstSale(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) if (values[i] > 0) return i;
  return values.length;
}

function trimLeadingZeros(values: Float64Array): Float64Array {
  return values.subarray(Math.min(firstSale(values), values.length - 1));
}

function startOfTrimmed(values: Float64Array, historyStart: string): string {
  return addMonths(historyStart, Math.min(firstSale(values), values.length - 1));
}

export function addMonths(period: string, months: number): string {
  return formatPeriod(parsePeriod(period) + months);
}

/**
 * SQL for the number of months from the date parameter `$n` to a month column: the history arrays of a
 * slice are indexed by it.
 */
export function monthIndexSql(column: string, startParameter: string): string {
  return `((extract(year FROM ${column}) - extract(year FROM ${startParameter}::date)) * 12
           + extract(month FROM ${column}) - extract(month FROM ${startParameter}::date))::int`;
}

/** Average cartons per calendar month (index 0 = January) of each brand over the slice. */
function brandProfiles(rows: HistoryRow[], historyStart: string): Map<number, Float64Array> {
  const startMonth = Number(historyStart.slice(5, 7)) - 1;
  const sums = new Map<number, Float64Array>();
  const retailers = new Map<number, Set<number>>();
  for (const row of rows) {
    let sum = sums.get(row.brandId);
    if (!sum) sums.set(row.brandId, (sum = new Float64Array(12)));
    sum[(startMonth + row.monthIndex) % 12] += row.cartons;
    let shops = retailers.get(row.brandId);
    if (!shops) retailers.set(row.brandId, (shops = new Set()));
    shops.add(row.retailerId);
  }
  for (const [brandId, sum] of sums) {
    const shops = retailers.get(brandId)!.size;
    for (let m = 0; m < 12; m++) sum[m] /= shops;
  }
  return sums;
}
