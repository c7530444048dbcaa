import { IntervalCoverage } from './interval-coverage';

describe('IntervalCoverage', () => {
  it('should count the actuals inside each interval, bounds included', () => {
    const coverage = new IntervalCoverage();
    coverage.add(5, 4, 6, 3, 7); // inside both
    coverage.add(6, 4, 6, 3, 7); // on the 80 % bound: inside
    coverage.add(7, 4, 6, 3, 7); // outside 80 %, on the 95 % bound
    coverage.add(0, 1, 2, 0.5, 3); // below both
    expect(coverage.shares()).toEqual({ coverage80: 0.5, coverage95: 0.75, count: 4 });
  });

  it('should have no shares before anything is added', () => {
    expect(new IntervalCoverage().shares()).toBeNull();
  });
});
