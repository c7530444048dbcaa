import { createHash } from 'node:crypto';
import { BUSINESS_TYPES, DISTRICT_LEVELS, TRADE_AREAS, type RetailerRecord } from '@tms/domain';
import {
  apportion,
  ean13CheckDigit,
  generateWorld,
  TIER_PERCENTS,
  tierForRank,
  type DemoWorld,
} from './world';

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const worldHash = (w: DemoWorld): string =>
  hash([
    w.districts,
    w.manufacturers,
    w.brands,
    w.accountManagers,
    w.retailers,
    Array.from(w.model.portfolioBase),
  ]);

function share(retailers: readonly RetailerRecord[], predicate: (r: RetailerRecord) => boolean): number {
  return retailers.filter(predicate).length / retailers.length;
}

describe('generateWorld', () => {
  const small = generateWorld('small');
  const city = generateWorld('city');

  describe('determinism', () => {
    it('should give identical data for the same seed and scale', () => {
      expect(worldHash(generateWorld('small'))).toBe(worldHash(small));
    });

    it('should give different data for a different seed', () => {
      expect(worldHash(generateWorld('small', 7))).not.toBe(worldHash(small));
    });
  });

  describe('counts per scale', () => {
    it('should size the small world for tests', () => {
      expect(small.counts).toMatchObject({ retailers: 500, accountManagers: 5, brands: 30, months: 24 });
    });

    it('should size the town world for the quick start', () => {
      const town = generateWorld('town');
      expect(town.counts).toMatchObject({ retailers: 3000, accountManagers: 10, brands: 60, months: 36 });
    });

    it('should size the city world like a prefecture-level company', () => {
      expect(city.counts).toMatchObject({
        retailers: 30000,
        accountManagers: 40,
        brands: 120,
        manufacturers: 8,
      });
      expect(city.counts.months).toBe(36);
      expect(city.counts.counties).toBe(7);
      expect(city.counts.marketAreas).toBeGreaterThanOrEqual(25);
      expect(city.window).toMatchObject({ startMonth: '2023-11', endMonth: '2026-10' });
    });

    it('should end the history in the given month', () => {
      const w = generateWorld('small', 1, { endMonth: '2025-06', months: 12 });
      expect(w.window).toMatchObject({ startMonth: '2024-07', endMonth: '2025-06', months: 12 });
    });

    it('should reject an unknown scale', () => {
      expect(() => generateWorld('village' as never)).toThrow(RangeError);
    });
  });

  describe('districts', () => {
    it('should form one tree city → county → market area → route', () => {
      const byCode = new Map(city.districts.map((d) => [d.code, d]));
      expect(byCode.size).toBe(city.districts.length);
      const roots = city.districts.filter((d) => d.parentCode === null);
      expect(roots).toHaveLength(1);
      expect(roots[0].level).toBe('city');
      for (const d of city.districts) {
        if (d.parentCode === null) continue;
        const parent = byCode.get(d.parentCode);
        expect(parent).toBeDefined();
        expect(DISTRICT_LEVELS.indexOf(d.level)).toBe(DISTRICT_LEVELS.indexOf(parent!.level) + 1);
        if (d.level === 'route' || d.level === 'market_area') expect(d.marketType).not.toBeNull();
        if (d.level === 'route') expect(d.marketType).toBe(parent!.marketType);
        if (d.level === 'route') expect(d.code).toMatch(/^C\d{2}-M\d{2}-R\d{2}$/);
      }
    });

    it('should place every retailer on a route of its market type', () => {
      const byCode = new Map(city.districts.map((d) => [d.code, d]));
      const misplaced = city.retailers.filter((r) => {
        const d = byCode.get(r.districtCode);
        return d?.level !== 'route' || d.marketType !== r.marketType;
      });
      expect(misplaced).toEqual([]);
    });
  });

  describe('account managers', () => {
    it('should each cover a few hundred retailers on their own routes', () => {
      const routesOf = new Map(city.accountManagers.map((a) => [a.code, new Set(a.districtCodes)]));
      const load = new Map<string, number>();
      const outside = city.retailers.filter((r) => !routesOf.get(r.accountManagerCode!)?.has(r.districtCode));
      expect(outside).toEqual([]);
      for (const r of city.retailers)
        load.set(r.accountManagerCode!, (load.get(r.accountManagerCode!) ?? 0) + 1);
      expect(load.size).toBe(40);
      for (const n of load.values()) expect(n).toBeGreaterThan(400);
      for (const n of load.values()) expect(n).toBeLessThan(1100);
    });
  });

  describe('retailers', () => {
    const rs = city.retailers;

    it('should have unique 12-digit licence numbers', () => {
      expect(new Set(rs.map((r) => r.licenceNo)).size).toBe(rs.length);
      expect(rs.filter((r) => !/^\d{12}$/.test(r.licenceNo))).toEqual([]);
    });

    it('should have 11-digit mobile numbers starting 13, 15 or 18 and Chinese names', () => {
      const bad = rs.filter(
        (r) =>
          !/^1[358]\d{9}$/.test(r.phone) ||
          !/^[\u4e00-\u9fff]{2,4}$/.test(r.ownerName) ||
          !/[\u4e00-\u9fff]/.test(r.shopName) ||
          r.address.length <= 6,
      );
      expect(bad).toEqual([]);
    });

    it('should be about 74 % urban and 26 % rural', () => {
      expect(share(rs, (r) => r.marketType === 'urban')).toBeCloseTo(0.743, 2);
    });

    it('should have the seven business types in a realistic mix', () => {
      const shares = Object.fromEntries(
        BUSINESS_TYPES.map((t) => [t, share(rs, (r) => r.businessType === t)]),
      );
      expect(shares.grocery + shares.convenience).toBeGreaterThan(0.65);
      expect(shares.convenience).toBeLessThan(0.5);
      expect(shares.other).toBeLessThan(0.05);
      for (const t of BUSINESS_TYPES) expect(shares[t]).toBeGreaterThan(0);
      // Village shops are mostly groceries.
      const rural = rs.filter((r) => r.marketType === 'rural');
      expect(share(rural, (r) => r.businessType === 'grocery')).toBeGreaterThan(0.55);
    });

    it('should follow the trade-area mix of the reference city', () => {
      const s = (t: string): number => share(rs, (r) => r.tradeArea === t);
      expect(s('residential')).toBeCloseTo(0.556, 1);
      expect(s('market') + s('rural')).toBeCloseTo(0.385, 1);
      expect(s('school')).toBeLessThan(0.01);
      expect(rs.filter((r) => !TRADE_AREAS.includes(r.tradeArea))).toEqual([]);
    });

    it('should have more small shops in the countryside', () => {
      const smallShare = (m: string): number =>
        share(
          rs.filter((r) => r.marketType === m),
          (r) => r.scale === 3,
        );
      expect(smallShare('rural')).toBeGreaterThan(smallShare('urban') + 0.1);
    });

    it('should grade tiers by the fixed percentile scheme', () => {
      const counts = new Array(31).fill(0);
      for (const r of rs) counts[r.tier]++;
      expect(counts[0]).toBe(0);
      for (let t = 1; t <= 30; t++) expect(counts[t] / rs.length).toBeCloseTo(TIER_PERCENTS[t - 1] / 100, 3);
    });

    it('should give higher tiers to bigger latent sales', () => {
      const mean = (tier: number): number => {
        const idx = rs.flatMap((r, i) => (r.tier === tier ? [i] : []));
        return idx.reduce((a, i) => a + city.model.weeklyCartons[i], 0) / idx.length;
      };
      expect(mean(30)).toBeGreaterThan(mean(15));
      expect(mean(15)).toBeGreaterThan(mean(1));
    });

    it('should be mostly integrity grade A, with weekly Monday–Thursday orders', () => {
      expect(share(rs, (r) => r.integrityGrade === 'A')).toBeGreaterThan(0.85);
      expect(share(rs, (r) => r.visitCycle === 'weekly')).toBeCloseTo(0.924, 1);
      expect(share(rs, (r) => r.orderDay === 5)).toBeLessThan(0.08);
      expect(share(rs, (r) => r.orderDay === 1)).toBeCloseTo(0.27, 1);
    });

    it('should have mostly valid licences, some new shops and some personal details', () => {
      expect(share(rs, (r) => r.licenceStatus === 'valid')).toBeGreaterThan(0.9);
      expect(share(rs, (r) => r.licenceStatus === 'cancelled')).toBeGreaterThan(0.01);
      expect(share(rs, (r) => r.licenceStatus === 'cancelled' && r.status === 'active')).toBe(0);
      const opened = share(rs, (r) => r.openedOn !== null && r.openedOn >= '2023-11-01');
      expect(opened).toBeGreaterThan(0.04);
      expect(opened).toBeLessThan(0.15);
      expect(share(rs, (r) => r.birthday !== null)).toBeGreaterThan(0.3);
      expect(share(rs, (r) => r.preferences !== null)).toBeGreaterThan(0.1);
    });
  });

  describe('brands', () => {
    const bs = city.brands;

    it('should have unique EAN-13 codes and names', () => {
      expect(new Set(bs.map((b) => b.code)).size).toBe(bs.length);
      expect(new Set(bs.map((b) => b.name)).size).toBe(bs.length);
      for (const b of bs) expect(b.code).toMatch(/^69\d{11}$/);
      for (const b of bs) expect(Number(b.code[12])).toBe(ean13CheckDigit(b.code.slice(0, 12)));
    });

    it('should price classes 1–5 from about 70 to 900 yuan a carton, retail about 10 % above', () => {
      for (const b of bs) {
        expect(b.wholesalePrice).toBeGreaterThanOrEqual(65);
        expect(b.wholesalePrice).toBeLessThanOrEqual(900);
        expect(b.retailPrice / b.wholesalePrice).toBeGreaterThan(1.07);
        expect(b.retailPrice / b.wholesalePrice).toBeLessThan(1.13);
      }
      const byClass = (c: number): number[] =>
        bs.filter((b) => b.priceClass === c).map((b) => b.wholesalePrice);
      expect(Math.min(...byClass(1))).toBeGreaterThan(Math.max(...byClass(2)));
      expect(Math.min(...byClass(4))).toBeGreaterThan(Math.max(...byClass(5)));
    });

    it('should come from every manufacturer and include new, withdrawn, limited and scarce brands', () => {
      expect(new Set(bs.map((b) => b.manufacturerCode)).size).toBe(8);
      const withdrawn = bs.filter((b) => b.status === 'withdrawn');
      expect(withdrawn.length).toBeGreaterThan(2);
      for (const b of withdrawn)
        expect(b.withdrawnOn! > '2023-11-01' && b.withdrawnOn! < '2026-10-31').toBe(true);
      const launched = bs.filter((b) => b.launchedOn !== null && b.launchedOn > '2023-11-01');
      expect(launched.length).toBeGreaterThan(5);
      expect(bs.filter((b) => b.status === 'new').every((b) => b.launchedOn! > '2025-10-01')).toBe(true);
      expect(bs.some((b) => b.status === 'limited')).toBe(true);
      expect(bs.filter((b) => b.scarce).length).toBeGreaterThan(8);
      expect(bs.filter((b) => b.scarce && b.status === 'withdrawn')).toHaveLength(0);
    });

    it('should keep scarce brands out of grade-D shops', () => {
      const scarce = new Set(bs.flatMap((b, i) => (b.scarce ? [i] : [])));
      const m = city.model;
      city.retailers.forEach((r, i) => {
        if (r.integrityGrade !== 'D') return;
        for (let e = m.portfolioOffset[i]; e < m.portfolioOffset[i + 1]; e++) {
          expect(scarce.has(m.portfolioBrand[e])).toBe(false);
        }
      });
    });
  });
});

describe('tierForRank', () => {
  it('should put the lowest 1 % in tier 1 and the top 1 % in tier 30', () => {
    expect(tierForRank(0, 1000)).toBe(1);
    expect(tierForRank(9, 1000)).toBe(1);
    expect(tierForRank(10, 1000)).toBe(2);
    expect(tierForRank(999, 1000)).toBe(30);
    expect(tierForRank(989, 1000)).toBe(29);
  });
});

describe('apportion', () => {
  it('should split a total exactly by shares', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(500, [0.4, 0.3, 0.3]).reduce((a, b) => a + b)).toBe(500);
  });
});
