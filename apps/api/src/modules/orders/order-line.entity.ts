import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '../../database/decimal.transformer';

/**
 * One brand on one retailer's order. The natural key (retailer, brand, order date) is the primary key: no
 * surrogate id on a table of tens of millions of rows, and re-importing the same line is a no-op.
 */
@Entity('order_line')
@Index('order_line_brand_date_idx', ['brandId', 'orderDate'])
@Check('order_line_cartons_positive', '"cartons" > 0')
export class OrderLineEntity {
  @PrimaryColumn({ name: 'retailer_id', type: 'int' })
  retailerId!: number;

  @PrimaryColumn({ name: 'order_date', type: 'date' })
  orderDate!: string;

  @PrimaryColumn({ name: 'brand_id', type: 'int' })
  brandId!: number;

  @Column({ type: 'int' })
  cartons!: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: decimalTransformer })
  amount!: number;
}
