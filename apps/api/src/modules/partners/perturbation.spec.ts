import { Random } from '@tms/demo-data';
import {
  cellKey,
  COUNT_NOISE,
  COUNT_NOISE_BOUND,
  hash32,
  KEY_SPACE,
  MAGNITUDE,
  magnitudeBound,
  magnitudeFactor,
  monthIndex,
  perturbCell,
  perturbCount,
  recordKey,
  type CellFigures,
} from './perturbation';

/**
 * Property tests: each property is checked on a few thousand cases drawn from a seeded generator (fast-check
 * is not in the dependency tree; a fixed seed keeps a failure reproducible).
 */
const CASES = 3000;

interface Member {
  key: number;
  cartons: number;
  price: number;
}

function randomMembers(random: Random, size: number): Member[] {
  return Array.from({ length: size }, () => ({
    key: random.nextUint32(),
    cartons: random.range(0, 3) === 0 ? random.range(20, 200) : random.range(1, 12),
    price: [66, 150, 233.6, 400, 900][random.int(5)],
  }));
}

function figures(members: Member[], month = '2026-09'): CellFigures {
  return {
    retailers: members.length,
    countKey: cellKey(members.map((member) => member.key)),
    recordKey: cellKey(members.map((member) => recordKey(member.key, month))),
    cartons: members.reduce((sum, member) => sum + member.cartons, 0),
    amount: Math.round(members.reduce((sum, member) => sum + member.cartons * member.price, 0) * 100) / 100,
    topCartons: Math.max(...members.map((member) => member.cartons)),
    topAmount: Math.max(...members.map((member) => member.cartons * member.price)),
  };
}

