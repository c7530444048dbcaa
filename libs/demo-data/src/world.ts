import type {
  AccountManagerRecord,
  BrandRecord,
  BusinessType,
  DistrictRecord,
  LicenceStatus,
  ManufacturerRecord,
  MarketType,
  OrderDay,
  PackType,
  PriceClass,
  RetailerRecord,
  Scale,
  TerminalStatus,
  TradeArea,
  VisitCycle,
} from '@tms/domain';
import { dayOf, historyWindow, isoDate, type HistoryWindow } from './dates';
import {
  BRAND_SERIES,
  CITY_NAME,
  COUNTY_NAMES,
  MANUFACTURER_NAMES,
  PREFERENCES,
  TOWN_NAMES,
  URBAN_AREA_WORDS,
  mobilePhone,
  personName,
  ruralAddress,
  shopName,
  urbanAddress,
} from './names';
import { Categorical, Random } from './random';

export const DEMO_SCALES = ['small', 'town', 'city'] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

export const DEFAULT_SEED = 20261124;
/** Last month of the history (inclusive) unless told otherwise: the month before the product's "today". */
export const DEFAULT_END_MONTH = '2026-10';

export interface ScaleConfig {
  retailers: number;
  accountManagers: number;
  brands: number;
  manufacturers: number;
  months: number;
  /** Share of retailers per county; the first is the city district (all urban). */
  countyShares: readonly number[];
  /** Target retailers per market area (市场部) and per route (线路). */
  marketAreaSize: number;
  routeSize: number;
}

export const SCALE_CONFIGS: Readonly<Record<DemoScale, ScaleConfig>> = {
  small: {
    retailers: 500,
    accountManagers: 5,
    brands: 30,
    manufacturers: 4,
    months: 24,
    countyShares: [0.4, 0.3, 0.3],
    marketAreaSize: 120,
    routeSize: 40,
  },
  town: {
    retailers: 3000,
    accountManagers: 10,
    brands: 60,
    manufacturers: 6,
    months: 36,
    countyShares: [0.34, 0.23, 0.22, 0.21],
    marketAreaSize: 380,
    routeSize: 90,
  },
  city: {
    retailers: 30000,
    accountManagers: 40,
    brands: 120,
    manufacturers: 8,
    months: 36,
    countyShares: [0.28, 0.15, 0.13, 0.12, 0.11, 0.11, 0.1],
    marketAreaSize: 830,
    routeSize: 105,
  },
};

/** Market share of rural retailers in the reference city (农网 25.7 %). */
export const RURAL_SHARE = 0.257;

/** Business-type mix per market type. Grocery and convenience dominate, "other" stays under 5 %. */
export const BUSINESS_TYPE_WEIGHTS: Readonly<Record<MarketType, Readonly<Record<BusinessType, number>>>> = {
  urban: {
    convenience: 0.4,
    grocery: 0.3,
    supermarket: 0.08,
    tobacco_liquor: 0.11,
    entertainment: 0.05,
    mall: 0.012,
    other: 0.038,
  },
  rural: {
    convenience: 0.18,
    grocery: 0.64,
    supermarket: 0.05,
    tobacco_liquor: 0.06,
    entertainment: 0.03,
    mall: 0.002,
    other: 0.038,
  },
};

/**
 * Trade areas per market type, chosen so that the whole register matches the reference city (residential
 * 55.6 %, market/bazaar 38.5 % — of which village shops, about 7.5 %, are recorded as `rural` —, industrial
 * 1.9 %, commercial 1.7 %, office 0.8 %, tourist 0.7 %, transport 0.5 %, school 0.2 %).
 */
export const TRADE_AREA_WEIGHTS: Readonly<Record<MarketType, Partial<Record<TradeArea, number>>>> = {
  urban: {
    residential: 0.615,
    market: 0.32,
    industrial: 0.018,
    commercial: 0.021,
    office: 0.0105,
    tourist: 0.006,
    transport: 0.0065,
    school: 0.0025,
  },
  rural: {
    residential: 0.388,
    market: 0.285,
    rural: 0.29,
    industrial: 0.022,
    commercial: 0.005,
    tourist: 0.01,
  },
};

