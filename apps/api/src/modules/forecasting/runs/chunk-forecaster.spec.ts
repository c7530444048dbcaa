import { forecastChunk, type ChunkInput, type HistoryRow } from './chunk-forecaster';

const HISTORY_MONTHS = 36;
const HISTORY_START = '2023-11';

function rowsOf(
  retailers: number[],
  brandId: number,
  cartons: (retailerId: number, monthIndex: number) => number,
): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const retailerId of retailers)
    for (let monthIndex = 0; monthIndex < HISTORY_MONTHS; monthIndex++) {
      const value = cartons(retailerId, monthIndex);
      if (value > 0) rows.push({ retailerId, brandId, monthIndex, cartons: value });
    }
  return rows;
}

function chunk(rows: HistoryRow[], extra: Partial<ChunkInput> = {}): ChunkInput {
  return {
    rows,
    historyMonths: HISTORY_MONTHS,
    historyStart: HISTORY_START,
    horizon: 3,
    method: 'ensemble',
    holidays: 'spring-festival',
    withdrawnBrandIds: new Set(),
    ...extra,
  };
}

function forecastOf(result: ReturnType<typeof forecastChunk>, retailerId: number, brandId: number) {
  const out: number[] = [];
  for (let i = 0; i < result.mean.length; i++)
    if (result.retailerIds[i] === retailerId && result.brandIds[i] === brandId)
      out[result.steps[i]] = result.mean[i];
  return out;
}

const shops = Array.from({ length: 40 }, (_, i) => i + 1);

describe('forecastChunk', () => {
  it('should take the festival out of the history and put it back into the forecast months', () => {
    // a flat market whose months carry the festival, which moves: its peak is in February 2024, January
    // 2025, February 2026 and January 2027 (month 38), the slump in the month after
    const peaks = [3, 14, 27, 38];
    const festival = Float64Array.from({ length: HISTORY_MONTHS + 3 }, (_, t) =>
      peaks.includes(t) ? 1.6 : peaks.includes(t - 1) ? 0.7 : 1,
    );
    const rows = rowsOf(shops, 1, (_, t) => 20 * festival[t]);
    const result = forecastChunk(chunk(rows, { festivalFactors: festival }));
    // without the factors the monthly regressors of the real calendar cannot know this festival
    expect(forecastOf(forecastChunk(chunk(rows)), 7, 1)[2]).not.toBeCloseTo(32, 0);
    expect(result.seriesCount).toBe(shops.length);
    const [november, december, january] = forecastOf(result, 7, 1);
    expect(november).toBeCloseTo(20, 0);
    expect(december).toBeCloseTo(20, 0);
    expect(january).toBeCloseTo(32, 0);
  });

  it('should refuse festival factors that do not cover the window and the horizon', () => {
    const rows = rowsOf(shops, 1, () => 5);
    expect(() => forecastChunk(chunk(rows, { festivalFactors: new Float64Array(12) }))).toThrow(RangeError);
  });

  it('should forecast a brand launched four months ago from its recent sales, not from a year it has not had', () => {
    const established = rowsOf(shops, 1, () => 30);
    // launched in month 32 (part-way), then 6, 8, 8 cartons a month in three shops
    const launch = rowsOf([3, 4, 5], 2, (_, t) => (t === 32 ? 2 : t > 32 ? (t === 33 ? 6 : 8) : 0));
    const result = forecastChunk(chunk([...established, ...launch], { holidays: 'none' }));
    for (const shop of [3, 4, 5]) {
      const values = forecastOf(result, shop, 2);
      for (const value of values) expect(value).toBeGreaterThan(6.5);
      for (const value of values) expect(value).toBeLessThan(8.5);
    }
  });

  it('should forecast zero for a withdrawn brand and nothing for a series without a sale in the last year', () => {
    const live = rowsOf(shops, 1, () => 10);
    const withdrawn = rowsOf(shops, 2, () => 4);
    const lapsed = rowsOf([9], 3, (_, t) => (t < 20 ? 5 : 0));
    const result = forecastChunk(
      chunk([...live, ...withdrawn, ...lapsed], { withdrawnBrandIds: new Set([2]), activeMonths: 12 }),
    );
    expect(result.seriesCount).toBe(2 * shops.length);
    expect(forecastOf(result, 9, 2)).toEqual([0, 0, 0]);
    expect(forecastOf(result, 9, 3)).toEqual([]);
  });

  it('should forecast per order occasion: five Mondays make a bigger month than four', () => {
    // a shop ordering every Monday, 10 cartons each time: history follows the number of Mondays
    const mondays = (monthIndex: number) => {
      const year = 2023 + Math.floor((10 + monthIndex) / 12);
      const month = ((10 + monthIndex) % 12) + 1;
      let count = 0;
      for (let day = 1; day <= new Date(Date.UTC(year, month, 0)).getUTCDate(); day++)
        if (new Date(Date.UTC(year, month - 1, day)).getUTCDay() === 1) count++;
      return count;
    };
    const rows = rowsOf(shops, 1, (_, t) => 10 * mondays(t));
    const orderCycles = new Map(shops.map((id) => [id, { orderDay: 1, visitCycle: 'weekly' as const }]));
    const result = forecastChunk(chunk(rows, { holidays: 'none', orderCycles }));
    // November 2026 has 5 Mondays, December 2026 and January 2027 have 4
    expect(forecastOf(result, 1, 1).map((value) => Math.round(value))).toEqual([50, 40, 40]);
  });
});
