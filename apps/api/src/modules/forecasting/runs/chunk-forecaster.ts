import {
  estimatePooledHolidayEffect,
  forecast,
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
  const profiles = brandProfiles(input.rows, input.historyStart);

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
  const inputs: SeriesInput[] = keys.map((key) => {
    const values = series.get(key)!;
    return { values: trimLeadingZeros(values), start: startOfTrimmed(values, input.historyStart) };
  });
  // One shop's series is too noisy to estimate the Spring Festival effect; the slice's total is not.
  const holidayEffect = input.holidays === 'none' ? null : estimatePooledHolidayEffect(inputs);
  let row = 0;
  for (let index = 0; index < keys.length; index++) {
    const retailerId = Math.floor(keys[index] / 100_000);
    const brandId = keys[index] % 100_000;
    const options: ForecastOptions = {
      horizon,
      method: input.method,
      holidays: input.holidays,
      ...(holidayEffect ? { holidayEffect } : {}),
      wholeUnits: false,
      withdrawn: input.withdrawnBrandIds.has(brandId),
      profile: profiles.get(brandId),
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
  return out;
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
  const [year, month] = period.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1 + months, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
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
