import type { FestivalProfile } from '@tms/forecasting';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export const FORECAST_RUN_STATES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type ForecastRunState = (typeof FORECAST_RUN_STATES)[number];

export interface ForecastScope {
  districtIds?: number[];
  brandIds?: number[];
}

/**
 * One month-end forecast run: the record of who started it, for what, with which engine, how far it got and
 * how it ended. A month can have several runs (versions); one of them is published.
 */
@Entity('forecast_run')
@Unique('forecast_run_month_version_key', ['month', 'version'])
@Index('forecast_run_active_idx', ['month', 'scopeKey'], {
  unique: true,
  where: `state IN ('queued', 'running')`,
})
export class ForecastRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** First forecast month (first day of it). */
  @Column({ type: 'date' })
  month!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  state!: ForecastRunState;

  @Column({ type: 'smallint' })
  horizon!: number;

  @Column({ type: 'varchar', length: 16 })
  method!: string;

  @Column({ type: 'varchar', length: 16 })
  holidays!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  scope!: ForecastScope;

  /** Scope and parameters in canonical form: a second start of the same work finds the first. */
  /**
   * The Spring Festival's weekly profile learnt from daily sales when the run started (null: holidays off,
   * or too little daily history, and the engine's monthly regressors are used instead). Kept so that every
   * chunk, and any retry, forecasts with the same one.
   */
  @Column({ name: 'festival_profile', type: 'jsonb', nullable: true })
  festivalProfile!: FestivalProfile | null;

  @Column({ name: 'scope_key', type: 'varchar', length: 500 })
  scopeKey!: string;

  @Column({ name: 'engine_version', type: 'varchar', length: 16 })
  engineVersion!: string;

  @Column({ name: 'started_by', type: 'varchar', length: 100 })
  startedBy!: string;

  @Column({ name: 'chunks_total', type: 'int', default: 0 })
  chunksTotal!: number;

  @Column({ name: 'chunks_done', type: 'int', default: 0 })
  chunksDone!: number;

  @Column({ name: 'series_done', type: 'int', default: 0 })
  seriesDone!: number;

  @Column({ name: 'retailers_total', type: 'int', default: 0 })
  retailersTotal!: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'approved_by', type: 'varchar', length: 100, nullable: true })
  approvedBy!: string | null;
}
