import { createHash } from 'node:crypto';
import { ORDER_LINE_CSV_COLUMNS } from '@tms/domain';
import { dayOf, isoDate, isoWeekNumber, isoWeekday } from './dates';
import { orderLinesCsvBuffers, orderLinesCsvChunks } from './order-lines-csv';
import {
  estimateOrderLines,
  generateOrderLines,
  orderLineBatches,
  type OrderLineOptions,
} from './order-lines';
import { generateWorld, type DemoWorld } from './world';

function csvHash(world: DemoWorld, options: OrderLineOptions = {}): string {
  const h = createHash('sha256');
  for (const chunk of orderLinesCsvChunks(world, options)) h.update(chunk);
  return h.digest('hex');
}

interface Lines {
  n: number;
  retailer: Int32Array;
  brand: Int32Array;
  day: Int32Array;
  cartons: Int32Array;
}

function collect(world: DemoWorld): Lines {
  const parts = [...orderLineBatches(world)];
  const n = parts.reduce((a, b) => a + b.length, 0);
  const out: Lines = {
    n,
    retailer: new Int32Array(n),
    brand: new Int32Array(n),
    day: new Int32Array(n),
    cartons: new Int32Array(n),
  };
  let at = 0;
  for (const p of parts) {
    out.retailer.set(p.retailer.subarray(0, p.length), at);
    out.brand.set(p.brand.subarray(0, p.length), at);
    out.day.set(p.day.subarray(0, p.length), at);
    out.cartons.set(p.cartons.subarray(0, p.length), at);
    at += p.length;
  }
  return out;
}

