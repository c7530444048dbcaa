import { agreement, agreementOf, bias, coverage, mase, maseScale, owa, rmsse, smape, wape } from './metrics';

describe('metrics', () => {
  it('should compute sMAPE as in M4, counting 0/0 as 0', () => {
    // 200·|100−110|/210 = 9.5238…, 200·|50−40|/90 = 22.222…, 0/0 → 0
    expect(smape([100, 50, 0], [110, 40, 0])).toBeCloseTo((200 * 10) / 210 / 3 + (200 * 10) / 90 / 3, 10);
  });

  it('should scale MASE by the in-sample seasonal naive error', () => {
    const history = [1, 2, 3, 4, 2, 3, 4, 5]; // m = 4: |2−1|, |3−2|, |4−3|, |5−4| → scale 1
    expect(maseScale(history, 4)).toBe(1);
    expect(mase([6, 7], [5, 9], history, 4)).toBe(1.5);
    // a history not longer than m falls back to the lag-1 scale
    expect(maseScale([1, 3, 6], 12)).toBe(2.5);
  });

  it('should compute RMSSE, WAPE and bias on a hand example', () => {
    expect(rmsse([3, 5], [1, 5], [1, 2, 4])).toBeCloseTo(Math.sqrt(2 / 2.5), 12);
    expect(wape([10, 20, 30], [12, 18, 30])).toBeCloseTo(4 / 60, 12);
    expect(bias([10, 20, 30], [12, 18, 36])).toBeCloseTo(6 / 60, 12);
  });

  it('should define forecast agreement (吻合率) at the aggregate, clamped at 0', () => {
    expect(agreement(100, 96)).toBeCloseTo(0.96, 12);
    expect(agreement(100, 104)).toBeCloseTo(0.96, 12);
    expect(agreement(100, 250)).toBe(0);
    expect(agreement(0, 0)).toBe(1);
    expect(agreement(0, 5)).toBe(0);
    // errors of opposite sign cancel inside the aggregate
    expect(agreementOf([50, 50], [60, 40])).toBe(1);
  });

  it('should measure interval coverage and OWA', () => {
    expect(coverage([1, 5, 9, 3], [0, 0, 0, 4], [2, 6, 8, 5])).toBe(0.5);
    expect(owa(10, 1, 20, 2)).toBe(0.5);
  });
});
