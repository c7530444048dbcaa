import { BUSINESS_TYPES, MARKET_TYPES, MAX_TIER, MIN_TIER } from '@tms/domain';
import { PartnerGroupBy } from './dto/partner.dto';

/** Tier bands of five tiers: 1–5 … 26–30. */
const TIER_BANDS = Math.ceil((MAX_TIER - MIN_TIER + 1) / 5);

/**
 * The cost of a partner query before it runs, in *cells*: brands × months × the number of values of every
 * other dimension grouped by. It bounds both the answer (one row per cell at most) and the database's work
 * (every month of every brand is read, grouped by the rest), whatever the data: the estimate needs only the
 * register's number of counties and market areas, not the sales.
 */
export function estimateQueryCost(query: {
  brands: number;
  months: number;
  groupBy: readonly PartnerGroupBy[];
  counties: number;
  marketAreas: number;
}): { cells: number; factors: Array<[string, number]> } {
  const factors: Array<[string, number]> = [
    ['brands', query.brands],
    ['months', query.months],
  ];
  const size: Record<PartnerGroupBy, number | null> = {
    // Months are counted already, grouped or not: the rows read are the same.
    [PartnerGroupBy.MONTH]: null,
    [PartnerGroupBy.COUNTY]: query.counties,
    [PartnerGroupBy.MARKET_AREA]: query.marketAreas,
    [PartnerGroupBy.BUSINESS_TYPE]: BUSINESS_TYPES.length,
    [PartnerGroupBy.MARKET_TYPE]: MARKET_TYPES.length,
    [PartnerGroupBy.TIER_BAND]: TIER_BANDS,
  };
  for (const dimension of query.groupBy) {
    const values = size[dimension];
    if (values !== null) factors.push([dimension, Math.max(1, values)]);
  }
  return { cells: factors.reduce((product, [, value]) => product * value, 1), factors };
}

/** `12 months × 3 brands × 8 BUSINESS_TYPE` for a message. */
export function describeCost(factors: Array<[string, number]>): string {
  return factors.map(([name, value]) => `${value} ${name}`).join(' × ');
}

/**
 * What the partner queries of one request have spent (GraphQL runs every alias of a document as its own
 * resolver call): keyed by the request object, forgotten with it.
 */
export class RequestBudgets {
  private readonly spent = new WeakMap<object, number>();

  /** Adds `cells` to the request's spending, or returns how much it had spent if that would pass `budget`. */
  charge(request: object | undefined, cells: number, budget: number): { ok: boolean; spent: number } {
    if (!request) return { ok: cells <= budget, spent: 0 };
    const spent = this.spent.get(request) ?? 0;
    if (spent + cells > budget) return { ok: false, spent };
    this.spent.set(request, spent + cells);
    return { ok: true, spent };
  }
}
