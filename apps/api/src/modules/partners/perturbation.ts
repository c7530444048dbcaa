/**
 * Cell-key perturbation of the aggregates manufacturers see (the method of the Australian Bureau of
 * Statistics' TableBuilder; ADR 8). Plain functions, no framework: the database sums the keys, this module
 * turns a cell's key and figures into its published figures.
 *
 * - Every retailer has a fixed random 32-bit key (`retailer_perturbation_key`, never exposed).
 * - A *record* is one retailer's sales of one brand in one month; its key is the retailer's key XOR a
 *   per-month constant (`monthConstant`). A cell's magnitude key is the sum of its records' keys mod 2³², so
 *   two month ranges of one group have unrelated keys and their difference is not noise-free.
 * - A cell's count key is the sum of its distinct retailers' keys mod 2³²: the same set of retailers always
 *   gets the same count, whatever the month range or grouping that produced it, so asking for the same
 *   count many ways gives nothing to average.
 * - The noise is a deterministic function of (key, figures): asking again returns the same value.
 */

export const KEY_SPACE = 2 ** 32;

/** A 32-bit integer hash (a bijection on [0, 2³²)): two multiply–xorshift rounds. */
export function hash32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Months as one integer: year × 12 + month − 1 (`2026-09` → 24 320). */
export function monthIndex(month: string): number {
  const [year, number] = month.split('-').map(Number);
  return year * 12 + number - 1;
}

/** What a month mixes into its records' keys. */
export function monthConstant(month: string): number {
  return hash32(monthIndex(month) ^ 0x5f3759df);
}

/** The key of one record (a retailer in one month). The SQL computes the same as `key # constant`. */
export function recordKey(retailerKey: number, month: string): number {
  return (retailerKey ^ monthConstant(month)) >>> 0;
}

/** A cell's key: the sum of its members' keys mod 2³² (what the SQL computes with `sum(…) % 2^32`). */
export function cellKey(memberKeys: Iterable<number>): number {
  let sum = 0;
  for (const key of memberKeys) sum = (sum + key) % KEY_SPACE;
  return sum;
}

/** A uniform draw in [0, 1) for one purpose (`salt`) of one cell key. */
function draw(key: number, salt: number): number {
  return hash32((key ^ salt) >>> 0) / KEY_SPACE;
}

const SALT = { count: 0x1b873593, cartons: 0x68e31da4, amount: 0x2545f491, population: 0x3c6ef372 };

/**
 * The perturbation table of counts: noise −3 … +3 with these probabilities, the same for every count from
 * the minimum on (near the minimum a draw that would go under it is mirrored, see `perturbCount`). The
 * extremes are rare, so a differencing whose bound is `±3 × terms` nearly never pins a count at an edge.
 */
export const COUNT_NOISE: ReadonlyArray<readonly [noise: number, probability: number]> = [
  [-3, 0.01],
  [-2, 0.06],
  [-1, 0.23],
  [0, 0.4],
  [1, 0.23],
  [2, 0.06],
  [3, 0.01],
];
export const COUNT_NOISE_BOUND = 3;

function countNoise(u: number): number {
  let cumulative = 0;
  for (const [noise, probability] of COUNT_NOISE) {
    cumulative += probability;
    if (u < cumulative) return noise;
  }
  return COUNT_NOISE[COUNT_NOISE.length - 1][0];
}

/**
 * The published count of a cell of `count` retailers (`count` ≥ `floor`) whose count key is `key`. The draw
 * depends on the key and the count (the row of the ABS p-table); a draw that would publish fewer than
 * `floor` is mirrored (+n for −n), so no published count is under the minimum.
 */
export function perturbCount(
  count: number,
  key: number,
  floor: number,
  salt: 'count' | 'population' = 'count',
): number {
  const u = draw(hash32((key ^ count) >>> 0), SALT[salt]);
  const noise = countNoise(u);
  return count + noise < floor ? count - noise : count + noise;
}

/** Parameters of the magnitude noise: |noise| ∈ [MIN_SHARE, 1) × (SCALE × top contributor + FLOOR). */
export const MAGNITUDE = {
  /** Fraction of the largest single retailer's contribution the noise can reach. */
  scale: 0.25,
  /** The least noise, as a share of the bound: no published magnitude is exact. */
  minShare: 0.2,
  /** Added to the bound, in cartons (for amounts: cartons × the cell's mean price per carton). */
  floorCartons: 1,
} as const;

/**
 * A magnitude's noise factor d ∈ ±[minShare, 1), deterministic in the key: half the keys push up, half down,
 * uniformly in between.
 */
export function magnitudeFactor(key: number, salt: 'cartons' | 'amount'): number {
  const u = draw(key, SALT[salt]);
  const magnitude = MAGNITUDE.minShare + (1 - MAGNITUDE.minShare) * ((u * 2) % 1);
  return u < 0.5 ? -magnitude : magnitude;
}

/**
 * The bound of a magnitude's noise: proportional to the cell's largest single contributor (what one retailer
 * adds is what must be masked), plus a floor so a cell of many tiny contributions is perturbed too.
 */
export function magnitudeBound(top: number, floor: number): number {
  return MAGNITUDE.scale * Math.abs(top) + floor;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export interface CellFigures {
  /** Distinct retailers in the cell. */
  retailers: number;
  /** Sum of the distinct retailers' keys mod 2³². */
  countKey: number;
  /** Sum of the records' keys mod 2³². */
  recordKey: number;
  cartons: number;
  amount: number;
  /** The largest single retailer's cartons and amount in the cell. */
  topCartons: number;
  topAmount: number;
}

export interface PublishedFigures {
  orderingRetailers: number;
  cartons: number;
  amount: number;
}

/**
 * The published figures of a cell of at least `minimum` retailers. Each figure's noise is bounded:
 * counts by ±COUNT_NOISE_BOUND, magnitudes by ±(SCALE × top + floor), never below zero. Cartons and amount
 * have independent draws. Rounded to hundredths (cartons too: rounding to whole cartons would erase the
 * noise of a cell of tiny contributions).
 */
export function perturbCell(cell: CellFigures, minimum: number): PublishedFigures {
  const price = cell.cartons > 0 ? cell.amount / cell.cartons : 0;
  const cartonsNoise =
    magnitudeFactor(cell.recordKey, 'cartons') * magnitudeBound(cell.topCartons, MAGNITUDE.floorCartons);
  const amountNoise =
    magnitudeFactor(cell.recordKey, 'amount') *
    magnitudeBound(cell.topAmount, MAGNITUDE.floorCartons * price);
  return {
    orderingRetailers: perturbCount(cell.retailers, cell.countKey, minimum),
    cartons: round2(Math.max(0, cell.cartons + cartonsNoise)),
    amount: round2(Math.max(0, cell.amount + amountNoise)),
  };
}
