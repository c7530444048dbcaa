import { PartnerGroupBy } from './dto/partner.dto';
import { describeCost, estimateQueryCost, RequestBudgets } from './query-cost';

describe('estimateQueryCost', () => {
  const sizes = { counties: 4, marketAreas: 9 };

  it('should multiply brands, months and the values of each dimension but MONTH', () => {
    const { cells, factors } = estimateQueryCost({
      brands: 16,
      months: 36,
      groupBy: [
        PartnerGroupBy.MONTH,
        PartnerGroupBy.MARKET_AREA,
        PartnerGroupBy.BUSINESS_TYPE,
        PartnerGroupBy.MARKET_TYPE,
        PartnerGroupBy.TIER_BAND,
      ],
      ...sizes,
    });
    expect(cells).toBe(16 * 36 * 9 * 7 * 2 * 6);
    expect(describeCost(factors)).toBe(
      '16 brands × 36 months × 9 MARKET_AREA × 7 BUSINESS_TYPE × 2 MARKET_TYPE × 6 TIER_BAND',
    );
  });

  it('should cost a query by month as one without it: the same rows are read', () => {
    const monthly = estimateQueryCost({ brands: 3, months: 12, groupBy: [PartnerGroupBy.MONTH], ...sizes });
    const total = estimateQueryCost({ brands: 3, months: 12, groupBy: [], ...sizes });
    expect([monthly.cells, total.cells]).toEqual([36, 36]);
    expect(
      estimateQueryCost({ brands: 1, months: 1, groupBy: [PartnerGroupBy.COUNTY], ...sizes }).cells,
    ).toBe(4);
  });
});

describe('RequestBudgets', () => {
  it('should charge the queries of one request until the budget is spent, and each request apart', () => {
    const budgets = new RequestBudgets();
    const [first, second] = [{}, {}];
    expect(budgets.charge(first, 600, 1000)).toEqual({ ok: true, spent: 0 });
    expect(budgets.charge(first, 600, 1000)).toEqual({ ok: false, spent: 600 });
    expect(budgets.charge(first, 400, 1000)).toEqual({ ok: true, spent: 600 });
    expect(budgets.charge(second, 1000, 1000)).toEqual({ ok: true, spent: 0 });
    expect(budgets.charge(undefined, 1001, 1000).ok).toBe(false);
  });
});
