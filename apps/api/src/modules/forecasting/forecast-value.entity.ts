import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One forecast month of one retailer × brand series in one run, with its 80 % and 95 % intervals. */
@Entity('forecast_value')
@Index('forecast_value_run_brand_idx', ['runId', 'brandId', 'period'])
export class ForecastValueEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @PrimaryColumn({ name: 'retailer_id', type: 'int' })
  retailerId!: number;

  @PrimaryColumn({ name: 'brand_id', type: 'int' })
  brandId!: number;

  @PrimaryColumn({ type: 'date' })
  period!: string;

  @Column({ type: 'varchar', length: 16 })
  method!: string;

  @Column({ type: 'real' })
  mean!: number;

  @Column({ type: 'real' })
  lo80!: number;

  @Column({ type: 'real' })
  hi80!: number;

  @Column({ type: 'real' })
  lo95!: number;

  @Column({ type: 'real' })
  hi95!: number;
}
