import { AccuracyAccumulator, scaledError, type ScoredCell } from './accuracy-accumulator';

const flat = (value: number, length = 24) => Float64Array.from({ length }, (_, i) => value + (i % 2));

function cell(
  retailerId: number,
  brandId: number,
  districtId: number,
  actual: number,
  forecast: number,
): ScoredCell {
  return { retailerId, brandId, districtId, history: flat(10), actual, forecast };
}

describe('AccuracyAccumulator', () => {
  it('should let errors of opposite sign cancel in aggregates but not in cells', () => {
    const accumulator = new AccuracyAccumulator();
    accumulator.add(cell(1, 1, 9, 10, 12));
    accumulator.add(cell(2, 1, 9, 10, 8));
    const byLevel = Object.fromEntries(
      accumulator
        .results()
        .filter((r) => r.key === '*')
        .map((r) => [r.level, r]),
    );
    expect(byLevel.retailer_brand.agreement).toBeCloseTo(0.8, 10);
    expect(byLevel.retailer_brand.wape).toBeCloseTo(0.2, 10);
    expect(byLevel.brand.agreement).toBe(1);
    expect(byLevel.company).toMatchObject({ units: 1, actual: 20, forecast: 20, agreement: 1, bias: 0 });
  });

  it('should weight units by volume and report bias as over-forecast share', () => {
    const accumulator = new AccuracyAccumulator();
    accumulator.add(cell(1, 1, 9, 100, 110)); // agreement 0.9
    accumulator.add(cell(2, 2, 9, 10, 0)); // agreement 0
    const retailer = accumulator.results().find((r) => r.level === 'retailer')!;
    expect(retailer.agreement).toBeCloseTo((100 * 0.9 + 10 * 0) / 110, 10);
    expect(retailer.bias).toBeCloseTo((110 - 110) / 110, 10);
    const brands = accumulator.results().filter((r) => r.level === 'brand' && r.key !== '*');
    expect(brands.map((r) => r.key).sort()).toEqual(['1', '2']);
  });
});

describe('scaledError', () => {
  it('should scale by the in-sample seasonal naive error of a regular series', () => {
    const history = Float64Array.from({ length: 24 }, (_, i) => 10 + (i < 12 ? 0 : 2));
    expect(scaledError({ history, actual: 14, forecast: 12 })).toBeCloseTo(1, 10);
  });

  it('should use RMSSE for an intermittent series and refuse an unscalable one', () => {
    const intermittent = Float64Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? 3 : 0));
    expect(scaledError({ history: intermittent, actual: 3, forecast: 1 })).toBeGreaterThan(0);
    expect(scaledError({ history: new Float64Array(24), actual: 1, forecast: 0 })).toBeNull();
  });
});
