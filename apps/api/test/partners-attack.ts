/**
 * The differencing attack on `partnerSales`, as a manufacturer would run it: collect answers over several
 * groupings (and month ranges), treat every published figure as a linear equation over the finest cells
 * (month × market area × business type × market type × tier band), and solve the system by least squares.
 * A small cell is *determined* when its indicator vector lies in the row space of the published equations:
 * then the attacker's estimate of it is unique, and without noise it is exact. With noise the estimate is the
 * best linear unbiased one (iid noise), and `±bound` is its worst case given the noise bound of each figure.
 *
 * Plain dense linear algebra (Gram–Schmidt, Cholesky): a few hundred unknowns, well within a test's time.
 */

export type Dimension = 'county' | 'area' | 'business' | 'market' | 'tier';
export type Measure = 'cartons' | 'amount' | 'count';

export const GROUP_BY: Record<Dimension, string> = {
  county: 'COUNTY',
  area: 'MARKET_AREA',
  business: 'BUSINESS_TYPE',
  market: 'MARKET_TYPE',
  tier: 'TIER_BAND',
};

/** One retailer's sales of the brand in one month, with its place in every dimension: the ground truth. */
export interface Sale {
  retailerId: number;
  month: string;
  area: string;
  county: string;
  business: string;
  market: string;
  tier: string;
  cartons: number;
  amount: number;
}

/** One row of a `partnerSales` answer, as the API returns it. */
export interface PublishedRow {
  month: string | null;
  districtCode: string | null;
  businessType: string | null;
  marketType: string | null;
  tierBand: string | null;
  suppressed: boolean;
  cartons: number | null;
  amount: number | null;
  orderingRetailers: number | null;
}

export interface Answer {
  /** The months the answer covers (its fromMonth … toMonth), not grouped by MONTH. */
  months: string[];
  grouping: Dimension[];
  rows: PublishedRow[];
}

export type Cell = Partial<Record<Dimension, string>>;

export interface Target {
  label: string;
  month: string;
  cell: Cell;
  truth: Record<Measure, number>;
}

export interface Recovery {
  target: Target;
  /** The published equations determine the cell (its vector is in their row space). */
  determined: boolean;
  estimate: Record<Measure, number>;
  error: Record<Measure, number>;
  /** Worst-case |error| of the estimate of the count, given each published count's noise bound. */
  countBound: number;
  /** The retailer counts in [1, minimum − 1] consistent with the estimate and its bound. */
  feasibleCounts: number[];
}

function valueOf(row: PublishedRow, dimension: Dimension): string | null {
  if (dimension === 'county' || dimension === 'area') return row.districtCode;
  if (dimension === 'business') return row.businessType;
  if (dimension === 'market') return row.marketType;
  return row.tierBand;
}

const countyOf = (area: string) => area.split('-')[0];

interface Unknown {
  month: string;
  area: string;
  county: string;
  business: string;
  market: string;
  tier: string;
}

function matches(unknown: Unknown, cell: Cell): boolean {
  return (Object.keys(cell) as Dimension[]).every((dimension) => unknown[dimension] === cell[dimension]);
}

function project(unknown: Unknown, grouping: Dimension[]): string {
  return JSON.stringify(grouping.map((dimension) => unknown[dimension]));
}

/** The cells of a grouping in a month with their true figures, from the retailers' sales. */
export function trueCells(
  sales: Sale[],
  months: string[],
  grouping: Dimension[],
): Array<{ cell: Cell; truth: Record<Measure, number> }> {
  const cells = new Map<string, { cell: Cell; cartons: number; amount: number; retailers: Set<number> }>();
  for (const sale of sales) {
    if (!months.includes(sale.month)) continue;
    const key = JSON.stringify(grouping.map((dimension) => sale[dimension]));
    let entry = cells.get(key);
    if (!entry) {
      entry = {
        cell: Object.fromEntries(grouping.map((dimension) => [dimension, sale[dimension]])),
        cartons: 0,
        amount: 0,
        retailers: new Set(),
      };
      cells.set(key, entry);
    }
    entry.cartons += sale.cartons;
    entry.amount += sale.amount;
    entry.retailers.add(sale.retailerId);
  }
  return [...cells.values()].map((entry) => ({
    cell: entry.cell,
    truth: {
      cartons: entry.cartons,
      amount: Math.round(entry.amount * 100) / 100,
      count: entry.retailers.size,
    },
  }));
}