/** Tier shares D1 … D30 of the reference city's fixed percentile scheme (per cent). */
export const TIER_PERCENTS: readonly number[] = [
  1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 1, 1,
];

/** Tier of the retailer at rank `rank` (0 = lowest latent sales) among `n`. */
export function tierForRank(rank: number, n: number): number {
  const q = ((rank + 0.5) / n) * 100;
  let cumulative = 0;
  for (let t = 0; t < TIER_PERCENTS.length; t++) {
    cumulative += TIER_PERCENTS[t];
    if (q < cumulative) return t + 1;
  }
  return TIER_PERCENTS.length;
}

const ORDER_DAYS = new Categorical<OrderDay>([
  [1, 27],
  [2, 21],
  [3, 23],
  [4, 25],
  [5, 4],
]);

const INTEGRITY = new Categorical<string>([
  ['A', 90],
  ['B', 6],
  ['C', 2.5],
  ['D', 1.5],
]);

const PACK_TYPES = new Categorical<PackType>([
  ['hard', 50],
  ['soft', 15],
  ['slim', 20],
  ['medium_slim', 10],
  ['short', 5],
]);

const PRICE_CLASS_MIX = new Categorical<PriceClass>([
  [1, 22],
  [2, 20],
  [3, 28],
  [4, 16],
  [5, 14],
]);

/** Wholesale price per carton (条) by price class, yuan. */
export const WHOLESALE_PRICE_RANGES: Readonly<Record<PriceClass, readonly [number, number]>> = {
  1: [260, 900],
  2: [165, 255],
  3: [110, 160],
  4: [85, 108],
  5: [66, 84],
};

const LATENT_BUSINESS_FACTOR: Record<BusinessType, number> = {
  convenience: 1,
  supermarket: 1.7,
  grocery: 0.85,
  tobacco_liquor: 2.3,
  entertainment: 0.7,
  mall: 2.2,
  other: 0.55,
};

/**
 * The latent parameters the order-line simulation runs on: one entry per retailer (typed arrays, by retailer
 * index) and per brand, plus each retailer's brand portfolio. They are ground truth for tests and for judging
 * later modules (a forecast can be compared with the demand that generated the data).
 */
export interface WorldModel {
  window: HistoryWindow;
  /** Expected cartons per week at the start of the history, before season and trends. */
  weeklyCartons: Float64Array;
  /** Retailer's own yearly growth (log scale). */
  growth: Float64Array;
  /** Probability of ordering at all in an order week (small rural shops skip weeks). */
  orderProbability: Float64Array;
  /** First day (epoch days) the retailer may order, and first day it may no longer (exclusive). */
  openDay: Int32Array;
  closeDay: Int32Array;
  /** Brand launch day and withdrawal day (epoch days); no limit is ±2^31. */
  brandLaunchDay: Int32Array;
  brandWithdrawDay: Int32Array;
  /** Brand's yearly trend (log scale). */
  brandGrowth: Float64Array;
  /** Brand price in cents per carton. */
  brandPriceCents: Int32Array;
  /** Portfolio: entries of retailer r are `portfolioOffset[r] … portfolioOffset[r + 1] - 1`. */
  portfolioOffset: Int32Array;
  portfolioBrand: Int32Array;
  /** Expected cartons per week of this brand for this retailer (share of weeklyCartons). */
  portfolioBase: Float64Array;
  portfolioStart: Int32Array;
  portfolioEnd: Int32Array;
  /** Maximum cartons per order line (0 = none): scarce and limited brands are rationed by tier. */
  portfolioCap: Int32Array;
}

export interface WorldCounts {
  districts: number;
  counties: number;
  marketAreas: number;
  routes: number;
  manufacturers: number;
  brands: number;
  accountManagers: number;
  retailers: number;
  months: number;
}

