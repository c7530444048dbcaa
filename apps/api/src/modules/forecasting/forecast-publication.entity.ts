import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ForecastRunEntity } from './forecast-run.entity';

/** Which run's forecasts are the published ones for a month; switched in one UPDATE when a run is approved. */
@Entity('forecast_publication')
export class ForecastPublicationEntity {
  @PrimaryColumn({ type: 'date' })
  month!: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @ManyToOne(() => ForecastRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'forecast_publication_run_fk' })
  run?: ForecastRunEntity;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ name: 'published_by', type: 'varchar', length: 100 })
  publishedBy!: string;
}
