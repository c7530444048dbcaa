import type { OrderLineRecord } from '@tms/domain';
import { historyWindow, isoWeekNumber, mondayOf, type HistoryWindow } from './dates';
import { Random } from './random';
import { seasonTable } from './season';
import type { DemoWorld } from './world';

export interface OrderLineOptions {
  /** Last month of the history, inclusive (`YYYY-MM`); default the world's (2026-10). */
  endMonth?: string;
  /** Months of history; default the world's (24 for small, 36 otherwise). */
  months?: number;
  /** Lines per batch (default 65,536). Batch boundaries never change the data. */
  batchSize?: number;
  /** Simulate only every n-th retailer (for quick estimates); default 1 = all. */
  retailerSample?: number;
}

/**
 * A batch of order lines in columns: retailer and brand are indices into `world.retailers` / `world.brands`,
 * `day` is the order date in epoch days (UTC), `cartons` a positive integer. Each batch is freshly
 * allocated, so a consumer may keep it. Lines come in order-date order.
 */
export interface OrderLineBatch {
  length: number;
  retailer: Int32Array;
  brand: Int32Array;
  day: Int32Array;
  cartons: Int32Array;
}

const DEFAULT_BATCH = 65_536;
const NO_LIMIT_LOW = -2147483648;
const NO_LIMIT_HIGH = 2147483647;
const LAUNCH_RAMP_DAYS = 84;
const WITHDRAWAL_DECLINE_DAYS = 120;
const WEEKLY_NOISE = 0.25;
/** Yearly growth of the whole market's volume (log scale). */
export const MARKET_GROWTH = 0.015;

export function orderLineWindow(world: DemoWorld, options: OrderLineOptions = {}): HistoryWindow {
  return historyWindow(options.endMonth ?? world.window.endMonth, options.months ?? world.window.months);
}

function newBatch(size: number): OrderLineBatch {
  return {
    length: 0,
    retailer: new Int32Array(size),
    brand: new Int32Array(size),
    day: new Int32Array(size),
    cartons: new Int32Array(size),
  };
}

/**
 * The simulation: every order week, each open retailer whose cycle falls on that week (fortnightly shops
 * every other ISO week) may order on its order day; small shops skip some weeks. For each brand of its
 * portfolio still on sale the cartons are Poisson with mean = the shop's weekly volume share × season
 * (Spring Festival etc.) × brand trend (launch ramp, decline before withdrawal) × the shop's own trend ×
 * a weekly shock shared by the order; scarce and limited brands are capped by tier.
 */
