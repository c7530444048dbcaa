import { buildSalesSeries, monthsBack } from './sales-series';

describe('monthsBack', () => {
  it('should list the months ending with the given one, across a year boundary', () => {
    expect(monthsBack('2025-02', 4)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});

describe('buildSalesSeries', () => {
  it('should put zeros where a brand did not sell and order brands by volume', () => {
    const series = buildSalesSeries(
      ['2025-01', '2025-02', '2025-03'],
      [
        { month: '2025-01', brandId: 1, brandCode: 'A', brandName: 'a', cartons: 2, amount: 200.1 },
        { month: '2025-03', brandId: 1, brandCode: 'A', brandName: 'a', cartons: 1, amount: 100.05 },
        { month: '2025-02', brandId: 2, brandCode: 'B', brandName: 'b', cartons: 5, amount: 50 },
        { month: '2024-12', brandId: 2, brandCode: 'B', brandName: 'b', cartons: 9, amount: 90 },
      ],
    );
    expect(series.totalCartons).toEqual([2, 5, 1]);
    expect(series.totalAmount).toEqual([200.1, 50, 100.05]);
    expect(series.brands.map((b) => b.brandCode)).toEqual(['B', 'A']);
    expect(series.brands[1].cartons).toEqual([2, 0, 1]);
  });
});
