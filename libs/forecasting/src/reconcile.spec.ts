import { brandDistrictKey, reconcile, type BottomForecast } from './reconcile';

const bottom: BottomForecast[] = [
  { retailer: 'r1', brand: 'A', district: 'd1', mean: [10, 20], lo95: [6, 12], hi95: [14, 28] },
  { retailer: 'r1', brand: 'B', district: 'd1', mean: [5, 5], lo95: [2, 2], hi95: [8, 8] },
  { retailer: 'r2', brand: 'A', district: 'd2', mean: [30, 0], lo95: [27, 0], hi95: [33, 0] },
];

describe('reconcile', () => {
  it('should add bottom forecasts up to every level (bottom-up)', () => {
    const r = reconcile(bottom);
    expect(Array.from(r.retailer.get('r1')?.mean ?? [])).toEqual([15, 25]);
    expect(Array.from(r.brand.get('A')?.mean ?? [])).toEqual([40, 20]);
    expect(Array.from(r.brandDistrict.get(brandDistrictKey('A', 'd2'))?.mean ?? [])).toEqual([30, 0]);
    expect(Array.from(r.total.mean)).toEqual([45, 25]);
    // independent errors: half-width of r1 at h = 1 is sqrt(4² + 3²) = 5
    expect(r.retailer.get('r1')?.hi95[0]).toBeCloseTo(20, 12);
    expect(r.retailer.get('r1')?.lo95[0]).toBeCloseTo(10, 12);
  });

  it('should scale bottom forecasts proportionally to brand totals (top-down) and stay coherent', () => {
    const r = reconcile(bottom, { method: 'top-down', brandTotals: new Map([['A', [80, 10]]]) });
    expect(Array.from(r.brand.get('A')?.mean ?? [])).toEqual([80, 10]);
    expect(Array.from(r.bottom[0].mean)).toEqual([20, 10]);
    expect(Array.from(r.bottom[2].mean)).toEqual([60, 0]);
    expect(Array.from(r.retailer.get('r1')?.mean ?? [])).toEqual([25, 15]);
    expect(Array.from(r.total.mean)).toEqual([85, 15]);
  });
});