export function* orderLineBatches(
  world: DemoWorld,
  options: OrderLineOptions = {},
): Generator<OrderLineBatch> {
  const window = orderLineWindow(world, options);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const sample = Math.max(1, Math.floor(options.retailerSample ?? 1));
  const m = world.model;
  const { startDay, endDay } = window;
  const referenceDay = m.window.startDay;
  const season = seasonTable(startDay, endDay);
  const firstMonday = mondayOf(startDay);
  const weeks = Math.floor((endDay - firstMonday) / 7) + 1;
  const nb = world.brands.length;

  // Brand × week multiplier: the brand's trend, a ramp after launch and a decline before withdrawal.
  const brandWeek = new Float64Array(nb * weeks);
  for (let b = 0; b < nb; b++) {
    const launch = m.brandLaunchDay[b];
    const withdraw = m.brandWithdrawDay[b];
    for (let w = 0; w < weeks; w++) {
      const mid = firstMonday + w * 7 + 3;
      let f = Math.exp((m.brandGrowth[b] * (mid - referenceDay)) / 365.25);
      if (launch !== NO_LIMIT_LOW && mid >= launch && mid - launch < LAUNCH_RAMP_DAYS) {
        f *= 0.25 + (0.75 * (mid - launch)) / LAUNCH_RAMP_DAYS;
      }
      if (withdraw !== NO_LIMIT_HIGH && withdraw - mid < WITHDRAWAL_DECLINE_DAYS) {
        f *= 0.4 + (0.6 * Math.max(0, withdraw - mid)) / WITHDRAWAL_DECLINE_DAYS;
      }
      brandWeek[b * weeks + w] = f;
    }
  }
  // Brands take share from each other: scale each week so that the market as a whole follows MARKET_GROWTH
  // (launches and withdrawals move volume between brands instead of adding or removing it).
  const brandBase = new Float64Array(nb);
  for (let e = 0; e < m.portfolioBrand.length; e++) brandBase[m.portfolioBrand[e]] += m.portfolioBase[e];
  let baseTotal = 0;
  for (let b = 0; b < nb; b++) baseTotal += brandBase[b];
  for (let w = 0; w < weeks; w++) {
    const mid = firstMonday + w * 7 + 3;
    let active = 0;
    for (let b = 0; b < nb; b++) {
      if (mid >= m.brandLaunchDay[b] && mid < m.brandWithdrawDay[b])
        active += brandBase[b] * brandWeek[b * weeks + w];
    }
    if (active <= 0) continue;
    const norm = (baseTotal * Math.exp((MARKET_GROWTH * (mid - referenceDay)) / 365.25)) / active;
    for (let b = 0; b < nb; b++) brandWeek[b * weeks + w] *= norm;
  }

  // Retailers grouped by order day (1 = Monday … 7), so lines come out in date order.
  const n = world.retailers.length;
  const cycle = new Int8Array(n);
  const byDay: number[][] = [[], [], [], [], [], [], [], []];
  for (let r = 0; r < n; r += sample) {
    const rec = world.retailers[r];
    byDay[rec.orderDay].push(r);
    cycle[r] = rec.visitCycle === 'fortnightly_odd' ? 1 : rec.visitCycle === 'fortnightly_even' ? 2 : 0;
  }
  const dayLists = byDay.map((list) => Int32Array.from(list));

  const sim: DaySimulation = {
    rng: Random.derive(world.seed, `orders/${world.scale}/${window.startMonth}/${window.endMonth}/${sample}`),
    growth: m.growth,
    orderProbability: m.orderProbability,
    openDay: m.openDay,
    closeDay: m.closeDay,
    cycle,
    offsets: m.portfolioOffset,
    eBrand: m.portfolioBrand,
    eBase: m.portfolioBase,
    eStart: m.portfolioStart,
    eEnd: m.portfolioEnd,
    eCap: m.portfolioCap,
    brandWeek,
    weeks,
  };
  // Staging for one day's lines: at most one line per portfolio entry of the day's retailers.
  let staging = 0;
  for (const list of dayLists) {
    let entries = 0;
    for (const r of list) entries += m.portfolioOffset[r + 1] - m.portfolioOffset[r];
    staging = Math.max(staging, entries);
  }
  const stage = newBatch(Math.max(1, staging));

  let batch = newBatch(batchSize);
  let len = 0;
  for (let w = 0; w < weeks; w++) {
    const monday = firstMonday + w * 7;
    const odd = isoWeekNumber(monday) % 2 === 1;
    for (let od = 1; od <= 7; od++) {
      const day = monday + od - 1;
      if (day < startDay || day > endDay || dayLists[od].length === 0) continue;
      const produced = simulateDay(
        sim,
        stage,
        dayLists[od],
        day,
        w,
        odd,
        season[day - startDay],
        (day - referenceDay) / 365.25,
      );
      for (let from = 0; from < produced;) {
        const take = Math.min(produced - from, batchSize - len);
        batch.retailer.set(stage.retailer.subarray(from, from + take), len);
        batch.brand.set(stage.brand.subarray(from, from + take), len);
        batch.day.set(stage.day.subarray(from, from + take), len);
        batch.cartons.set(stage.cartons.subarray(from, from + take), len);
        len += take;
        from += take;
        if (len === batchSize) {
          batch.length = len;
          yield batch;
          batch = newBatch(batchSize);
          len = 0;
        }
      }
    }
  }
  if (len > 0) {
    batch.length = len;
    yield batch;
  }
}

interface DaySimulation {
  rng: Random;
  growth: Float64Array;
  orderProbability: Float64Array;
  openDay: Int32Array;
  closeDay: Int32Array;
  cycle: Int8Array;
  offsets: Int32Array;
  eBrand: Int32Array;
  eBase: Float64Array;
  eStart: Int32Array;
  eEnd: Int32Array;
  eCap: Int32Array;
  brandWeek: Float64Array;
  weeks: number;
}