describe('order lines', () => {
  const world = generateWorld('small');
  const lines = collect(world);
  const { startDay, endDay } = world.window;

  function monthlyCartons(): Map<string, number> {
    const months = new Map<string, number>();
    for (let i = 0; i < lines.n; i++) {
      const month = isoDate(lines.day[i]).slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + lines.cartons[i]);
    }
    return months;
  }

  describe('determinism', () => {
    const reference = csvHash(world);

    it('should give byte-identical CSV for the same seed', () => {
      expect(csvHash(generateWorld('small'))).toBe(reference);
    });

    it('should give different CSV for a different seed', () => {
      expect(csvHash(generateWorld('small', 42))).not.toBe(reference);
    });

    it('should not depend on the batch size', () => {
      expect(csvHash(world, { batchSize: 777 })).toBe(reference);
    });

    it('should give the same bytes through the Buffer and the text paths', () => {
      const h = createHash('sha256');
      for (const chunk of orderLinesCsvBuffers(world)) h.update(chunk);
      expect(h.digest('hex')).toBe(reference);
    });
  });

  describe('volume', () => {
    it('should give a few hundred thousand lines for the small world', () => {
      expect(lines.n).toBeGreaterThan(150_000);
      expect(lines.n).toBeLessThan(500_000);
    });

    it('should report the number of lines as the generator result', () => {
      const chunks = orderLinesCsvChunks(world, { months: 2 });
      let step = chunks.next();
      let text = '';
      while (!step.done) {
        text += step.value;
        step = chunks.next();
      }
      expect(step.value).toBe(text.split('\n').length - 2);
    });

    it('should estimate tens of millions of lines for the city', () => {
      const city = generateWorld('city');
      const estimate = estimateOrderLines(city, 60);
      expect(estimate).toBeGreaterThan(18_000_000);
      expect(estimate).toBeLessThan(40_000_000);
    });

    it('should keep cartons small integers, larger for big shops', () => {
      let big = 0;
      let bigN = 0;
      let small = 0;
      let smallN = 0;
      let bad = 0;
      for (let i = 0; i < lines.n; i++) {
        const k = lines.cartons[i];
        if (k < 1) bad++;
        const scale = world.retailers[lines.retailer[i]].scale;
        if (scale === 1) [big, bigN] = [big + k, bigN + 1];
        if (scale === 3) [small, smallN] = [small + k, smallN + 1];
      }
      expect(bad).toBe(0);
      expect(small / smallN).toBeLessThan(3);
      expect(big / bigN).toBeGreaterThan(small / smallN);
    });
  });

  describe('Spring Festival', () => {
    const months = monthlyCartons();
    const peakOf = (year: number): string =>
      [...months.entries()].filter(([m]) => m.startsWith(`${year}-`)).sort((a, b) => b[1] - a[1])[0][0];

    it('should peak in January when the New Year is early (29 Jan 2025)', () => {
      expect(peakOf(2025)).toBe('2025-01');
      expect(months.get('2025-01')! / months.get('2025-04')!).toBeGreaterThan(1.3);
    });

    it('should peak in February when the New Year is late (17 Feb 2026)', () => {
      expect(peakOf(2026)).toBe('2026-02');
    });

    it('should dip right after the festival', () => {
      const week = (from: string): number => {
        const a = dayOf(from);
        let total = 0;
        for (let i = 0; i < lines.n; i++)
          if (lines.day[i] >= a && lines.day[i] < a + 7) total += lines.cartons[i];
        return total;
      };
      expect(week('2025-01-29')).toBeLessThan(week('2025-01-13') * 0.3);
    });
  });

  describe('consistency with the register', () => {
    it('should order only on the retailer order day and within the history', () => {
      const bad: number[] = [];
      for (let i = 0; i < lines.n; i++) {
        const d = lines.day[i];
        if (d < startDay || d > endDay || isoWeekday(d) !== world.retailers[lines.retailer[i]].orderDay)
          bad.push(i);
      }
      expect(bad).toEqual([]);
    });

    it('should order fortnightly retailers every other ISO week', () => {
      const bad: number[] = [];
      for (let i = 0; i < lines.n; i++) {
        const cycle = world.retailers[lines.retailer[i]].visitCycle;
        const odd = isoWeekNumber(lines.day[i]) % 2 === 1;
        if ((cycle === 'fortnightly_odd' && !odd) || (cycle === 'fortnightly_even' && odd)) bad.push(i);
      }
      expect(bad).toEqual([]);
    });

    it('should have no order before a shop opened or after its licence ended', () => {
      const bad: number[] = [];
      const seen = new Set<number>();
      for (let i = 0; i < lines.n; i++) {
        const r = world.retailers[lines.retailer[i]];
        if (r.openedOn !== null && lines.day[i] < dayOf(r.openedOn)) bad.push(i);
        if (lines.day[i] >= world.model.closeDay[lines.retailer[i]]) bad.push(i);
        seen.add(lines.retailer[i]);
      }
      expect(bad).toEqual([]);
      const newShops = world.retailers.flatMap((r, i) =>
        r.openedOn && r.openedOn > world.window.startMonth ? [i] : [],
      );
      expect(newShops.length).toBeGreaterThan(10);
      expect(newShops.filter((i) => seen.has(i)).length).toBeGreaterThan(newShops.length * 0.8);
      const cancelled = world.retailers.flatMap((r, i) => (r.licenceStatus === 'cancelled' ? [i] : []));
      expect(cancelled.length).toBeGreaterThan(5);
      expect(cancelled.filter((i) => seen.has(i)).length).toBeGreaterThan(cancelled.length * 0.5);
    });

    it('should have no order for a withdrawn brand on or after withdrawal, or before a launch', () => {
      const withdrawn = world.brands.flatMap((b, i) => (b.withdrawnOn ? [[i, dayOf(b.withdrawnOn)]] : []));
      const launched = world.brands.flatMap((b, i) =>
        b.launchedOn && dayOf(b.launchedOn) > startDay ? [[i, dayOf(b.launchedOn)]] : [],
      );
      expect(withdrawn.length).toBeGreaterThan(0);
      expect(launched.length).toBeGreaterThan(0);
      const before = new Map<number, number>();
      const after = new Map<number, number>();
      const bad: number[] = [];
      for (let i = 0; i < lines.n; i++) {
        for (const [b, day] of withdrawn) {
          if (lines.brand[i] !== b) continue;
          if (lines.day[i] >= day) bad.push(i);
          else before.set(b, (before.get(b) ?? 0) + 1);
        }
        for (const [b, day] of launched) {
          if (lines.brand[i] !== b) continue;
          if (lines.day[i] < day) bad.push(i);
          else after.set(b, (after.get(b) ?? 0) + 1);
        }
      }
      expect(bad).toEqual([]);
      // They did sell while on the market.
      expect(before.size).toBe(withdrawn.length);
      expect(after.size).toBe(launched.length);
    });

    it('should cap scarce brands by tier', () => {
      const bad: number[] = [];
      let scarceLines = 0;
      for (let i = 0; i < lines.n; i++) {
        if (!world.brands[lines.brand[i]].scarce) continue;
        scarceLines++;
        const tier = world.retailers[lines.retailer[i]].tier;
        if (lines.cartons[i] > 1 + Math.floor((tier - 1) / 6)) bad.push(i);
      }
      expect(scarceLines).toBeGreaterThan(1000);
      expect(bad).toEqual([]);
    });

    it('should have at most one line per retailer, brand and day', () => {
      const keys = new Set<string>();
      for (let i = 0; i < lines.n; i++) keys.add(`${lines.retailer[i]}/${lines.brand[i]}/${lines.day[i]}`);
      expect(keys.size).toBe(lines.n);
    });

    it('should have small rural shops order sparsely', () => {
      const weeksOrdered = new Map<number, Set<number>>();
      for (let i = 0; i < lines.n; i++) {
        const set = weeksOrdered.get(lines.retailer[i]) ?? new Set<number>();
        set.add(lines.day[i]);
        weeksOrdered.set(lines.retailer[i], set);
      }
      const rate = (pick: (i: number) => boolean): number => {
        const idx = world.retailers.flatMap((r, i) =>
          pick(i) &&
          r.visitCycle === 'weekly' &&
          r.licenceStatus === 'valid' &&
          !r.openedOn?.startsWith('202')
            ? [i]
            : [],
        );
        return idx.reduce((a, i) => a + (weeksOrdered.get(i)?.size ?? 0), 0) / idx.length;
      };
      const smallRural = rate(
        (i) => world.retailers[i].scale === 3 && world.retailers[i].marketType === 'rural',
      );
      const largeUrban = rate((i) => world.retailers[i].scale === 1);
      expect(smallRural).toBeLessThan(largeUrban * 0.85);
    });
  });

  describe('generateOrderLines', () => {
    it('should give records whose amount is cartons × wholesale price, as in the CSV', () => {
      const first = generateOrderLines(world, { batchSize: 500 }).next().value!;
      expect(first).toHaveLength(500);
      const price = new Map(world.brands.map((b) => [b.code, b.wholesalePrice]));
      for (const line of first) {
        expect(line.amount).toBeCloseTo(line.cartons * price.get(line.brandCode)!, 2);
        expect(line.orderDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const csv = orderLinesCsvChunks(world, { batchSize: 500 });
      expect(csv.next().value).toBe(`${ORDER_LINE_CSV_COLUMNS.join(',')}\n`);
      const rows = (csv.next().value as string).trimEnd().split('\n');
      rows.forEach((row, i) => {
        const l = first[i];
        expect(row).toBe(`${l.licenceNo},${l.brandCode},${l.orderDate},${l.cartons},${l.amount.toFixed(2)}`);
      });
    });
  });
});