export interface DemoWorld {
  scale: DemoScale;
  seed: number;
  window: HistoryWindow;
  districts: DistrictRecord[];
  manufacturers: ManufacturerRecord[];
  brands: BrandRecord[];
  accountManagers: AccountManagerRecord[];
  retailers: RetailerRecord[];
  counts: WorldCounts;
  model: WorldModel;
}

export interface WorldOptions {
  /** Last month of the history, inclusive (`YYYY-MM`); default 2026-10. */
  endMonth?: string;
  /** Months of history; default per scale (24 small, 36 otherwise). */
  months?: number;
}

const NO_LIMIT_LOW = -2147483648;
const NO_LIMIT_HIGH = 2147483647;

/** Splits `total` into integer parts proportional to `shares` (largest remainder). */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (s / sum) * total);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k][1]]++;
  return parts;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

interface RouteSlot {
  code: string;
  countyIndex: number;
  countyName: string;
  areaWord: string;
  marketType: MarketType;
  size: number;
  orderDay: OrderDay;
  managerIndex: number;
}

function buildDistricts(
  rng: Random,
  config: ScaleConfig,
): {
  districts: DistrictRecord[];
  routes: RouteSlot[];
  counts: Pick<WorldCounts, 'counties' | 'marketAreas' | 'routes'>;
} {
  const districts: DistrictRecord[] = [
    { code: 'CITY', name: CITY_NAME, level: 'city', parentCode: null, marketType: null },
  ];
  const routes: RouteSlot[] = [];
  const perCounty = apportion(config.retailers, config.countyShares);
  const countyRural =
    RURAL_SHARE / (1 - config.countyShares[0] / config.countyShares.reduce((a, b) => a + b, 0));
  const towns = rng.shuffle([...TOWN_NAMES]);
  let townCursor = 0;
  let marketAreas = 0;
  perCounty.forEach((n, ci) => {
    const countyCode = `C${pad(ci + 1, 2)}`;
    const countyName = COUNTY_NAMES[ci % COUNTY_NAMES.length];
    districts.push({
      code: countyCode,
      name: countyName,
      level: 'county',
      parentCode: 'CITY',
      marketType: null,
    });
    const rural = ci === 0 ? 0 : Math.round(n * Math.min(0.9, countyRural));
    const urban = n - rural;
    const urbanWords = rng.shuffle([...URBAN_AREA_WORDS]);
    let areaNo = 0;
    for (const [marketType, count] of [
      ['urban', urban],
      ['rural', rural],
    ] as const) {
      if (count <= 0) continue;
      const areaCount = Math.max(1, Math.round(count / config.marketAreaSize));
      const areaSizes = apportion(
        count,
        Array.from({ length: areaCount }, () => 0.8 + rng.next() * 0.4),
      );
      for (const areaSize of areaSizes) {
        areaNo++;
        marketAreas++;
        const areaCode = `${countyCode}-M${pad(areaNo, 2)}`;
        const areaWord =
          marketType === 'urban'
            ? urbanWords[(areaNo - 1) % urbanWords.length]
            : towns[townCursor++ % towns.length];
        const areaName = marketType === 'urban' ? `${countyName}${areaWord}市场部` : `${areaWord}镇市场部`;
        districts.push({
          code: areaCode,
          name: areaName,
          level: 'market_area',
          parentCode: countyCode,
          marketType,
        });
        const routeCount = Math.max(1, Math.round(areaSize / config.routeSize));
        const routeSizes = apportion(
          areaSize,
          Array.from({ length: routeCount }, () => 0.7 + rng.next() * 0.6),
        );
        routeSizes.forEach((size, ri) => {
          const code = `${areaCode}-R${pad(ri + 1, 2)}`;
          districts.push({
            code,
            name: `${areaName.replace('市场部', '')}${ri + 1}号线路`,
            level: 'route',
            parentCode: areaCode,
            marketType,
          });
          routes.push({
            code,
            countyIndex: ci,
            countyName,
            areaWord,
            marketType,
            size,
            orderDay: ORDER_DAYS.sample(rng),
            managerIndex: 0,
          });
        });
      }
    }
  });
  return {
    districts,
    routes,
    counts: { counties: perCounty.length, marketAreas, routes: routes.length },
  };
}

