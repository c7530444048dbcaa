import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '../../database/decimal.transformer';

/** Order lines summed per retailer, brand and month; rebuilt for the touched retailer-months on every import. */
@Entity('monthly_sales')
@Index('monthly_sales_month_brand_idx', ['month', 'brandId'])
@Index('monthly_sales_brand_month_idx', ['brandId', 'month'])
export class MonthlySalesEntity {
  @PrimaryColumn({ name: 'retailer_id', type: 'int' })
  retailerId!: number;

  /** First day of the month. */
  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ name: 'brand_id', type: 'int' })
  brandId!: number;

  @Column({ type: 'int' })
  cartons!: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: decimalTransformer })
  amount!: number;

  @Column({ name: 'order_count', type: 'int' })
  orderCount!: number;
}
