import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LevelScore } from './accuracy-accumulator';
import { readSlice, type SliceRows } from './slice-query';

@Injectable()
export class AccuracyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The month after the latest month with any sales (`YYYY-MM`), or null without sales. */
  async monthAfterLatestActuals(): Promise<string | null> {
    const [row] = await this.db.query(
      `SELECT to_char(max(month) + interval '1 month', 'YYYY-MM') AS month FROM monthly_sales`,
    );
    return row?.month ?? null;
  }

  async retailerIdRange(): Promise<{ min: number; max: number } | null> {
    const [row] = await this.db.query('SELECT min(id) AS min, max(id) AS max FROM retailer');
    return row.min === null ? null : { min: row.min, max: row.max };
  }

  /** History from `historyStart` up to and including `period` (month index = months since historyStart). */
  slice(
    runId: string | null,
    period: string,
    historyStart: string,
    firstRetailerId: number,
    lastRetailerId: number,
  ): Promise<SliceRows> {
    return readSlice(
      (sql, parameters) => this.db.query(sql, parameters),
      { first: firstRetailerId, last: lastRetailerId },
      historyStart,
      period,
      runId,
    );
  }

  async forecastPeriods(runId: string, before: string): Promise<string[]> {
    const rows = await this.db.query(
      `SELECT DISTINCT to_char(period, 'YYYY-MM-DD') AS period FROM forecast_value
        WHERE run_id = $1 AND period < $2::date ORDER BY 1`,
      [runId, before],
    );
    return rows.map((row: { period: string }) => row.period);
  }

  async save(runId: string, period: string, scores: LevelScore[]): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query('DELETE FROM forecast_accuracy WHERE run_id = $1 AND period = $2::date', [
        runId,
        period,
      ]);
      await manager.query(
        `INSERT INTO forecast_accuracy (run_id, period, level, key, series_count, actual, forecast, agreement, wape, bias, scaled_error)
         SELECT $1, $2::date, * FROM unnest($3::text[], $4::text[], $5::int[], $6::float8[], $7::float8[], $8::float8[],
                                          $9::float8[], $10::float8[], $11::float8[])`,
        [
          runId,
          period,
          scores.map((s) => s.level),
          scores.map((s) => s.key),
          scores.map((s) => s.units),
          scores.map((s) => s.actual),
          scores.map((s) => s.forecast),
          scores.map((s) => s.agreement),
          scores.map((s) => s.wape),
          scores.map((s) => s.bias),
          scores.map((s) => s.scaledError),
        ],
      );
    });
  }

  async find(filter: { runId?: string; period?: string; level?: string; publishedOnly?: boolean }) {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.runId) clauses.push(`a.run_id = $${params.push(filter.runId)}`);
    if (filter.period) clauses.push(`a.period = $${params.push(`${filter.period}-01`)}::date`);
    if (filter.level) clauses.push(`a.level = $${params.push(filter.level)}`);
    if (filter.publishedOnly) clauses.push('a.run_id IN (SELECT run_id FROM forecast_publication)');
    return this.db.query(
      `SELECT a.run_id AS "runId", to_char(a.period, 'YYYY-MM') AS period, a.level, a.key,
              CASE WHEN a.level = 'brand' AND a.key <> '*' THEN b.name END AS "keyName",
              a.series_count AS "seriesCount", a.actual, a.forecast, a.agreement, a.wape, a.bias,
              a.scaled_error AS "scaledError"
         FROM forecast_accuracy a
         LEFT JOIN brand b ON a.level = 'brand' AND b.id::text = a.key
        ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY a.period, a.level, a.key = '*' DESC, a.actual DESC
        LIMIT 2000`,
      params,
    );
  }
}