/** Consecutive blocks of routes, each block about the same number of retailers, one block per manager. */
function assignManagers(rng: Random, routes: RouteSlot[], managers: number): AccountManagerRecord[] {
  const total = routes.reduce((a, r) => a + r.size, 0);
  const m = Math.min(managers, routes.length);
  const boundaries: number[] = [0];
  let cumulative = 0;
  let k = 1;
  for (let i = 0; i < routes.length && k < m; i++) {
    cumulative += routes[i].size;
    if (cumulative >= (k * total) / m) {
      const b = Math.min(Math.max(i + 1, boundaries[k - 1] + 1), routes.length - (m - k));
      boundaries.push(b);
      k++;
    }
  }
  while (boundaries.length < m) boundaries.push(boundaries[boundaries.length - 1] + 1);
  boundaries.push(routes.length);
  const result: AccountManagerRecord[] = [];
  for (let j = 0; j < m; j++) {
    const districtCodes: string[] = [];
    for (let i = boundaries[j]; i < boundaries[j + 1]; i++) {
      routes[i].managerIndex = j;
      districtCodes.push(routes[i].code);
    }
    result.push({
      code: `AM${pad(j + 1, 3)}`,
      name: personName(rng),
      phone: mobilePhone(rng),
      districtCodes,
    });
  }
  return result;
}

