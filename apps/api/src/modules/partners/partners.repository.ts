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

/** One aggregated cell as the database returns it; figures are already null for groups under the minimum. */
export interface SalesCellRow {
  brandId: number;
  month: string | null;
  districtCode: string | null;
  districtName: string | null;
  parentCode: string | null;
  businessType: string | null;
  marketType: string | null;
  tierBand: string | null;
  cartons: string | null;
  amount: string | null;
  orderingRetailers: number;
  /**
   * The fewest distinct retailers in any one month of the range that has sales in the cell. Two answers
   * over different month ranges can be subtracted: what the difference reveals is a sum of whole months of
   * the cell, so it is safe only if every month with sales has enough retailers.
   */
  leastMonthlyRetailers: number;
}

export interface PopulationRow {
  districtCode: string | null;
  businessType: string | null;
  marketType: string | null;
  tierBand: string | null;
  retailerCount: number;
}

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
 * top of the service's check of the brands asked for, and aggregates with GROUP BY; groups under the minimum
 * size get null figures in SQL already (HAVING-like CASE on the distinct retailer count).
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

  async salesCells(query: {
    manufacturerId: number;
    brandIds: number[];
    fromMonth: string;
    toMonth: string;
    groupBy: PartnerGroupBy[];
    minGroupSize: number;
  }): Promise<SalesCellRow[]> {
    const params: unknown[] = [
      query.manufacturerId,
      `${query.fromMonth}-01`,
      `${query.toMonth}-01`,
      query.brandIds,
    ];
    const level = geoLevel(query.groupBy);
    let cte = '';
    if (level) {
      params.push(level);
      cte = `WITH ${GEO_CTE.replace('$LEVEL', `$${params.length}`)}`;
    }
    const select = query.groupBy.flatMap((dimension) => DIMENSION_SQL[dimension].select);
    const group = query.groupBy.flatMap((dimension) => DIMENSION_SQL[dimension].group);
    const from = `FROM monthly_sales s
         JOIN brand b ON b.id = s.brand_id
         JOIN retailer r ON r.id = s.retailer_id
         ${level ? 'LEFT JOIN geo g ON g.district_id = r.district_id' : ''}
        WHERE b.manufacturer_id = $1 AND s.brand_id = ANY($4::int[])
          AND s.month BETWEEN $2::date AND $3::date`;
    const columns = (list: string[]) => list.map((column) => `, ${column}`).join('');
    const aliases = select.map((column) => column.slice(column.lastIndexOf(' AS ') + 4));
    const minimum = `$${params.length + 1}`;
    const [cells, monthly] = await Promise.all([
      this.db.query<Omit<SalesCellRow, 'leastMonthlyRetailers'>[]>(
        `${cte}
       SELECT s.brand_id AS "brandId" ${columns(select)},
              CASE WHEN count(DISTINCT s.retailer_id) >= ${minimum} THEN sum(s.cartons)::text END AS cartons,
              CASE WHEN count(DISTINCT s.retailer_id) >= ${minimum} THEN sum(s.amount)::text END AS amount,
              count(DISTINCT s.retailer_id)::int AS "orderingRetailers"
         ${from}
        GROUP BY s.brand_id ${columns(group)}
       HAVING sum(s.cartons) <> 0 OR sum(s.amount) <> 0`,
        [...params, query.minGroupSize],
      ),
      this.db.query<Array<Record<string, unknown> & { least: number }>>(
        `${cte}
       SELECT "brandId" ${columns(aliases)}, min(retailers)::int AS least
         FROM (SELECT s.brand_id AS "brandId" ${columns(select)}, count(DISTINCT s.retailer_id) AS retailers
                 ${from}
                GROUP BY s.brand_id ${columns(group)}, s.month
               HAVING sum(s.cartons) <> 0 OR sum(s.amount) <> 0) per_month
        GROUP BY "brandId" ${columns(aliases)}`,
        params,
      ),
    ]);
    const names = ['brandId', ...aliases.map((alias) => alias.replace(/"/g, ''))];
    const keyOf = (row: Record<string, unknown>) => JSON.stringify(names.map((name) => row[name] ?? null));
    const least = new Map(monthly.map((row) => [keyOf(row), row.least]));
    return cells.map((cell) => ({
      ...cell,
      leastMonthlyRetailers: least.get(keyOf(cell as unknown as Record<string, unknown>)) ?? 0,
    }));
  }

  /** Active retailers per group of the non-time dimensions: the denominator of coverage. */
  async population(groupBy: PartnerGroupBy[]): Promise<PopulationRow[]> {
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
    return this.db.query(
      `${cte}
       SELECT count(*)::int AS "retailerCount" ${select.map((column) => `, ${column}`).join('')}
         FROM retailer r
         ${level ? 'LEFT JOIN geo g ON g.district_id = r.district_id' : ''}
        WHERE r.status = 'active'
        ${group.length ? `GROUP BY ${group.join(', ')}` : ''}`,
      params,
    );
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
