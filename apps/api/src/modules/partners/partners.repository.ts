import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PartnerForecastGroupBy, PartnerGroupBy } from './dto/partner.dto';

export interface OwnBrand {
  id: number;
  code: string;
  name: string;
  status: string;
  priceClass: number;
  scarce: boolean;
  packType: string;
}

/**
 * One aggregated cell as the database returns it, with what the perturbation needs (ADR 8): exact figures,
 * the largest single retailer's contribution, and the sums of the members' keys. Never sent as such.
 */
export interface SalesCellRow {
  brandId: number;
  month: string | null;
  districtCode: string | null;
  districtName: string | null;
  parentCode: string | null;
  businessType: string | null;
  marketType: string | null;
  tierBand: string | null;
  cartons: string;
  amount: string;
  topCartons: string;
  topAmount: string;
  orderingRetailers: number;
  /**
   * The fewest distinct retailers in any one month of the range that has sales in the cell. Two answers
   * over different month ranges can be subtracted: what the difference reveals is a sum of whole months of
   * the cell, so it is safe only if every month with sales has enough retailers.
   */
  leastMonthlyRetailers: number;
  /** Sum of the distinct retailers' keys mod 2³² (text: a bigint). */
  countKey: string;
  /** Sum of the records' (retailer × month) keys mod 2³². */
  recordKey: string;
}

export interface PopulationRow {
  districtCode: string | null;
  businessType: string | null;
  marketType: string | null;
  tierBand: string | null;
  retailerCount: number;
  /** Sum of the retailers' keys mod 2³². */
  populationKey: string;
}

/** How many values each dimension can take: what a query's cost estimate multiplies. */
export interface DimensionSizes {
  counties: number;
  marketAreas: number;
}

/** A statement cancelled by `statement_timeout`. */
export class StatementTimeoutError extends Error {}

export interface ForecastCellRow {
  brandId: number;
  month: string | null;
  districtCode: string | null;
  districtName: string | null;
  mean: number | null;
  lo80: number | null;
  hi80: number | null;
  retailers: number;
}

/** SQL of each dimension: fixed text chosen from this table, never from input; values are parameters. */
const DIMENSION_SQL: Record<PartnerGroupBy, { select: string[]; group: string[] }> = {
  [PartnerGroupBy.MONTH]: { select: [`to_char(s.month, 'YYYY-MM') AS month`], group: ['s.month'] },
  [PartnerGroupBy.COUNTY]: {
    select: ['g.code AS "districtCode"', 'g.name AS "districtName"', 'g.parent_code AS "parentCode"'],
    group: ['g.code', 'g.name', 'g.parent_code'],
  },
  [PartnerGroupBy.MARKET_AREA]: {
    select: ['g.code AS "districtCode"', 'g.name AS "districtName"', 'g.parent_code AS "parentCode"'],
    group: ['g.code', 'g.name', 'g.parent_code'],
  },
  [PartnerGroupBy.BUSINESS_TYPE]: {
    select: ['r.business_type AS "businessType"'],
    group: ['r.business_type'],
  },
  [PartnerGroupBy.MARKET_TYPE]: { select: ['r.market_type AS "marketType"'], group: ['r.market_type'] },
  [PartnerGroupBy.TIER_BAND]: {
    select: [`((r.tier - 1) / 5 * 5 + 1) || '-' || ((r.tier - 1) / 5 * 5 + 5) AS "tierBand"`],
    group: ['(r.tier - 1) / 5'],
  },
};

/** Each retailer's district mapped to its county or market area (the level is a parameter). */
const GEO_CTE = `geo AS (
  SELECT d.id AS district_id, a.code, a.name, p.code AS parent_code
    FROM district d
    JOIN district a ON a.level = $LEVEL AND d.path LIKE a.path || '%'
    LEFT JOIN district p ON p.id = a.parent_id
)`;

function geoLevel(groupBy: readonly string[]): 'county' | 'market_area' | null {
  if (groupBy.includes(PartnerGroupBy.COUNTY)) return 'county';
  if (groupBy.includes(PartnerGroupBy.MARKET_AREA)) return 'market_area';
  return null;
}

/**
 * The partner queries. Every one is restricted by the manufacturer in SQL (brand.manufacturer_id = $1), on
 * top of the service's check of the brands asked for, and aggregates with GROUP BY. The sales cells come
 * back exact, with what the cell-key perturbation needs; the service perturbs or suppresses every figure
 * before it leaves (ADR 8). The forecast's groups under the minimum get null figures in SQL already.
 */
@Injectable()
export class PartnersRepository {
  constructor(private readonly db: DataSource) {}