/** Orthonormal basis of the span of `rows` (modified Gram–Schmidt, twice for stability). */
function orthonormalBasis(rows: Float64Array[], n: number): Float64Array[] {
  const basis: Float64Array[] = [];
  for (const row of rows) {
    const v = Float64Array.from(row);
    const norm0 = Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
    if (norm0 === 0) continue;
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i] * v[i];
        if (dot !== 0) for (let i = 0; i < n; i++) v[i] -= dot * q[i];
      }
    }
    const norm = Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
    if (norm > 1e-8 * norm0) basis.push(v.map((x) => x / norm));
  }
  return basis;
}

/** Cholesky factor L (lower) of a symmetric positive definite matrix. */
function cholesky(matrix: Float64Array[], r: number): Float64Array[] {
  const L = Array.from({ length: r }, () => new Float64Array(r));
  for (let i = 0; i < r; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= L[i][k] * L[j][k];
      if (i === j) L[i][i] = Math.sqrt(Math.max(sum, 1e-300));
      else L[i][j] = sum / L[j][j];
    }
  }
  return L;
}

function choleskySolve(L: Float64Array[], b: Float64Array, r: number): Float64Array {
  const z = new Float64Array(r);
  for (let i = 0; i < r; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= L[i][k] * z[k];
    z[i] = sum / L[i][i];
  }
  const x = new Float64Array(r);
  for (let i = r - 1; i >= 0; i--) {
    let sum = z[i];
    for (let k = i + 1; k < r; k++) sum -= L[k][i] * x[k];
    x[i] = sum / L[i][i];
  }
  return x;
}

interface System {
  equations: Float64Array[];
  values: number[];
}

/** Least-squares estimates of the targets from one measure's equations (over the same unknowns). */
function estimate(
  system: System,
  n: number,
  targets: Float64Array[],
): Array<{ determined: boolean; estimate: number; weights: Float64Array }> {
  const Q = orthonormalBasis(system.equations, n);
  const r = Q.length;
  const m = system.equations.length;
  // B = A Qᵀ (m × r), the equations in the row space's coordinates.
  const B = system.equations.map((row) => {
    const out = new Float64Array(r);
    for (let k = 0; k < r; k++) {
      let dot = 0;
      for (let i = 0; i < n; i++) if (row[i] !== 0) dot += row[i] * Q[k][i];
      out[k] = dot;
    }
    return out;
  });
  const normal = Array.from({ length: r }, () => new Float64Array(r));
  const rhs = new Float64Array(r);
  for (let j = 0; j < m; j++) {
    const b = B[j];
    for (let k = 0; k < r; k++) {
      if (b[k] === 0) continue;
      rhs[k] += b[k] * system.values[j];
      for (let l = 0; l <= k; l++) normal[k][l] += b[k] * b[l];
    }
  }
  for (let k = 0; k < r; k++) for (let l = 0; l < k; l++) normal[l][k] = normal[k][l];
  const L = cholesky(normal, r);
  const z = choleskySolve(L, rhs, r);
  return targets.map((t) => {
    const c = new Float64Array(r);
    for (let k = 0; k < r; k++) {
      let dot = 0;
      for (let i = 0; i < n; i++) if (t[i] !== 0) dot += t[i] * Q[k][i];
      c[k] = dot;
    }
    const norm = t.reduce((sum, x) => sum + x * x, 0);
    const projected = c.reduce((sum, x) => sum + x * x, 0);
    const determined = norm > 0 && norm - projected < 1e-6 * norm;
    const w = choleskySolve(L, c, r);
    // λ = B w: the weights of the published figures in the attacker's derivation of the target.
    const weights = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      let dot = 0;
      for (let k = 0; k < r; k++) dot += B[j][k] * w[k];
      weights[j] = dot;
    }
    return { determined, estimate: c.reduce((sum, x, k) => sum + x * z[k], 0), weights };
  });
}

/**
 * Runs the attack on the answers. `countNoiseBound` is what the attacker assumes of each published count's
 * noise (0 for exact counts); `minimum` is the smallest group the API publishes.
 */
