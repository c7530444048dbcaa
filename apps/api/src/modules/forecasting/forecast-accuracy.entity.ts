import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ForecastRunEntity } from './forecast-run.entity';

export const ACCURACY_LEVELS = ['retailer_brand', 'retailer', 'brand_district', 'brand', 'company'] as const;
export type AccuracyLevel = (typeof ACCURACY_LEVELS)[number];

/**
 * Accuracy of a run's forecast for one month against the actuals, at one level of aggregation. `key` is
 * `*` for the level as a whole, or a brand id at the brand level.
 */
@Entity('forecast_accuracy')
@Index('forecast_accuracy_period_level_idx', ['period', 'level'])
export class ForecastAccuracyEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @ManyToOne(() => ForecastRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'forecast_accuracy_run_fk' })
  run?: ForecastRunEntity;

  @PrimaryColumn({ type: 'date' })
  period!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  level!: AccuracyLevel;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  key!: string;

  @Column({ name: 'series_count', type: 'int' })
  seriesCount!: number;

  @Column({ type: 'double precision' })
  actual!: number;

  @Column({ type: 'double precision' })
  forecast!: number;

  /** 吻合率: mean over the level's units of max(0, 1 − |A − F| / A); see libs/forecasting/README.md. */
  @Column({ type: 'double precision' })
  agreement!: number;

  @Column({ type: 'double precision' })
  wape!: number;

  @Column({ type: 'double precision' })
  bias!: number;

  /** Mean scaled error (MASE for regular series, RMSSE-style for intermittent ones); null when unscalable. */
  @Column({ name: 'scaled_error', type: 'double precision', nullable: true })
  scaledError!: number | null;

  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' })
  computedAt!: Date;
}