/** One order day of the retailers in `list`; writes the lines into `out` from index 0 and returns their number. */
function simulateDay(
  sim: DaySimulation,
  out: OrderLineBatch,
  list: Int32Array,
  day: number,
  w: number,
  odd: boolean,
  seasonF: number,
  years: number,
): number {
  const {
    rng,
    growth,
    orderProbability,
    openDay,
    closeDay,
    cycle,
    offsets,
    eBrand,
    eBase,
    eStart,
    eEnd,
    eCap,
  } = sim;
  const { brandWeek, weeks } = sim;
  const oRetailer = out.retailer;
  const oBrand = out.brand;
  const oDay = out.day;
  const oCartons = out.cartons;
  let len = 0;
  for (let li = 0; li < list.length; li++) {
    const r = list[li];
    if (day < openDay[r] || day >= closeDay[r]) continue;
    const c = cycle[r];
    let mult = 1;
    if (c !== 0) {
      if ((c === 1) !== odd) continue;
      mult = 2;
    }
    const p = orderProbability[r];
    if (p < 1) {
      if (rng.next() >= p) continue;
      mult /= p;
    }
    const z = (rng.next() + rng.next() + rng.next() - 1.5) * 2;
    const f = seasonF * mult * Math.exp(growth[r] * years + WEEKLY_NOISE * z);
    const end = offsets[r + 1];
    for (let e = offsets[r]; e < end; e++) {
      if (day < eStart[e] || day >= eEnd[e]) continue;
      const b = eBrand[e];
      const lambda = eBase[e] * brandWeek[b * weeks + w] * f;
      // Poisson by inversion below 30, normal approximation above.
      let k = 0;
      if (lambda < 30) {
        const u = rng.next();
        let prob = Math.exp(-lambda);
        let cumulative = prob;
        while (u > cumulative && k < 200) {
          k++;
          prob *= lambda / k;
          cumulative += prob;
        }
      } else {
        k = Math.round(lambda + Math.sqrt(lambda) * (rng.next() + rng.next() + rng.next() - 1.5) * 2);
      }
      if (k <= 0) continue;
      const cap = eCap[e];
      if (cap > 0 && k > cap) k = cap;
      oRetailer[len] = r;
      oBrand[len] = b;
      oDay[len] = day;
      oCartons[len] = k;
      len++;
    }
  }
  return len;
}

/** Order lines as records, in arrays of up to `batchSize`. Handy, but the columnar and CSV paths are faster. */
export function* generateOrderLines(
  world: DemoWorld,
  options: OrderLineOptions = {},
): Generator<OrderLineRecord[]> {
  const licences = world.retailers.map((r) => r.licenceNo);
  const codes = world.brands.map((b) => b.code);
  const cents = world.model.brandPriceCents;
  const dates = new DateCache();
  for (const batch of orderLineBatches(world, options)) {
    const out: OrderLineRecord[] = new Array(batch.length);
    for (let i = 0; i < batch.length; i++) {
      const b = batch.brand[i];
      out[i] = {
        licenceNo: licences[batch.retailer[i]],
        brandCode: codes[b],
        orderDate: dates.get(batch.day[i]),
        cartons: batch.cartons[i],
        amount: (batch.cartons[i] * cents[b]) / 100,
      };
    }
    yield out;
  }
}

/** ISO date strings by epoch day, computed once each. */
export class DateCache {
  private readonly cache = new Map<number, string>();

  get(day: number): string {
    let s = this.cache.get(day);
    if (s === undefined) {
      s = new Date(day * 86_400_000).toISOString().slice(0, 10);
      this.cache.set(day, s);
    }
    return s;
  }
}

/** Total order lines (exact: runs the simulation without producing text). */
export function countOrderLines(world: DemoWorld, options: OrderLineOptions = {}): number {
  let total = 0;
  for (const batch of orderLineBatches(world, options)) total += batch.length;
  return total;
}

/** Estimated order lines from simulating every `every`-th retailer. */
export function estimateOrderLines(world: DemoWorld, every = 20, options: OrderLineOptions = {}): number {
  const sampled = Math.ceil(world.retailers.length / every);
  const lines = countOrderLines(world, { ...options, retailerSample: every });
  return Math.round((lines * world.retailers.length) / sampled);
}
