import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrderCycle } from '@tms/calendar';
import type { DataSource, EntityManager } from 'typeorm';
import { monthIndexSql, type ChunkForecast, type HistoryRow } from './chunk-forecaster';
import { ForecastRunEntity, type ForecastRunState, type ForecastScope } from '../forecast-run.entity';

export interface ChunkPlan {
  chunkNo: number;
  firstRetailerId: number;
  lastRetailerId: number;
  retailers: number;
}

/** SQL of the month-end run: planning, history reads and the bulk write of forecasts. */
@Injectable()
export class ForecastRunsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get manager(): EntityManager {
    return this.db.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findActive(month: string, scopeKey: string): Promise<ForecastRunEntity | null> {
    return this.db.getRepository(ForecastRunEntity).findOne({
      where: [
        { month, scopeKey, state: 'queued' },
        { month, scopeKey, state: 'running' },
      ],
    });
  }

  findById(id: string, manager: EntityManager = this.db.manager): Promise<ForecastRunEntity | null> {
    return manager.getRepository(ForecastRunEntity).findOneBy({ id });
  }

  async nextVersion(manager: EntityManager, month: string): Promise<number> {
    // Serialises version numbering per month across API processes.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`forecast-run-${month}`]);
    const [{ next }] = await manager.query(
      'SELECT coalesce(max(version), 0) + 1 AS next FROM forecast_run WHERE month = $1',
      [month],
    );
    return Number(next);
  }

  /** Retailers in scope that sold in the active window, cut into contiguous id ranges. */
  async planChunks(
    manager: EntityManager,
    scope: ForecastScope,
    activeFrom: string,
    before: string,
    chunkSize: number,
  ): Promise<ChunkPlan[]> {
    const params: unknown[] = [activeFrom, before, chunkSize];
    const conditions: string[] = [];
    if (scope.brandIds?.length) {
      params.push(scope.brandIds);
      conditions.push(`s.brand_id = ANY($${params.length})`);
    }
    if (scope.districtIds?.length) {
      params.push(scope.districtIds);
      conditions.push(`r.district_id IN (SELECT d.id FROM district d JOIN district root ON d.path LIKE root.path || '%'
                                           WHERE root.id = ANY($${params.length}))`);
    }
    const rows: Array<{ chunk_no: number; first_id: number; last_id: number; retailers: number }> =
      await manager.query(
        `WITH active AS (
         SELECT DISTINCT s.retailer_id FROM monthly_sales s JOIN retailer r ON r.id = s.retailer_id
          WHERE s.month >= $1 AND s.month < $2 ${conditions.map((c) => `AND ${c}`).join(' ')}
       ), numbered AS (
         SELECT retailer_id, (row_number() OVER (ORDER BY retailer_id) - 1) / $3 AS chunk_no FROM active
       )
       SELECT chunk_no::int, min(retailer_id) AS first_id, max(retailer_id) AS last_id, count(*)::int AS retailers
         FROM numbered GROUP BY chunk_no ORDER BY chunk_no`,
        params,
      );
    return rows.map((row) => ({
      chunkNo: row.chunk_no,
      firstRetailerId: row.first_id,
      lastRetailerId: row.last_id,
      retailers: row.retailers,
    }));
  }

  /** One query per chunk: the slice's whole history window. */
  async readHistory(
    run: ForecastRunEntity,
    firstRetailerId: number,
    lastRetailerId: number,
    historyStart: string,
  ): Promise<HistoryRow[]> {
    const params: unknown[] = [firstRetailerId, lastRetailerId, historyStart, run.month];
    let brandCondition = '';
    if (run.scope.brandIds?.length) {
      params.push(run.scope.brandIds);
      brandCondition = `AND s.brand_id = ANY($${params.length})`;
    }
    let districtCondition = '';
    if (run.scope.districtIds?.length) {
      params.push(run.scope.districtIds);
      districtCondition = `AND s.retailer_id IN (SELECT r.id FROM retailer r JOIN district d ON d.id = r.district_id
        JOIN district root ON d.path LIKE root.path || '%' WHERE root.id = ANY($${params.length})
        AND r.id BETWEEN $1 AND $2)`;
    }
    const rows: Array<{ retailer_id: number; brand_id: number; month_index: number; cartons: number }> =
      await this.db.query(
        `SELECT s.retailer_id, s.brand_id,
                ${monthIndexSql('s.month', '$3')} AS month_index,
                s.cartons
           FROM monthly_sales s
          WHERE s.retailer_id BETWEEN $1 AND $2 AND s.month >= $3::date AND s.month < $4::date
                ${brandCondition} ${districtCondition}`,
        params,
      );
    return rows.map((row) => ({
      retailerId: row.retailer_id,
      brandId: row.brand_id,
      monthIndex: row.month_index,
      cartons: row.cartons,
    }));
  }

  async orderCycles(
    firstRetailerId: number,
    lastRetailerId: number,
  ): Promise<Map<number, { orderDay: number; visitCycle: OrderCycle }>> {
    const rows: Array<{ id: number; order_day: number; visit_cycle: OrderCycle }> = await this.db.query(
      'SELECT id, order_day, visit_cycle FROM retailer WHERE id BETWEEN $1 AND $2',
      [firstRetailerId, lastRetailerId],
    );
    return new Map(rows.map((row) => [row.id, { orderDay: row.order_day, visitCycle: row.visit_cycle }]));
  }

  async withdrawnBrandIds(before: string): Promise<Set<number>> {
    const rows: Array<{ id: number }> = await this.db.query(
      `SELECT id FROM brand WHERE status = 'withdrawn' AND (withdrawn_on IS NULL OR withdrawn_on <= $1::date)`,
      [before],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Replaces the chunk's rows (a retried chunk rewrites, never duplicates). */
  async writeForecasts(
    manager: EntityManager,
    runId: string,
    firstPeriod: string,
    chunk: { firstRetailerId: number; lastRetailerId: number },
    result: ChunkForecast,
  ): Promise<void> {
    await manager.query('DELETE FROM forecast_value WHERE run_id = $1 AND retailer_id BETWEEN $2 AND $3', [
      runId,
      chunk.firstRetailerId,
      chunk.lastRetailerId,
    ]);
    const batch = 50_000;
    for (let start = 0; start < result.mean.length; start += batch) {
      const end = Math.min(result.mean.length, start + batch);
      const slice = <T extends { subarray(a: number, b: number): T }>(array: T) =>
        Array.from(array.subarray(start, end) as unknown as ArrayLike<number>);
      await manager.query(
        `INSERT INTO forecast_value (run_id, retailer_id, brand_id, period, method, mean, lo80, hi80, lo95, hi95)
         SELECT $1, retailer_id, brand_id, ($2::date + make_interval(months => step))::date, method,
                mean, lo80, hi80, lo95, hi95
           FROM unnest($3::int[], $4::int[], $5::int[], $6::text[], $7::real[], $8::real[], $9::real[],
                       $10::real[], $11::real[])
             AS t(retailer_id, brand_id, step, method, mean, lo80, hi80, lo95, hi95)`,
        [
          runId,
          firstPeriod,
          slice(result.retailerIds),
          slice(result.brandIds),
          slice(result.steps),
          result.methods.slice(start, end),
          slice(result.mean),
          slice(result.lo80),
          slice(result.hi80),
          slice(result.lo95),
          slice(result.hi95),
        ],
      );
    }
  }

  async setState(id: string, state: ForecastRunState, extra: Partial<ForecastRunEntity> = {}): Promise<void> {
    await this.db.getRepository(ForecastRunEntity).update({ id }, { state, ...extra });
  }
}
