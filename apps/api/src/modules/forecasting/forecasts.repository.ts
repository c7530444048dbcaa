import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { retailerScopeCondition } from '../../common/database/retailer-scope';
import { currentScope } from '../../common/http/request-context';

export type SeriesLevel = 'company' | 'brand' | 'district' | 'retailer';

export interface SeriesSelector {
  level: SeriesLevel;
  /** District id or retailer id, by level. */
  id?: number;
  /** Restricts any level to one brand. */
  brandId?: number;
}

/** SQL for history + forecast series at any level; aggregates add means and combine interval widths. */
@Injectable()
export class ForecastsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private filter(selector: SeriesSelector, alias: string, params: unknown[]): string {
    const clauses: string[] = [];
    if (selector.brandId) {
      params.push(selector.brandId);
      clauses.push(`${alias}.brand_id = $${params.length}`);
    }
    if (selector.level === 'retailer' && selector.id) {
      params.push(selector.id);
      clauses.push(`${alias}.retailer_id = $${params.length}`);
    }
    if (selector.level === 'district' && selector.id) {
      params.push(selector.id);
      clauses.push(`${alias}.retailer_id IN (SELECT r.id FROM retailer r JOIN district d ON d.id = r.district_id
        WHERE d.path LIKE (SELECT path FROM district WHERE id = $${params.length}) || '%')`);
    }
    const scoped = retailerScopeCondition(currentScope(), `${alias}.retailer_id`, params);
    if (scoped) clauses.push(scoped);
    return clauses.map((clause) => `AND ${clause}`).join(' ');
  }

  async history(
    selector: SeriesSelector,
    from: string,
    before: string,
  ): Promise<Array<{ month: string; cartons: number }>> {
    const params: unknown[] = [from, before];
    const where = this.filter(selector, 's', params);
    return this.db.query(
      `SELECT to_char(s.month, 'YYYY-MM') AS month, sum(s.cartons)::float8 AS cartons
         FROM monthly_sales s WHERE s.month >= $1::date AND s.month < $2::date ${where}
        GROUP BY s.month ORDER BY s.month`,
      params,
    );
  }

  async forecast(
    selector: SeriesSelector,
    runId: string,
  ): Promise<
    Array<{
      month: string;
      mean: number;
      lo80: number;
      hi80: number;
      lo95: number;
      hi95: number;
      series: number;
    }>
  > {
    const params: unknown[] = [runId];
    const where = this.filter(selector, 'f', params);
    // Independent errors: the half-width of a sum is the root of the summed squared half-widths.
    return this.db.query(
      `SELECT to_char(f.period, 'YYYY-MM') AS month, sum(f.mean)::float8 AS mean,
              greatest(0, sum(f.mean) - sqrt(sum(power(f.mean - f.lo80, 2))))::float8 AS lo80,
              (sum(f.mean) + sqrt(sum(power(f.hi80 - f.mean, 2))))::float8 AS hi80,
              greatest(0, sum(f.mean) - sqrt(sum(power(f.mean - f.lo95, 2))))::float8 AS lo95,
              (sum(f.mean) + sqrt(sum(power(f.hi95 - f.mean, 2))))::float8 AS hi95,
              count(*)::int AS series
         FROM forecast_value f WHERE f.run_id = $1 ${where}
        GROUP BY f.period ORDER BY f.period`,
      params,
    );
  }

  /** The month after the last month with sales: where a forecast would start. */
  async monthAfterLatestSales(): Promise<string | null> {
    const [row] = await this.db.query(
      `SELECT to_char(max(month) + interval '1 month', 'YYYY-MM') AS month FROM monthly_sales`,
    );
    return row?.month ?? null;
  }

  async latestPublishedRun(): Promise<{ runId: string; month: string } | null> {
    const [row] = await this.db.query(
      `SELECT run_id AS "runId", to_char(month, 'YYYY-MM') AS month FROM forecast_publication ORDER BY month DESC LIMIT 1`,
    );
    return row ?? null;
  }
}
