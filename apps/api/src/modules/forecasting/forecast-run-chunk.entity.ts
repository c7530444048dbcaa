import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ForecastRunEntity } from './forecast-run.entity';

/**
 * A slice of a run: a contiguous range of retailer ids. `done` is set in the same transaction that writes
 * the slice's forecasts, so after a crash a chunk is either entirely written or not at all.
 */
@Entity('forecast_run_chunk')
export class ForecastRunChunkEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @ManyToOne(() => ForecastRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'forecast_run_chunk_run_fk' })
  run?: ForecastRunEntity;

  @PrimaryColumn({ name: 'chunk_no', type: 'int' })
  chunkNo!: number;

  @Column({ name: 'first_retailer_id', type: 'int' })
  firstRetailerId!: number;

  @Column({ name: 'last_retailer_id', type: 'int' })
  lastRetailerId!: number;

  @Column({ type: 'boolean', default: false })
  done!: boolean;

  @Column({ name: 'series_count', type: 'int', default: 0 })
  seriesCount!: number;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
