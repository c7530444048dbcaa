import { Categorical, hashString, Random } from './random';

describe('Random', () => {
  it('should repeat the same sequence for the same seed and stream', () => {
    const a = new Random(20261124, 'x');
    const b = new Random(20261124, 'x');
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('should give independent sequences for another seed or stream', () => {
    const first = (r: Random): number[] => Array.from({ length: 8 }, () => r.nextUint32());
    expect(first(new Random(1))).not.toEqual(first(new Random(2)));
    expect(first(new Random(1, 'a'))).not.toEqual(first(new Random(1, 'b')));
    expect(first(new Random(2 ** 40))).not.toEqual(first(new Random(0)));
  });

  it('should be uniform in [0, 1) with the right mean and a standard normal', () => {
    const r = new Random(5);
    let sum = 0;
    let min = 1;
    let max = 0;
    let normalSum = 0;
    let normalSq = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = r.normal();
      normalSum += z;
      normalSq += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(normalSum / n).toBeCloseTo(0, 1);
    expect(normalSq / n).toBeCloseTo(1, 1);
  });

  it('should draw integers in range and weighted categories in proportion', () => {
    const r = new Random(9);
    const c = new Categorical<string>([
      ['a', 3],
      ['b', 1],
    ]);
    let a = 0;
    for (let i = 0; i < 40_000; i++) {
      const k = r.range(3, 5);
      expect(k >= 3 && k <= 5).toBe(true);
      if (c.sample(r) === 'a') a++;
    }
    expect(a / 40_000).toBeCloseTo(0.75, 1);
    expect(c.probabilities()).toEqual([0.75, 0.25]);
  });

  it('should hash strings stably', () => {
    expect(hashString('demo')).toBe(hashString('demo'));
    expect(hashString('demo')).not.toBe(hashString('Demo'));
  });
});
