import { adida, croston, imapa, sba, tsb } from './intermittent';

const ctx = { m: 12, H: 3, wantBack: false };

describe('intermittent demand methods', () => {
  const y = Float64Array.from([0, 4, 0, 0, 2, 0]);

  it('should compute Croston by hand', () => {
    // first demand 4 at position 2 → z = 4, p = 2; next demand 2 after 3 periods:
    // z = 4 + 0.1·(2 − 4) = 3.8, p = 2 + 0.1·(3 − 2) = 2.1 → 3.8 / 2.1
    expect(croston(y, ctx).mean[0]).toBeCloseTo(3.8 / 2.1, 12);
    expect(Array.from(croston(y, ctx).mean)).toEqual(new Array(3).fill(croston(y, ctx).mean[0]));
  });

  it('should apply the SBA bias correction (1 − α/2)', () => {
    expect(sba(y, ctx).mean[0]).toBeCloseTo((0.95 * 3.8) / 2.1, 12);
  });

  it('should compute TSB by hand', () => {
    // π0 = 2/6, z0 = 4 (first demand); α = β = 0.1
    let pi = 2 / 6;
    let z = 4;
    for (const v of y) {
      if (v > 0) {
        pi += 0.1 * (1 - pi);
        z += 0.1 * (v - z);
      } else pi *= 0.9;
    }
    expect(tsb(y, ctx).mean[0]).toBeCloseTo(pi * z, 12);
  });

  it('should decay TSB towards zero after demand stops, unlike Croston', () => {
    const dead = Float64Array.from([3, 0, 3, 0, 3, ...new Array(20).fill(0)]);
    expect(tsb(dead, ctx).mean[0]).toBeLessThan(0.2);
    expect(croston(dead, ctx).mean[0]).toBeGreaterThan(1);
  });

  it('should forecast the demand rate with ADIDA and IMAPA on a regular pattern', () => {
    const regular = Float64Array.from({ length: 24 }, (_, t) => (t % 2 === 1 ? 6 : 0));
    expect(adida(regular, ctx).mean[0]).toBeCloseTo(3, 6);
    expect(imapa(regular, ctx).mean[0]).toBeGreaterThan(2);
    expect(imapa(regular, ctx).mean[0]).toBeLessThan(4);
  });
});
