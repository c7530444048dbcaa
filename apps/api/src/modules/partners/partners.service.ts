import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Environment } from '../../config/environment';
import {
  PartnerForecastGroupBy,
  PartnerGroupBy,
  type PartnerBrandDto,
  type PartnerForecastDto,
  type PartnerForecastRowDto,
  type PartnerSalesFilter,
  type PartnerSalesRowDto,
} from './dto/partner.dto';
import {
  PartnersRepository,
  StatementTimeoutError,
  type DimensionSizes,
  type OwnBrand,
  type PopulationRow,
  type SalesCellRow,
} from './partners.repository';
import { monthConstant, perturbCell, perturbCount } from './perturbation';
import { describeCost, estimateQueryCost, RequestBudgets } from './query-cost';
import { suppressSmallGroups, WHOLE, type LineParents } from './suppression';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MAX_MONTHS = 36;

/** Dimension order of the rows and of the SQL, whatever order the caller lists them in. */
const DIMENSION_ORDER = Object.values(PartnerGroupBy);

function monthIndex(month: string, field: string): number {
  const match = MONTH.exec(month);
  if (!match) throw new AppError('BAD_REQUEST', `${field} must be a month as YYYY-MM`, { field });
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function monthName(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Rows turned into answer rows between two yields to the event loop. */
const YIELD_EVERY = 500;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What a manufacturer's API key may read: its own brands, and their aggregates by month, district and
 * segment, with small groups suppressed. The manufacturer always comes from the key, never from an argument.
 */
@Injectable()
export class PartnersService {
  constructor(
    private readonly repository: PartnersRepository,
    private readonly env: Environment,
  ) {}

  private readonly budgets = new RequestBudgets();

  brands(manufacturerId: number): Promise<PartnerBrandDto[]> {
    return this.repository.brandsOf(manufacturerId);
  }

  /**
   * The brands asked for, all of which must be the caller's: an id or code of anyone else's brand (or of no
   * brand) is refused with the same FORBIDDEN, so the answer does not tell which brands exist.
   */
  async selectBrands(manufacturerId: number, ids: number[] = [], codes: string[] = []): Promise<OwnBrand[]> {
    const own = await this.repository.brandsOf(manufacturerId);
    if (!ids.length && !codes.length) return own;
    const byId = new Map(own.map((brand) => [brand.id, brand]));
    const byCode = new Map(own.map((brand) => [brand.code, brand]));
    const foreign = [
      ...ids.filter((id) => !byId.has(id)).map(String),
      ...codes.filter((code) => !byCode.has(code)),
    ];
    if (foreign.length) {
      throw new AppError('FORBIDDEN', 'Only your own brands can be queried', { brands: foreign });
    }
    const selected = new Map<number, OwnBrand>();
    for (const id of ids) selected.set(id, byId.get(id)!);
    for (const code of codes) selected.set(byCode.get(code)!.id, byCode.get(code)!);
    return [...selected.values()];
  }

  /**
   * A manufacturer's sales by the chosen dimensions, perturbed (ADR 8): every cell of at least the minimum
   * retailers in every month of its range is shown with cell-key noise on its count and magnitudes; smaller
   * cells are suppressed. The query's cost is estimated and charged to the request before anything runs.
   * `request` is the GraphQL request the call belongs to (all aliases of one document share its budget).
   */
  async sales(
    manufacturerId: number,
    filter: PartnerSalesFilter,
    request?: object,
  ): Promise<PartnerSalesRowDto[]> {
    const from = monthIndex(filter.fromMonth, 'fromMonth');
    const to = monthIndex(filter.toMonth, 'toMonth');
    if (to < from) throw new AppError('BAD_REQUEST', 'toMonth is before fromMonth');
    if (to - from >= MAX_MONTHS) {
      throw new AppError('BAD_REQUEST', `At most ${MAX_MONTHS} months can be asked for at once`);
    }
    const groupBy = DIMENSION_ORDER.filter((dimension) => (filter.groupBy ?? []).includes(dimension));
    if (groupBy.includes(PartnerGroupBy.COUNTY) && groupBy.includes(PartnerGroupBy.MARKET_AREA)) {
      throw new AppError('BAD_REQUEST', 'Group by COUNTY or by MARKET_AREA, not both');
    }
    const brands = await this.selectBrands(manufacturerId, filter.brandIds, filter.brandCodes);
    if (!brands.length) return [];
    const months = Array.from({ length: to - from + 1 }, (_, offset) => monthName(from + offset));
    await this.chargeBudget(request, { brands: brands.length, months: months.length, groupBy });
    const minGroupSize = this.env.PARTNER_MIN_GROUP_SIZE;
    let result: Awaited<ReturnType<PartnersRepository['salesCells']>>;
    try {
      result = await this.repository.salesCells({
        manufacturerId,
        brandIds: brands.map((brand) => brand.id),
        fromMonth: filter.fromMonth,
        toMonth: filter.toMonth,
        monthConstants: months.map((month) => ({ month, constant: monthConstant(month) })),
        groupBy,
        timeoutMs: this.env.PARTNER_STATEMENT_TIMEOUT_MS,
      });
    } catch (error) {
      if (error instanceof StatementTimeoutError) {
        throw new AppError(
          'QUERY_TIMEOUT',
          `The query ran longer than ${this.env.PARTNER_STATEMENT_TIMEOUT_MS} ms and was stopped; ask for fewer months, brands or dimensions`,
          { timeoutMs: this.env.PARTNER_STATEMENT_TIMEOUT_MS },
        );
      }
      throw error;
    }
    const populationKey = (row: {
      districtCode?: string | null;
      businessType?: string | null;
      marketType?: string | null;
      tierBand?: string | null;
    }) =>
      `${row.districtCode ?? ''}\u0000${row.businessType ?? ''}\u0000${row.marketType ?? ''}\u0000${row.tierBand ?? ''}`;
    const populationOf = new Map(result.population.map((row) => [populationKey(row), row]));
    const codeOf = new Map(brands.map((brand) => [brand.id, brand.code]));
    const rows: PartnerSalesRowDto[] = [];
    for (const [index, cell] of result.cells.entries()) {
      // A large answer is turned into rows a slice at a time, so other requests are served in between.
      if (index > 0 && index % YIELD_EVERY === 0) await yieldToEventLoop();
      rows.push(
        this.publish(cell, codeOf.get(cell.brandId)!, populationOf.get(populationKey(cell)), minGroupSize),
      );
    }
    return rows;
  }

  /** One cell as a manufacturer sees it: perturbed, or suppressed under the minimum (ADR 8). */
  private publish(
    cell: SalesCellRow,
    brandCode: string,
    population: PopulationRow | undefined,
    minimum: number,
  ): PartnerSalesRowDto {
    const base = {
      brandId: cell.brandId,
      brandCode,
      month: cell.month ?? null,
      districtCode: cell.districtCode ?? null,
      districtName: cell.districtName ?? null,
      businessType: cell.businessType ?? null,
      marketType: cell.marketType ?? null,
      tierBand: cell.tierBand ?? null,
    };
    // Under the minimum in the range, or in any one month of it (two ranges' difference is whole months).
    if (Math.min(cell.orderingRetailers, cell.leastMonthlyRetailers) < minimum) {
      return {
        ...base,
        suppressed: true,
        cartons: null,
        amount: null,
        orderingRetailers: null,
        retailerCount: null,
        coverage: null,
      };
    }
    const published = perturbCell(
      {
        retailers: cell.orderingRetailers,
        countKey: Number(cell.countKey),
        recordKey: Number(cell.recordKey),
        cartons: Number(cell.cartons),
        amount: Number(cell.amount),
        topCartons: Number(cell.topCartons),
        topAmount: Number(cell.topAmount),
      },
      minimum,
    );
    const retailerCount =
      population && population.retailerCount >= minimum
        ? perturbCount(population.retailerCount, Number(population.populationKey), minimum, 'population')
        : null;
    return {
      ...base,
      suppressed: false,
      ...published,
      retailerCount,
      coverage: retailerCount
        ? Math.round((published.orderingRetailers / retailerCount) * 10000) / 10000
        : null,
    };
  }

  /**
   * Refuses a query whose estimated cost is over the per-query budget, or over what is left of the request's
   * budget after its other aliases: QUERY_TOO_EXPENSIVE with the estimate and the budget.
   */
  private async chargeBudget(
    request: object | undefined,
    query: { brands: number; months: number; groupBy: PartnerGroupBy[] },
  ): Promise<void> {
    const sizes = await this.dimensionSizes();
    const { cells, factors } = estimateQueryCost({ ...query, ...sizes });
    const perQuery = this.env.PARTNER_QUERY_BUDGET;
    const perRequest = this.env.PARTNER_REQUEST_BUDGET;
    const details = { estimate: cells, factors: Object.fromEntries(factors) };
    if (cells > perQuery) {
      throw new AppError(
        'QUERY_TOO_EXPENSIVE',
        `The query's estimated cost is ${cells} cells (${describeCost(factors)}); the budget is ${perQuery} per query. ` +
          'Ask for fewer months, brands or dimensions.',
        { ...details, budget: perQuery, scope: 'query' },
      );
    }
    const charged = this.budgets.charge(request, cells, perRequest);
    if (!charged.ok) {
      throw new AppError(
        'QUERY_TOO_EXPENSIVE',
        `The query's estimated cost is ${cells} cells (${describeCost(factors)}); the other partner queries of ` +
          `this request have used ${charged.spent} of the request's budget of ${perRequest}. Send it in another request.`,
        { ...details, budget: perRequest, spent: charged.spent, scope: 'request' },
      );
    }
  }

  private sizes?: { at: number; value: Promise<DimensionSizes> };

  /** The register's counties and market areas, read at most once a minute. */
  private dimensionSizes(): Promise<DimensionSizes> {
    const now = Date.now();
    if (!this.sizes || now - this.sizes.at > 60_000) {
      const value = this.repository.dimensionSizes();
      this.sizes = { at: now, value };
      value.catch(() => (this.sizes = undefined));
    }
    return this.sizes.value;
  }

  async forecast(
    manufacturerId: number,
    brandId: number | undefined,
    brandCode: string | undefined,
    groupBy: PartnerForecastGroupBy[],
  ): Promise<PartnerForecastDto | null> {
    const brands = await this.selectBrands(
      manufacturerId,
      brandId === undefined || brandId === null ? [] : [brandId],
      brandCode ? [brandCode] : [],
    );
    const publication = await this.repository.latestPublication();
    if (!publication || !brands.length) return null;
    const minGroupSize = this.env.PARTNER_MIN_GROUP_SIZE;
    const cells = await this.repository.forecastCells({
      manufacturerId,
      runId: publication.runId,
      brandIds: brands.map((brand) => brand.id),
      groupBy,
      minGroupSize,
    });
    const rows = cells.map((cell) => ({
      ...cell,
      month: cell.month ?? null,
      districtCode: cell.districtCode ?? null,
      districtName: cell.districtName ?? null,
      suppressed: false,
      dims: {} as Record<string, string | null>,
    }));
    const lineParents: LineParents = {};
    if (groupBy.includes(PartnerForecastGroupBy.MONTH)) lineParents.month = [WHOLE];
    if (groupBy.includes(PartnerForecastGroupBy.COUNTY)) lineParents.district = [WHOLE];
    for (const row of rows) {
      row.dims = Object.fromEntries(
        Object.keys(lineParents).map((key) => [key, key === 'month' ? row.month : row.districtCode]),
      );
    }
    suppressSmallGroups(rows, lineParents, minGroupSize);
    const codeOf = new Map(brands.map((brand) => [brand.id, brand.code]));
    const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
    return {
      runMonth: publication.runMonth,
      publishedAt: publication.publishedAt,
      rows: rows
        .map((row): PartnerForecastRowDto => ({
          brandId: row.brandId,
          brandCode: codeOf.get(row.brandId)!,
          month: row.month,
          districtCode: row.districtCode,
          districtName: row.districtName,
          suppressed: row.suppressed,
          mean: row.suppressed ? null : round(row.mean),
          lo80: row.suppressed ? null : round(row.lo80),
          hi80: row.suppressed ? null : round(row.hi80),
          retailers: row.suppressed ? null : row.retailers,
        }))
        .sort((a, b) => compareRows(a, b)),
    };
  }
}

type Sortable = { brandCode: string; month: string | null; districtCode: string | null } & Partial<
  Record<'businessType' | 'marketType' | 'tierBand', string | null>
>;

/** Rows by brand, month, district, then segment: a stable order, whatever order the database used. */
function compareRows(a: Sortable, b: Sortable): number {
  const key = (row: Sortable) =>
    [row.brandCode, row.month, row.districtCode, row.businessType, row.marketType, row.tierBand].map(
      (value) => value ?? '',
    );
  const [left, right] = [key(a), key(b)];
  for (let index = 0; index < left.length; index += 1) {
    const order = left[index].localeCompare(right[index]);
    if (order) return order;
  }
  return 0;
}
