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
import { PartnersRepository, type OwnBrand } from './partners.repository';
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

const number = (value: string | number | null): number | null => (value === null ? null : Number(value));

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

  async sales(manufacturerId: number, filter: PartnerSalesFilter): Promise<PartnerSalesRowDto[]> {
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
    const minGroupSize = this.env.PARTNER_MIN_GROUP_SIZE;
    const [cells, population] = await Promise.all([
      this.repository.salesCells({
        manufacturerId,
        brandIds: brands.map((brand) => brand.id),
        fromMonth: filter.fromMonth,
        toMonth: filter.toMonth,
        groupBy,
        minGroupSize,
      }),
      this.repository.population(groupBy),
    ]);
    const populationKey = (row: {
      districtCode: string | null;
      businessType: string | null;
      marketType: string | null;
      tierBand: string | null;
    }) => JSON.stringify([row.districtCode, row.businessType, row.marketType, row.tierBand]);
    const retailersIn = new Map(
      population.map((row) => [
        populationKey({
          districtCode: row.districtCode ?? null,
          businessType: row.businessType ?? null,
          marketType: row.marketType ?? null,
          tierBand: row.tierBand ?? null,
        }),
        row.retailerCount,
      ]),
    );
    const codeOf = new Map(brands.map((brand) => [brand.id, brand.code]));
    const rows = cells.map((cell) => {
      const row = {
        brandId: cell.brandId,
        month: cell.month ?? null,
        districtCode: cell.districtCode ?? null,
        districtName: cell.districtName ?? null,
        parentCode: cell.parentCode ?? null,
        businessType: cell.businessType ?? null,
        marketType: cell.marketType ?? null,
        tierBand: cell.tierBand ?? null,
        cartons: number(cell.cartons),
        amount: number(cell.amount),
        orderingRetailers: cell.orderingRetailers,
        // what suppression weighs: see SalesCellRow.leastMonthlyRetailers
        retailers: Math.min(cell.orderingRetailers, cell.leastMonthlyRetailers),
        suppressed: false,
        dims: {} as Record<string, string | null>,
      };
      row.dims = {
        [PartnerGroupBy.MONTH]: row.month,
        district: row.districtCode,
        [PartnerGroupBy.BUSINESS_TYPE]: row.businessType,
        [PartnerGroupBy.MARKET_TYPE]: row.marketType,
        [PartnerGroupBy.TIER_BAND]: row.tierBand,
      };
      return row;
    });
    const lineParents: LineParents = {};
    for (const dimension of groupBy) {
      if (dimension === PartnerGroupBy.MARKET_AREA) {
        // Market areas add up to their county (a COUNTY query) and to the city (no district grouping).
        lineParents.district = [(cell) => (cell as (typeof rows)[number]).parentCode, WHOLE];
      } else if (dimension === PartnerGroupBy.COUNTY) {
        lineParents.district = [WHOLE];
      } else {
        lineParents[dimension] = [WHOLE];
      }
    }
    // Only the grouped dimensions take part in lines.
    for (const row of rows) {
      row.dims = Object.fromEntries(Object.keys(lineParents).map((key) => [key, row.dims[key]]));
    }
    suppressSmallGroups(rows, lineParents, minGroupSize);
    return rows
      .map((row): PartnerSalesRowDto => {
        const retailerCount = retailersIn.get(populationKey(row)) ?? null;
        const shown = !row.suppressed;
        return {
          brandId: row.brandId,
          brandCode: codeOf.get(row.brandId)!,
          month: row.month,
          districtCode: row.districtCode,
          districtName: row.districtName,
          businessType: row.businessType,
          marketType: row.marketType,
          tierBand: row.tierBand,
          suppressed: row.suppressed,
          cartons: shown ? row.cartons : null,
          amount: shown ? row.amount : null,
          orderingRetailers: shown ? row.orderingRetailers : null,
          retailerCount: shown ? retailerCount : null,
          coverage:
            shown && retailerCount
              ? Math.round((row.orderingRetailers / retailerCount) * 10000) / 10000
              : null,
        };
      })
      .sort((a, b) => compareRows(a, b));
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
