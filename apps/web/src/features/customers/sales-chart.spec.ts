import { buildSalesChart, type CustomerSales } from './sales-chart';

function brand(brandId: number, cartons: number[], amount = cartons.map((c) => c * 100.1)) {
  return {
    brandId,
    brandCode: `B${String(brandId).padStart(3, '0')}`,
    brandName: `Brand ${brandId}`,
    cartons,
    amount,
  };
}

function sales(brands: ReturnType<typeof brand>[]): CustomerSales {
  const months = ['2026-08', '2026-09', '2026-10'];
  return {
    months,
    totalCartons: months.map((_, i) => brands.reduce((acc, b) => acc + b.cartons[i], 0)),
    totalAmount: months.map((_, i) => brands.reduce((acc, b) => acc + b.amount[i], 0)),
    brands,
  };
}

describe(buildSalesChart.name, () => {
  it('should keep the top brands and sum the rest into "other"', () => {
    const data = buildSalesChart(
      sales([brand(1, [1, 0, 0]), brand(2, [5, 5, 5]), brand(3, [2, 2, 2]), brand(4, [0, 0, 3])]),
      'cartons',
      2,
    );
    expect(data.series.map((s) => s.key)).toEqual(['brand-2', 'brand-3', 'other']);
    expect(data.series[2]).toMatchObject({
      isOther: true,
      values: [1, 0, 3],
      sum: 4,
    });
    expect(data.total).toEqual([8, 7, 10]);
    expect(data.isEmpty).toBe(false);
  });

  it('should not add "other" when there are no more brands than the top', () => {
    const data = buildSalesChart(sales([brand(1, [1, 2, 3]), brand(2, [3, 2, 1])]), 'cartons', 8);
    expect(data.series.map((s) => s.key)).toEqual(['brand-1', 'brand-2']);
  });

  it('should rank by the chosen metric', () => {
    const cheap = brand(1, [10, 10, 10], [100, 100, 100]);
    const dear = brand(2, [1, 1, 1], [500, 500, 500]);
    expect(buildSalesChart(sales([cheap, dear]), 'cartons').series[0].key).toBe('brand-1');
    expect(buildSalesChart(sales([cheap, dear]), 'amount').series[0].key).toBe('brand-2');
  });

  it('should leave out brands with nothing sold and round amounts to the fen', () => {
    const data = buildSalesChart(
      sales([brand(1, [0, 0, 0]), brand(2, [1, 1, 1]), brand(3, [1, 0, 0]), brand(4, [0, 1, 0])]),
      'amount',
      1,
    );
    expect(data.series.map((s) => s.key)).toEqual(['brand-2', 'other']);
    expect(data.series[1].values).toEqual([100.1, 100.1, 0]);
  });

  it('should be empty when nothing was sold', () => {
    expect(buildSalesChart(sales([brand(1, [0, 0, 0])]), 'cartons').isEmpty).toBe(true);
    expect(
      buildSalesChart({ months: [], totalCartons: [], totalAmount: [], brands: [] }, 'cartons').isEmpty,
    ).toBe(true);
  });
});