export function differencingAttack(options: {
  answers: Answer[];
  targets: Target[];
  countNoiseBound: number;
  minimum: number;
}): { recoveries: Recovery[]; unknowns: number } {
  const { answers } = options;
  // The attacker's universe: every value seen in any answer, per dimension (suppressed rows show them too).
  const seen: Record<Dimension, Set<string>> = {
    county: new Set(),
    area: new Set(),
    business: new Set(),
    market: new Set(),
    tier: new Set(),
  };
  const months = new Set<string>();
  for (const answer of answers) {
    answer.months.forEach((month) => months.add(month));
    for (const row of answer.rows) {
      for (const dimension of answer.grouping) {
        const value = valueOf(row, dimension);
        if (value !== null) seen[dimension].add(value);
      }
    }
  }
  let unknowns: Unknown[] = [];
  for (const month of months)
    for (const area of seen.area)
      for (const business of seen.business)
        for (const market of seen.market)
          for (const tier of seen.tier)
            unknowns.push({ month, area, county: countyOf(area), business, market, tier });
  // A combination missing from an answer had no sales: every finest cell under it is zero.
  for (const answer of answers) {
    const present = new Set(
      answer.rows.map((row) => JSON.stringify(answer.grouping.map((dimension) => valueOf(row, dimension)))),
    );
    unknowns = unknowns.filter(
      (unknown) => !answer.months.includes(unknown.month) || present.has(project(unknown, answer.grouping)),
    );
  }
  const n = unknowns.length;
  const systems: Record<Measure, System & { bounds: number[] }> = {
    cartons: { equations: [], values: [], bounds: [] },
    amount: { equations: [], values: [], bounds: [] },
    count: { equations: [], values: [], bounds: [] },
  };
  for (const answer of answers) {
    for (const row of answer.rows) {
      if (row.suppressed) continue;
      const cell: Cell = Object.fromEntries(
        answer.grouping.map((dimension) => [dimension, valueOf(row, dimension)!]),
      );
      const equation = Float64Array.from(unknowns, (unknown) =>
        answer.months.includes(unknown.month) && matches(unknown, cell) ? 1 : 0,
      );
      systems.cartons.equations.push(equation);
      systems.cartons.values.push(row.cartons!);
      systems.amount.equations.push(equation);
      systems.amount.values.push(row.amount!);
      // Distinct retailers add up over cells of one month, not over months.
      if (answer.months.length === 1) {
        systems.count.equations.push(equation);
        systems.count.values.push(row.orderingRetailers!);
        systems.count.bounds.push(options.countNoiseBound);
      }
    }
  }
  const vectors = options.targets.map((target) =>
    Float64Array.from(unknowns, (unknown) =>
      unknown.month === target.month && matches(unknown, target.cell) ? 1 : 0,
    ),
  );
  const solved = {
    cartons: estimate(systems.cartons, n, vectors),
    amount: estimate(systems.amount, n, vectors),
    count: estimate(systems.count, n, vectors),
  };
  const recoveries = options.targets.map((target, index): Recovery => {
    const value = (measure: Measure) => solved[measure][index].estimate;
    const countBound = solved.count[index].weights.reduce(
      (sum, weight, j) => sum + Math.abs(weight) * systems.count.bounds[j],
      0,
    );
    const feasibleCounts: number[] = [];
    for (let count = 1; count < options.minimum; count++) {
      if (Math.abs(count - value('count')) <= countBound + 1e-6) feasibleCounts.push(count);
    }
    return {
      target,
      determined: solved.cartons[index].determined && solved.count[index].determined,
      estimate: { cartons: value('cartons'), amount: value('amount'), count: value('count') },
      error: {
        cartons: value('cartons') - target.truth.cartons,
        amount: value('amount') - target.truth.amount,
        count: value('count') - target.truth.count,
      },
      countBound,
      feasibleCounts,
    };
  });
  return { recoveries, unknowns: n };
}

/** Every grouping of at most `size` of the dimensions (COUNTY and MARKET_AREA never together). */
export function groupings(size: number): Dimension[][] {
  const all: Dimension[] = ['county', 'area', 'business', 'market', 'tier'];
  const result: Dimension[][] = [];
  const visit = (start: number, chosen: Dimension[]) => {
    if (chosen.length <= size) result.push(chosen);
    if (chosen.length === size) return;
    for (let i = start; i < all.length; i++) {
      if (all[i] === 'area' && chosen.includes('county')) continue;
      visit(i + 1, [...chosen, all[i]]);
    }
  };
  visit(0, []);
  return result;
}