  brandsOf(manufacturerId: number): Promise<OwnBrand[]> {
    return this.db.query(
      `SELECT id, code, name, status, price_class AS "priceClass", scarce, pack_type AS "packType"
         FROM brand WHERE manufacturer_id = $1 ORDER BY code`,
      [manufacturerId],
    );
  }

  /**
   * The cells of a sales query and the register's population of the same groups, in one transaction whose
   * statements are bounded by `statement_timeout` (a query cancelled by it throws StatementTimeoutError).
   * All the work over sales rows is GROUP BY in the database: Node receives one row per cell.
   */
  async salesCells(query: {
    manufacturerId: number;
    brandIds: number[];
    fromMonth: string;
    toMonth: string;
    /** Each month of the range with the constant its records' keys are mixed with. */
    monthConstants: Array<{ month: string; constant: number }>;
    groupBy: PartnerGroupBy[];
    timeoutMs: number;
  }): Promise<{ cells: SalesCellRow[]; population: PopulationRow[] }> {
    try {
      return await this.db.transaction(async (manager) => {
        // An integer, not a parameter: SET takes no bind parameters.
        await manager.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(query.timeoutMs))}`);
        const cells = await manager.query<SalesCellRow[]>(...this.salesSql(query));
        const population = await manager.query<PopulationRow[]>(...this.populationSql(query.groupBy));
        return { cells, population };
      });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '57014') {
        throw new StatementTimeoutError('statement timeout');
      }
      throw error;
    }
  }

  private salesSql(query: Parameters<PartnersRepository['salesCells']>[0]): [string, unknown[]] {
    const params: unknown[] = [
      query.manufacturerId,
      `${query.fromMonth}-01`,
      `${query.toMonth}-01`,
      query.brandIds,
      query.monthConstants.map((entry) => `${entry.month}-01`),
      query.monthConstants.map((entry) => entry.constant),
    ];
    const level = geoLevel(query.groupBy);
    let geo = '';
    if (level) {
      params.push(level);
      geo = `${GEO_CTE.replace('$LEVEL', `$${params.length}`)},`;
    }
    const select = query.groupBy.flatMap((dimension) => DIMENSION_SQL[dimension].select);
    const aliases = select.map((column) => column.slice(column.lastIndexOf(' AS ') + 4));
    const list = (columns: string[], prefix = '') => columns.map((column) => `, ${prefix}${column}`).join('');
    const same = aliases.map((alias) => ` AND c.${alias} IS NOT DISTINCT FROM m.${alias}`).join('');
    // Rows by brand, month, district, then segment, as the API returns them (C collation: stable everywhere).
    const order = ['month', '"districtCode"', '"businessType"', '"marketType"', '"tierBand"']
      .filter((column) => aliases.includes(column))
      .map((column) => `, c.${column} COLLATE "C"`)
      .join('');
    const sql = `WITH ${geo}
       months (month, constant) AS (SELECT * FROM unnest($5::date[], $6::bigint[])),
       base AS MATERIALIZED (
         SELECT s.brand_id AS "brandId" ${list(select)}, s.retailer_id, s.month AS sales_month,
                s.cartons, s.amount, k.key, k.key # m.constant AS record_key
           FROM monthly_sales s
           JOIN months m ON m.month = s.month
           JOIN brand b ON b.id = s.brand_id
           JOIN retailer r ON r.id = s.retailer_id
           JOIN retailer_perturbation_key k ON k.retailer_id = s.retailer_id
           ${level ? 'LEFT JOIN geo g ON g.district_id = r.district_id' : ''}
          WHERE b.manufacturer_id = $1 AND s.brand_id = ANY($4::int[])
            AND s.month BETWEEN $2::date AND $3::date
       ),
       per_retailer AS (
         SELECT "brandId" ${list(aliases)}, retailer_id, min(key) AS key, sum(cartons) AS cartons,
                sum(amount) AS amount, sum(record_key) AS record_keys
           FROM base GROUP BY "brandId" ${list(aliases)}, retailer_id
       ),
       cells AS (
         SELECT "brandId" ${list(aliases)}, count(*)::int AS "orderingRetailers",
                sum(cartons)::text AS cartons, sum(amount)::text AS amount,
                max(cartons)::text AS "topCartons", max(amount)::text AS "topAmount",
                (sum(key) % 4294967296)::text AS "countKey", (sum(record_keys) % 4294967296)::text AS "recordKey"
           FROM per_retailer GROUP BY "brandId" ${list(aliases)}
         HAVING sum(cartons) <> 0 OR sum(amount) <> 0
       ),
       monthly AS (
         SELECT "brandId" ${list(aliases)}, min(retailers)::int AS least
           FROM (SELECT "brandId" ${list(aliases)}, count(*) AS retailers
                   FROM base GROUP BY "brandId" ${list(aliases)}, sales_month
                 HAVING sum(cartons) <> 0 OR sum(amount) <> 0) per_month
          GROUP BY "brandId" ${list(aliases)}
       )
       SELECT c.*, coalesce(m.least, 0) AS "leastMonthlyRetailers"
         FROM cells c
         JOIN brand b ON b.id = c."brandId"
         LEFT JOIN monthly m ON m."brandId" = c."brandId" ${same}
        ORDER BY b.code COLLATE "C" ${order}`;
    return [sql, params];
  }

  /** Active retailers per group of the non-time dimensions: the denominator of coverage. */
  private populationSql(groupBy: PartnerGroupBy[]): [string, unknown[]] {
    const dimensions = groupBy.filter((dimension) => dimension !== PartnerGroupBy.MONTH);
    const params: unknown[] = [];
    const level = geoLevel(dimensions);
    let cte = '';
    if (level) {
      params.push(level);
      cte = `WITH ${GEO_CTE.replace('$LEVEL', '$1')}`;
    }
    const select = dimensions.flatMap((dimension) => DIMENSION_SQL[dimension].select);
    const group = dimensions.flatMap((dimension) => DIMENSION_SQL[dimension].group);
    return [
      `${cte}
       SELECT count(*)::int AS "retailerCount", (sum(k.key) % 4294967296)::text AS "populationKey"
              ${select.map((column) => `, ${column}`).join('')}
         FROM retailer r
         JOIN retailer_perturbation_key k ON k.retailer_id = r.id
         ${level ? 'LEFT JOIN geo g ON g.district_id = r.district_id' : ''}
        WHERE r.status = 'active'
        ${group.length ? `GROUP BY ${group.join(', ')}` : ''}`,
      params,
    ];
  }

  /** How many counties and market areas the register has (the other dimensions have fixed domains). */
  async dimensionSizes(): Promise<DimensionSizes> {
    const [row] = await this.db.query(
      `SELECT count(*) FILTER (WHERE level = 'county')::int AS counties,
              count(*) FILTER (WHERE level = 'market_area')::int AS "marketAreas"
         FROM district`,
    );
    return row;
  }

  async latestPublication(): Promise<{ runId: string; runMonth: string; publishedAt: Date } | null> {
    const [row] = await this.db.query(
      `SELECT run_id AS "runId", to_char(month, 'YYYY-MM') AS "runMonth", published_at AS "publishedAt"
         FROM forecast_publication ORDER BY month DESC LIMIT 1`,
    );
    return row ?? null;
  }

  async forecastCells(query: {
    manufacturerId: number;
    runId: string;
    brandIds: number[];
    groupBy: PartnerForecastGroupBy[];
    minGroupSize: number;
  }): Promise<ForecastCellRow[]> {
    const params: unknown[] = [query.manufacturerId, query.runId, query.brandIds, query.minGroupSize];
    const byCounty = query.groupBy.includes(PartnerForecastGroupBy.COUNTY);
    const byMonth = query.groupBy.includes(PartnerForecastGroupBy.MONTH);
    let cte = '';
    if (byCounty) {
      params.push('county');
      cte = `WITH ${GEO_CTE.replace('$LEVEL', `$${params.length}`)}`;
    }
    const select = [
      ...(byMonth ? [`to_char(f.period, 'YYYY-MM') AS month`] : []),
      ...(byCounty ? ['g.code AS "districtCode"', 'g.name AS "districtName"'] : []),
    ];
    const group = [...(byMonth ? ['f.period'] : []), ...(byCounty ? ['g.code', 'g.name'] : [])];
    const positive = 'count(DISTINCT f.retailer_id) FILTER (WHERE f.mean > 0)';
    return this.db.query(
      `${cte}
       SELECT f.brand_id AS "brandId" ${select.map((column) => `, ${column}`).join('')},
              CASE WHEN ${positive} >= $4 THEN sum(f.mean)::float8 END AS mean,
              CASE WHEN ${positive} >= $4 THEN sum(f.lo80)::float8 END AS lo80,
              CASE WHEN ${positive} >= $4 THEN sum(f.hi80)::float8 END AS hi80,
              ${positive}::int AS retailers
         FROM forecast_value f
         JOIN brand b ON b.id = f.brand_id
         JOIN retailer r ON r.id = f.retailer_id
         ${byCounty ? 'LEFT JOIN geo g ON g.district_id = r.district_id' : ''}
        WHERE f.run_id = $2 AND b.manufacturer_id = $1 AND f.brand_id = ANY($3::int[])
        GROUP BY f.brand_id ${group.map((column) => `, ${column}`).join('')}
       HAVING sum(f.mean) > 0`,
      params,
    );
  }
}
