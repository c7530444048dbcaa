import type { Schemas } from '../../shared/api/client';

export type CustomerSales = Schemas['CustomerSalesDto'];
export type SalesMetric = 'cartons' | 'amount';

export interface SalesSeries {
  /** `brand-<id>` or `other`. */
  key: string;
  /** The brand's name; empty for the "other" series, which the UI labels in its language. */
  name: string;
  isOther: boolean;
  values: number[];
  sum: number;
}

export interface SalesChartData {
  months: string[];
  /** Stacked series, biggest first, "other" last. */
  series: SalesSeries[];
  total: number[];
  isEmpty: boolean;
}

export const TOP_BRANDS = 8;

const round2 = (value: number) => Math.round(value * 100) / 100;
const sum = (values: readonly number[]) => values.reduce((acc, value) => acc + value, 0);

/**
 * The chart of one retailer's monthly sales: the `topN` brands by the chosen metric over the whole window,
 * every other brand summed into one "other" series, and the month totals from the API as the line.
 */
export function buildSalesChart(
  sales: CustomerSales,
  metric: SalesMetric,
  topN = TOP_BRANDS,
): SalesChartData {
  const months = sales.months;
  const pick = (values: readonly number[]) => months.map((_, index) => values[index] ?? 0);
  const ranked = sales.brands
    .map((brand) => {
      const values = pick(metric === 'cartons' ? brand.cartons : brand.amount);
      return { brand, values, sum: sum(values) };
    })
    .filter((entry) => entry.sum > 0)
    .sort((a, b) => b.sum - a.sum || a.brand.brandCode.localeCompare(b.brand.brandCode));

  const top = ranked.slice(0, topN);
  const rest = ranked.slice(topN);
  const series: SalesSeries[] = top.map(({ brand, values, sum: total }) => ({
    key: `brand-${brand.brandId}`,
    name: brand.brandName,
    isOther: false,
    values,
    sum: metric === 'amount' ? round2(total) : total,
  }));
  if (rest.length > 0) {
    const values = months.map((_, index) => sum(rest.map((entry) => entry.values[index])));
    const rounded = metric === 'amount' ? values.map(round2) : values;
    series.push({
      key: 'other',
      name: '',
      isOther: true,
      values: rounded,
      sum: round2(sum(rounded)),
    });
  }
  const total = pick(metric === 'cartons' ? sales.totalCartons : sales.totalAmount);
  return {
    months,
    series,
    total,
    isEmpty: months.length === 0 || (series.length === 0 && sum(total) === 0),
  };
}
