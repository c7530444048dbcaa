import { agreement, isIntermittent, maseScale } from '@tms/forecasting';

export const LEVELS = ['retailer_brand', 'retailer', 'brand_district', 'brand', 'company'] as const;
export type Level = (typeof LEVELS)[number];

/** One retailer × brand cell for the scored month: its history, the actual and the forecast. */
export interface ScoredCell {
  retailerId: number;
  brandId: number;
  /** The county the retailer belongs to (the district level of brand × district). */
  districtId: number;
  /** Monthly history before the scored month, oldest first. */
  history: Float64Array;
  actual: number;
  forecast: number;
}

export interface LevelScore {
  level: Level;
  /** `*` for the whole level; a brand id for the per-brand rows of the brand level. */
  key: string;
  units: number;
  actual: number;
  forecast: number;
  /** Volume-weighted 吻合率 of the level's units: Σ A_u · agreement_u / Σ A_u (see docs). */
  agreement: number;
  wape: number;
  bias: number;
  /** Mean over units of MASE (regular) or RMSSE (intermittent) for the one scored month; null if none scalable. */
  scaledError: number | null;
}

interface Unit {
  history: Float64Array;
  actual: number;
  forecast: number;
}

class LevelTotals {
  units = 0;
  actual = 0;
  forecast = 0;
  absError = 0;
  weightedAgreement = 0;
  scaledSum = 0;
  scaledCount = 0;

  add(unit: Unit): void {
    this.units++;
    this.actual += unit.actual;
    this.forecast += unit.forecast;
    this.absError += Math.abs(unit.actual - unit.forecast);
    this.weightedAgreement += unit.actual * agreement(unit.actual, unit.forecast);
    const scaled = scaledError(unit);
    if (scaled !== null) {
      this.scaledSum += scaled;
      this.scaledCount++;
    }
  }

  result(level: Level, key: string): LevelScore {
    return {
      level,
      key,
      units: this.units,
      actual: this.actual,
      forecast: this.forecast,
      agreement: this.actual > 0 ? this.weightedAgreement / this.actual : this.forecast === 0 ? 1 : 0,
      wape: this.actual > 0 ? this.absError / this.actual : 0,
      bias: this.actual > 0 ? (this.forecast - this.actual) / this.actual : 0,
      scaledError: this.scaledCount ? this.scaledSum / this.scaledCount : null,
    };
  }
}

/** MASE for regular series, RMSSE for intermittent ones (M5), for one forecast month. */
export function scaledError(unit: Unit): number | null {
  const error = Math.abs(unit.actual - unit.forecast);
  if (isIntermittent(unit.history)) {
    let sum = 0;
    for (let t = 1; t < unit.history.length; t++) sum += (unit.history[t] - unit.history[t - 1]) ** 2;
    const scale = sum / Math.max(1, unit.history.length - 1);
    return scale > 0 ? error / Math.sqrt(scale) : null;
  }
  const scale = maseScale(unit.history, 12);
  return scale > 0 ? error / scale : null;
}

function addTo(map: Map<string, Unit>, key: string, cell: ScoredCell): void {
  let unit = map.get(key);
  if (!unit)
    map.set(key, (unit = { history: new Float64Array(cell.history.length), actual: 0, forecast: 0 }));
  for (let t = 0; t < cell.history.length; t++) unit.history[t] += cell.history[t];
  unit.actual += cell.actual;
  unit.forecast += cell.forecast;
}

/**
 * Scores one month's forecasts at every level. Cells arrive in slices (memory stays bounded at the
 * retailer × brand level); aggregate units are summed first and scored when the month is complete.
 */
export class AccuracyAccumulator {
  private readonly cells = new LevelTotals();
  private readonly retailers = new Map<string, Unit>();
  private readonly brandDistricts = new Map<string, Unit>();
  private readonly brands = new Map<string, Unit>();
  private readonly company = new Map<string, Unit>();

  add(cell: ScoredCell): void {
    this.cells.add(cell);
    addTo(this.retailers, String(cell.retailerId), cell);
    addTo(this.brandDistricts, `${cell.brandId}:${cell.districtId}`, cell);
    addTo(this.brands, String(cell.brandId), cell);
    addTo(this.company, '*', cell);
  }

  results(): LevelScore[] {
    const whole = (level: Level, units: Map<string, Unit>) => {
      const totals = new LevelTotals();
      for (const unit of units.values()) totals.add(unit);
      return totals.result(level, '*');
    };
    const perBrand = [...this.brands].map(([key, unit]) => {
      const totals = new LevelTotals();
      totals.add(unit);
      return totals.result('brand', key);
    });
    return [
      this.cells.result('retailer_brand', '*'),
      whole('retailer', this.retailers),
      whole('brand_district', this.brandDistricts),
      whole('brand', this.brands),
      ...perBrand,
      whole('company', this.company),
    ];
  }
}