/** EAN-13 check digit of a 12-digit string. */
export function ean13CheckDigit(twelve: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

const PACK_LABEL: Record<PackType, string> = {
  hard: '硬',
  soft: '软',
  slim: '细支',
  medium_slim: '中支',
  short: '短支',
};
const VARIANTS = ['金', '红', '蓝', '银', '精品', '典藏', '经典', '珍品', '和韵', '锦绣', '新版', '尚品'];

function buildBrands(
  rng: Random,
  config: ScaleConfig,
  window: HistoryWindow,
): {
  manufacturers: ManufacturerRecord[];
  brands: BrandRecord[];
  popularity: Float64Array;
  growth: Float64Array;
} {
  const manufacturers: ManufacturerRecord[] = MANUFACTURER_NAMES.slice(0, config.manufacturers).map(
    (name, i) => ({
      code: `M${pad(i + 1, 2)}`,
      name,
    }),
  );
  // The province's own manufacturer holds the largest share of the local market.
  const shares = manufacturers.map((_, i) => (i === 0 ? 2.5 : 1 + rng.next() * 0.5));
  const perManufacturer = apportion(config.brands, shares);
  const series = rng.shuffle([...BRAND_SERIES]);
  let seriesCursor = 0;
  const brands: BrandRecord[] = [];
  const names = new Set<string>();
  const popularity: number[] = [];
  const growth: number[] = [];
  perManufacturer.forEach((count, mi) => {
    const seriesCount = Math.max(1, Math.ceil(count / 3.5));
    const mySeries = Array.from({ length: seriesCount }, () => series[seriesCursor++ % series.length]);
    for (let j = 0; j < count; j++) {
      const priceClass = PRICE_CLASS_MIX.sample(rng);
      const packType = PACK_TYPES.sample(rng);
      let name = '';
      for (let attempt = 0; attempt < 50 && (name === '' || names.has(name)); attempt++) {
        const s = mySeries[(j + attempt) % mySeries.length];
        name = `${s}(${PACK_LABEL[packType]}${rng.pick(VARIANTS)})`;
      }
      if (names.has(name)) name = `${name}${brands.length}`;
      names.add(name);
      const [low, high] = WHOLESALE_PRICE_RANGES[priceClass];
      const raw =
        priceClass === 1 ? low * Math.pow(high / low, Math.pow(rng.next(), 1.8)) : rng.uniform(low, high);
      const wholesaleTenths = Math.round(raw * 10);
      const wholesalePrice = wholesaleTenths / 10;
      const retailRaw = wholesalePrice * 1.1;
      const retailPrice = retailRaw >= 200 ? Math.round(retailRaw / 10) * 10 : Math.round(retailRaw);
      const twelve = `69${pad(101 + mi * 7, 3)}${pad(1000 + brands.length * 37 + rng.int(30), 7)}`;
      brands.push({
        code: `${twelve}${ean13CheckDigit(twelve)}`,
        name,
        manufacturerCode: manufacturers[mi].code,
        priceClass,
        wholesalePrice,
        retailPrice,
        packType,
        status: 'active',
        scarce: false,
        launchedOn: rng.chance(0.5) ? isoDate(rng.range(dayOf('2004-01-01'), window.startDay - 400)) : null,
        withdrawnOn: null,
      });
      popularity.push(rng.logNormal(1, 0.8));
      const classTrend = [0, 0.06, 0.04, 0, -0.03, -0.07][priceClass];
      const packTrend = packType === 'slim' || packType === 'medium_slim' ? 0.08 : 0;
      growth.push(classTrend + packTrend + rng.normal() * 0.06);
    }
  });

  // Roles: withdrawn during the history, launched during it (recently: status new), limited, scarce.
  const n = brands.length;
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const withdrawn = Math.max(1, Math.round(n * 0.05));
  const recent = Math.max(1, Math.round(n * 0.06));
  const launchedEarlier = Math.max(1, Math.round(n * 0.05));
  const limited = Math.round(n * 0.07);
  let cursor = 0;
  const { startDay, endDay } = window;
  const span = endDay - startDay;
  for (let k = 0; k < withdrawn; k++, cursor++) {
    const b = order[cursor];
    const from = startDay + Math.min(120, Math.floor(span * 0.2));
    const to = endDay - Math.min(60, Math.floor(span * 0.1));
    brands[b].status = 'withdrawn';
    brands[b].withdrawnOn = isoDate(rng.range(from, to));
    growth[b] = -0.3 + rng.normal() * 0.05;
  }
  for (let k = 0; k < recent; k++, cursor++) {
    const b = order[cursor];
    const from = Math.max(startDay + 30, endDay - 330);
    brands[b].status = 'new';
    brands[b].launchedOn = isoDate(rng.range(from, Math.max(from, endDay - 30)));
    growth[b] = Math.abs(growth[b]) + 0.1;
  }
  for (let k = 0; k < launchedEarlier; k++, cursor++) {
    const b = order[cursor];
    const from = startDay + 30;
    const to = Math.max(from, Math.min(endDay - 365, startDay + Math.floor(span * 0.6)));
    brands[b].launchedOn = isoDate(rng.range(from, to));
    growth[b] = Math.abs(growth[b]) + 0.05;
  }
  for (let k = 0; k < limited; k++, cursor++) brands[order[cursor]].status = 'limited';
  // Scarce (紧俏): popular premium and upper-middle brands that are still on sale.
  const scarceCandidates = order.filter((b) => brands[b].status !== 'withdrawn' && brands[b].priceClass <= 3);
  const scarceCount = Math.max(1, Math.round(n * 0.12));
  const pool = [
    ...scarceCandidates,
    ...order.filter((b) => !scarceCandidates.includes(b) && brands[b].status !== 'withdrawn'),
  ];
  for (let k = 0; k < scarceCount && k < pool.length; k++) {
    brands[pool[k]].scarce = true;
    popularity[pool[k]] *= 2.5;
  }
  return {
    manufacturers,
    brands,
    popularity: Float64Array.from(popularity),
    growth: Float64Array.from(growth),
  };
}

const PREFERENCE_SPREAD = 0.25;

/** Generates the reference data and the retailer register of a demo market. Deterministic in (scale, seed, options). */
export function generateWorld(
  scale: DemoScale,
  seed: number = DEFAULT_SEED,
  options: WorldOptions = {},
): DemoWorld {
  const config = SCALE_CONFIGS[scale];
  if (!config)
    throw new RangeError(`unknown scale '${String(scale)}'; expected one of ${DEMO_SCALES.join(', ')}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be a safe integer');
  const window = historyWindow(options.endMonth ?? DEFAULT_END_MONTH, options.months ?? config.months);
  const { startDay, endDay } = window;

  const districtRng = Random.derive(seed, `districts/${scale}`);
  const { districts, routes, counts: districtCounts } = buildDistricts(districtRng, config);
  const accountManagers = assignManagers(
    Random.derive(seed, `managers/${scale}`),
    routes,
    config.accountManagers,
  );
  const brandRng = Random.derive(seed, `brands/${scale}`);
  const { manufacturers, brands, popularity, growth: brandGrowth } = buildBrands(brandRng, config, window);

  const rng = Random.derive(seed, `retailers/${scale}`);
  const n = config.retailers;
  const weeklyCartons = new Float64Array(n);
  const growth = new Float64Array(n);
  const orderProbability = new Float64Array(n);
  const openDay = new Int32Array(n);
  const closeDay = new Int32Array(n);
  const affinityNoise = new Float64Array(n);
  const retailers: RetailerRecord[] = [];
  const businessBy = {
    urban: new Categorical(Object.entries(BUSINESS_TYPE_WEIGHTS.urban) as [BusinessType, number][]),
    rural: new Categorical(Object.entries(BUSINESS_TYPE_WEIGHTS.rural) as [BusinessType, number][]),
  };
  const tradeBy = {
    urban: new Categorical(Object.entries(TRADE_AREA_WEIGHTS.urban) as [TradeArea, number][]),
    rural: new Categorical(Object.entries(TRADE_AREA_WEIGHTS.rural) as [TradeArea, number][]),
  };
  const serials = new Map<number, number>();
  const earliestOpen = dayOf('1998-01-01');

  for (const route of routes) {
    for (let k = 0; k < route.size; k++) {
      const i = retailers.length;
      const marketType = route.marketType;
      const businessType = businessBy[marketType].sample(rng);
      const tradeArea = tradeBy[marketType].sample(rng);
      const rural = marketType === 'rural';
      const areaBoost =
        tradeArea === 'commercial' || tradeArea === 'transport' || tradeArea === 'tourist' ? 1.3 : 1;
      const s = rng.logNormal(
        11 * LATENT_BUSINESS_FACTOR[businessType] * (rural ? 0.65 : 1) * areaBoost,
        0.65,
      );
      weeklyCartons[i] = s;
      const sizeSignal = Math.log(s) + rng.normal() * 0.35;
      const scale: Scale =
        sizeSignal > Math.log(rural ? 26 : 34) ? 1 : sizeSignal > Math.log(rural ? 10 : 14) ? 2 : 3;

      const serial = (serials.get(route.countyIndex) ?? 0) + rng.range(1, 7);
      serials.set(route.countyIndex, serial);
      const licenceNo = `4216${pad(route.countyIndex + 1, 2)}${pad(serial, 6)}`;
      const ownerName = personName(rng);
      const place = rural ? route.areaWord : rng.chance(0.5) ? route.areaWord : '';
      const address = rural
        ? ruralAddress(rng, route.countyName, route.areaWord)
        : urbanAddress(rng, route.countyName, route.areaWord);

      // Opening and closing: most shops predate the history, some open during it; a few lose their licence.
      let opened: number | null;
      const openRoll = rng.next();
      if (openRoll < 0.08 && endDay - startDay > 90) opened = rng.range(startDay + 14, endDay - 45);
      else if (openRoll < 0.95) opened = rng.range(earliestOpen, startDay - 30);
      else opened = null;
      openDay[i] = opened ?? NO_LIMIT_LOW;
      const firstActive = Math.max(opened ?? startDay, startDay);
      let licenceStatus: LicenceStatus = 'valid';
      let close = NO_LIMIT_HIGH;
      const statusRoll = rng.next();
      if (statusRoll < 0.035 && endDay - firstActive > 120) {
        licenceStatus = 'cancelled';
        close = rng.range(firstActive + 60, endDay - 7);
      } else if (statusRoll < 0.045 && endDay - firstActive > 200) {
        licenceStatus = 'suspended';
        close = rng.range(endDay - 150, endDay - 7);
      } else if (statusRoll < 0.055 && endDay - firstActive > 120) {
        licenceStatus = 'expired';
        close = rng.range(endDay - 90, endDay);
      }
      closeDay[i] = close;

      const fortnightlyChance = rural && scale === 3 ? 0.2 : 0.041;
      const cycleRoll = rng.next();
      const visitCycle: VisitCycle =
        cycleRoll < 0.003
          ? 'none'
          : cycleRoll < 0.003 + fortnightlyChance
            ? rng.chance(0.5)
              ? 'fortnightly_odd'
              : 'fortnightly_even'
            : 'weekly';
      const orderDay: OrderDay = rng.chance(0.8) ? route.orderDay : ORDER_DAYS.sample(rng);
      orderProbability[i] =
        scale === 3
          ? rural
            ? rng.uniform(0.5, 0.9)
            : rng.uniform(0.82, 1)
          : scale === 2
            ? rng.uniform(0.93, 1)
            : 1;
      growth[i] = rng.normal() * 0.07;
      affinityNoise[i] = rng.normal() * 0.12;

      retailers.push({
        licenceNo,
        shopName: shopName(rng, businessType, ownerName, place),
        ownerName,
        phone: mobilePhone(rng),
        address,
        districtCode: route.code,
        marketType,
        businessType,
        tradeArea,
        scale,
        licenceStatus,
        status: licenceStatus === 'valid' || licenceStatus === 'suspended' ? 'active' : 'inactive',
        integrityGrade: INTEGRITY.sample(rng),
        tier: 0,
        terminalStatus: 'none',
        accountManagerCode: accountManagers[route.managerIndex]?.code ?? null,
        orderDay,
        visitCycle,
        birthday: rng.chance(0.55) ? isoDate(rng.range(dayOf('1955-01-01'), dayOf('2001-12-31'))) : null,
        preferences: rng.chance(0.3) ? rng.pick(PREFERENCES) : null,
        openedOn: opened === null ? null : isoDate(opened),
      });
    }
  }

  // Tiers D1–D30 by the percentile scheme, from the latent sales level.
  const ranks = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => weeklyCartons[a] - weeklyCartons[b] || a - b,
  );
  ranks.forEach((r, rank) => (retailers[r].tier = tierForRank(rank, n)));
  const terminalRng = Random.derive(seed, `terminals/${scale}`);
  for (const r of retailers) r.terminalStatus = terminalStatus(terminalRng, r);

  // Brand portfolios: price class matched to tier, business type and market; no scarce brands for grade D.
  const portfolioRng = Random.derive(seed, `portfolios/${scale}`);
  const nb = brands.length;
  const launchDay = new Int32Array(nb);
  const withdrawDay = new Int32Array(nb);
  const priceCents = new Int32Array(nb);
  brands.forEach((b, j) => {
    const launched = b.launchedOn ? dayOf(b.launchedOn) : NO_LIMIT_LOW;
    launchDay[j] = launched;
    withdrawDay[j] = b.withdrawnOn ? dayOf(b.withdrawnOn) : NO_LIMIT_HIGH;
    priceCents[j] = Math.round(b.wholesalePrice * 100);
  });
  const offsets = new Int32Array(n + 1);
  const entryBrand: number[] = [];
  const entryBase: number[] = [];
  const entryStart: number[] = [];
  const entryEnd: number[] = [];
  const entryCap: number[] = [];
  const weights = new Float64Array(nb);
  const maxK = Math.max(2, Math.min(40, Math.floor(nb * 0.6)));
  for (let i = 0; i < n; i++) {
    const r = retailers[i];
    const s = weeklyCartons[i];
    const typeShift =
      r.businessType === 'tobacco_liquor'
        ? 0.15
        : r.businessType === 'mall' || r.businessType === 'supermarket' || r.businessType === 'entertainment'
          ? 0.05
          : r.businessType === 'grocery'
            ? -0.05
            : 0;
    const affinity = Math.min(
      1,
      Math.max(
        0,
        0.2 + 0.55 * (r.tier / 30) + typeShift - (r.marketType === 'rural' ? 0.12 : 0) + affinityNoise[i],
      ),
    );
    for (let j = 0; j < nb; j++) {
      const b = brands[j];
      if (b.scarce && r.integrityGrade === 'D') {
        weights[j] = 0;
        continue;
      }
      const position = (5 - b.priceClass) / 4;
      const d = position - affinity;
      weights[j] = popularity[j] * Math.exp(-(d * d) / (2 * PREFERENCE_SPREAD * PREFERENCE_SPREAD));
    }
    const k = Math.max(2, Math.min(maxK, Math.round(4 + 2.3 * Math.sqrt(s) + portfolioRng.normal() * 1.2)));
    const start = entryBrand.length;
    let shareTotal = 0;
    for (let pick = 0; pick < k; pick++) {
      let total = 0;
      for (let j = 0; j < nb; j++) total += weights[j];
      if (total <= 0) break;
      let u = portfolioRng.next() * total;
      let chosen = nb - 1;
      for (let j = 0; j < nb; j++) {
        u -= weights[j];
        if (u < 0) {
          chosen = j;
          break;
        }
      }
      const share = weights[chosen] * portfolioRng.logNormal(1, 0.7);
      weights[chosen] = 0;
      shareTotal += share;
      entryBrand.push(chosen);
      entryBase.push(share);
      // A brand launched during the history reaches each shop after a while; some shops drop a dying brand early.
      const launched = launchDay[chosen];
      const adoption = launched > startDay ? Math.floor(-Math.log(1 - portfolioRng.next()) * 35) : 0;
      entryStart.push(launched === NO_LIMIT_LOW ? NO_LIMIT_LOW : launched + adoption);
      const withdrawn = withdrawDay[chosen];
      entryEnd.push(
        withdrawn === NO_LIMIT_HIGH
          ? NO_LIMIT_HIGH
          : withdrawn - (portfolioRng.chance(0.3) ? portfolioRng.range(0, 40) : 0),
      );
      const b = brands[chosen];
      const quota = 1 + Math.floor((r.tier - 1) / 6);
      entryCap.push(b.scarce ? quota : b.status === 'limited' ? quota * 2 : 0);
    }
    for (let e = start; e < entryBrand.length; e++) entryBase[e] = (entryBase[e] / shareTotal) * s;
    offsets[i + 1] = entryBrand.length;
  }

  const model: WorldModel = {
    window,
    weeklyCartons,
    growth,
    orderProbability,
    openDay,
    closeDay,
    brandLaunchDay: launchDay,
    brandWithdrawDay: withdrawDay,
    brandGrowth,
    brandPriceCents: priceCents,
    portfolioOffset: offsets,
    portfolioBrand: Int32Array.from(entryBrand),
    portfolioBase: Float64Array.from(entryBase),
    portfolioStart: Int32Array.from(entryStart),
    portfolioEnd: Int32Array.from(entryEnd),
    portfolioCap: Int32Array.from(entryCap),
  };

  return {
    scale,
    seed,
    window,
    districts,
    manufacturers,
    brands,
    accountManagers,
    retailers,
    counts: {
      districts: districts.length,
      ...districtCounts,
      manufacturers: manufacturers.length,
      brands: brands.length,
      accountManagers: accountManagers.length,
      retailers: retailers.length,
      months: window.months,
    },
    model,
  };
}

function terminalStatus(rng: Random, r: RetailerRecord): TerminalStatus {
  if (r.status === 'inactive') return rng.chance(0.1) ? 'revoked' : 'none';
  const base = (r.marketType === 'urban' ? 0.3 : 0.15) * Math.pow(r.tier / 30, 2) + 0.02;
  const roll = rng.next();
  if (roll < base) return rng.chance(0.9) ? 'active' : 'warned';
  if (roll < base + 0.03) return 'candidate';
  if (roll < base + 0.035) return 'revoked';
  return 'none';
}
