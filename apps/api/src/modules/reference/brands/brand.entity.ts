import type { BrandStatus, PackType } from '@tms/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { ManufacturerEntity } from '../manufacturers/manufacturer.entity';
import { decimalTransformer } from '../../../database/decimal.transformer';

/** A cigarette specification (规格). Prices are per carton (条), in yuan. */
@Entity('brand')
export class BrandEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index()
  @Column({ name: 'manufacturer_id', type: 'int' })
  manufacturerId!: number;

  @ManyToOne(() => ManufacturerEntity)
  @JoinColumn({ name: 'manufacturer_id', foreignKeyConstraintName: 'brand_manufacturer_fk' })
  manufacturer?: ManufacturerEntity;

  @Column({ name: 'price_class', type: 'smallint' })
  priceClass!: number;

  @Column({
    name: 'wholesale_price',
    type: 'numeric',
    precision: 10,
    scale: 2,
    transformer: decimalTransformer,
  })
  wholesalePrice!: number;

  @Column({ name: 'retail_price', type: 'numeric', precision: 10, scale: 2, transformer: decimalTransformer })
  retailPrice!: number;

  @Column({ name: 'pack_type', type: 'varchar', length: 16 })
  packType!: PackType;

  @Column({ type: 'varchar', length: 16 })
  status!: BrandStatus;

  @Column({ type: 'boolean', default: false })
  scarce!: boolean;

  @Column({ name: 'launched_on', type: 'date', nullable: true })
  launchedOn!: string | null;

  @Column({ name: 'withdrawn_on', type: 'date', nullable: true })
  withdrawnOn!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