describe('cell-key perturbation', () => {
  it('should hash 32-bit integers into 32-bit integers without collisions on a sample', () => {
    const random = new Random(1, 'hash');
    const seen = new Set<number>();
    for (let i = 0; i < CASES; i++) {
      const value = hash32(random.nextUint32());
      expect(Number.isInteger(value) && value >= 0 && value < KEY_SPACE).toBe(true);
      seen.add(value);
    }
    expect(seen.size).toBe(CASES);
    expect([hash32(0), hash32(1), hash32(KEY_SPACE - 1)]).toEqual([0, 824515495, 539527247]);
  });

  it('should give a cell the sum of its members keys, whatever their order, additive over disjoint parts', () => {
    const random = new Random(2, 'keys');
    for (let i = 0; i < CASES; i++) {
      const keys = Array.from({ length: random.range(1, 40) }, () => random.nextUint32());
      const cut = random.int(keys.length);
      const shuffled = [...keys].sort(() => random.next() - 0.5);
      expect(cellKey(shuffled)).toBe(cellKey(keys));
      expect(cellKey(keys)).toBe((cellKey(keys.slice(0, cut)) + cellKey(keys.slice(cut))) % KEY_SPACE);
    }
  });

  it('should key one retailer differently in every month', () => {
    const random = new Random(3, 'months');
    expect(monthIndex('2026-09')).toBe(2026 * 12 + 8);
    for (let i = 0; i < 200; i++) {
      const key = random.nextUint32();
      const months = Array.from(
        { length: 36 },
        (_, m) => `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
      );
      expect(new Set(months.map((month) => recordKey(key, month))).size).toBe(36);
    }
  });

  it('should return the same figures for the same cell every time', () => {
    const random = new Random(4, 'same');
    for (let i = 0; i < CASES; i++) {
      const cell = figures(randomMembers(random, random.range(5, 60)));
      expect(perturbCell({ ...cell }, 5)).toEqual(perturbCell(cell, 5));
    }
  });

  it('should keep every figure within its bound, counts at or above the minimum, magnitudes at or above zero', () => {
    const random = new Random(5, 'bounds');
    for (let i = 0; i < CASES; i++) {
      const minimum = random.range(3, 10);
      const cell = figures(randomMembers(random, random.range(minimum, minimum + 80)));
      const published = perturbCell(cell, minimum);
      expect(Math.abs(published.orderingRetailers - cell.retailers)).toBeLessThanOrEqual(COUNT_NOISE_BOUND);
      expect(published.orderingRetailers).toBeGreaterThanOrEqual(minimum);
      const cartonsBound = magnitudeBound(cell.topCartons, MAGNITUDE.floorCartons);
      const cartonsNoise = Math.abs(published.cartons - cell.cartons);
      expect(cartonsNoise).toBeLessThanOrEqual(cartonsBound + 0.005);
      // Never exact: at least minShare of the bound, unless the value was clamped at zero.
      if (published.cartons > 0) {
        expect(cartonsNoise).toBeGreaterThanOrEqual(MAGNITUDE.minShare * cartonsBound - 0.005);
      }
      const price = cell.amount / cell.cartons;
      expect(Math.abs(published.amount - cell.amount)).toBeLessThanOrEqual(
        magnitudeBound(cell.topAmount, price) + 0.005,
      );
      expect(published.cartons).toBeGreaterThanOrEqual(0);
      expect(published.amount).toBeGreaterThanOrEqual(0);
    }
  });

  it('should draw count noise from the table, unbiased away from the minimum', () => {
    const random = new Random(6, 'table');
    const counts = new Map<number, number>();
    const draws = 40_000;
    for (let i = 0; i < draws; i++) {
      const noise = perturbCount(50, random.nextUint32(), 5) - 50;
      counts.set(noise, (counts.get(noise) ?? 0) + 1);
    }
    let mean = 0;
    for (const [noise, probability] of COUNT_NOISE) {
      const share = (counts.get(noise) ?? 0) / draws;
      expect(Math.abs(share - probability)).toBeLessThan(0.01);
      mean += noise * share;
    }
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(COUNT_NOISE.reduce((sum, [, probability]) => sum + probability, 0)).toBeCloseTo(1, 10);
  });

  it('should perturb magnitudes without bias', () => {
    const random = new Random(7, 'bias');
    let cartons = 0;
    let amount = 0;
    for (let i = 0; i < 40_000; i++) {
      const key = random.nextUint32();
      cartons += magnitudeFactor(key, 'cartons');
      amount += magnitudeFactor(key, 'amount');
    }
    expect(Math.abs(cartons / 40_000)).toBeLessThan(0.01);
    expect(Math.abs(amount / 40_000)).toBeLessThan(0.01);
  });

  it('should not let the difference of two overlapping cells reveal the retailer between them', () => {
    // B = A plus one retailer x: B − A would be x's figures exactly without noise.
    const random = new Random(8, 'difference');
    let exactCartons = 0;
    let exactCounts = 0;
    let exactBoth = 0;
    const relativeErrors: number[] = [];
    for (let i = 0; i < CASES; i++) {
      const a = randomMembers(random, random.range(5, 40));
      const [x] = randomMembers(random, 1);
      const cellA = figures(a);
      const cellB = figures([...a, x]);
      const [published, publishedB] = [perturbCell(cellA, 5), perturbCell(cellB, 5)];
      const cartons = publishedB.cartons - published.cartons;
      const amount = publishedB.amount - published.amount;
      const count = publishedB.orderingRetailers - published.orderingRetailers;
      if (Math.abs(cartons - x.cartons) < 0.005) exactCartons++;
      if (count === 1) exactCounts++;
      if (Math.abs(cartons - x.cartons) < 0.005 && Math.abs(amount - x.cartons * x.price) < 0.005)
        exactBoth++;
      relativeErrors.push(Math.abs(cartons - x.cartons) / x.cartons);
    }
    relativeErrors.sort((p, q) => p - q);
    expect(exactBoth).toBe(0);
    expect(exactCartons / CASES).toBeLessThan(0.01);
    // The count of one retailer comes out right only as often as two draws of the table agree.
    const agree = COUNT_NOISE.reduce((sum, [, probability]) => sum + probability * probability, 0);
    expect(exactCounts / CASES).toBeLessThan(agree + 0.05);
    // Half the differences miss the retailer's cartons by more than 20 % of them.
    expect(relativeErrors[Math.floor(CASES / 2)]).toBeGreaterThan(0.2);
  });

  it('should give the same count to the same retailers, whatever the months, and other magnitudes', () => {
    const random = new Random(9, 'months-count');
    for (let i = 0; i < 500; i++) {
      const members = randomMembers(random, random.range(5, 30));
      const september = figures(members, '2026-09');
      const october = figures(members, '2026-10');
      expect(september.countKey).toBe(october.countKey);
      expect(perturbCell(september, 5).orderingRetailers).toBe(perturbCell(october, 5).orderingRetailers);
      expect(september.recordKey).not.toBe(october.recordKey);
    }
  });
});
