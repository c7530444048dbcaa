import type { DistrictLevel, MarketType } from '@tms/domain';
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

/** A node of the sales territory: city → county → market area → route. */
@Entity('district')
export class DistrictEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: DistrictLevel;

  @Index()
  @Column({ name: 'parent_id', type: 'int', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => DistrictEntity, { nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'district_parent_fk' })
  parent?: DistrictEntity | null;

  /** Materialised path of ids, `/1/4/17/`, so "this district and everything below it" is one prefix match. */
  @Index('district_path_prefix_idx', { synchronize: false })
  @Column({ type: 'varchar', length: 255 })
  path!: string;

  @Column({ name: 'market_type', type: 'varchar', length: 8, nullable: true })
  marketType!: MarketType | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
