import type { MonthlySalesRow } from './customers.repository';
import type { CustomerSalesDto } from './dto/customer.dto';

/** The `count` months ending with `lastMonth` (`YYYY-MM`), oldest first. */
export function monthsBack(lastMonth: string, count: number): string[] {
  const [year, month] = lastMonth.split('-').map(Number);
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const date = new Date(Date.UTC(year, month - 1 - i, 1));
    months.push(`${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

/** Lays sparse monthly rows onto a fixed month axis: zeros where a brand had no sale that month. */
export function buildSalesSeries(months: string[], rows: MonthlySalesRow[]): CustomerSalesDto {
  const index = new Map(months.map((month, i) => [month, i]));
  const totalCartons = new Array<number>(months.length).fill(0);
  const totalAmount = new Array<number>(months.length).fill(0);
  const brands = new Map<number, CustomerSalesDto['brands'][number]>();
  for (const row of rows) {
    const i = index.get(row.month);
    if (i === undefined) continue;
    let series = brands.get(row.brandId);
    if (!series) {
      series = {
        brandId: row.brandId,
        brandCode: row.brandCode,
        brandName: row.brandName,
        cartons: new Array<number>(months.length).fill(0),
        amount: new Array<number>(months.length).fill(0),
      };
      brands.set(row.brandId, series);
    }
    series.cartons[i] += row.cartons;
    series.amount[i] = Math.round((series.amount[i] + row.amount) * 100) / 100;
    totalCartons[i] += row.cartons;
    totalAmount[i] = Math.round((totalAmount[i] + row.amount) * 100) / 100;
  }
  const ordered = [...brands.values()].sort(
    (a, b) => b.cartons.reduce((s, v) => s + v, 0) - a.cartons.reduce((s, v) => s + v, 0),
  );
  return { months, totalCartons, totalAmount, brands: ordered };
}
