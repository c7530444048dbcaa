import type {
  BusinessType,
  CustomerStatus,
  LicenceStatus,
  MarketType,
  TerminalStatus,
  TradeArea,
  VisitCycle,
} from '@tms/domain';
import {
  Check,
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
import { AccountManagerEntity } from '../reference/account-managers/account-manager.entity';
import { DistrictEntity } from '../reference/districts/district.entity';

/** A licensed retail customer (零售户). Owner name, phone, address, birthday and preferences are personal data. */
@Entity('retailer')
@Index('retailer_district_tier_idx', ['districtId', 'tier'])
@Index('retailer_search_text_trgm_idx', { synchronize: false })
@Check('retailer_tier_range', '"tier" BETWEEN 1 AND 30')
export class RetailerEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index({ unique: true })
  @Column({ name: 'licence_no', type: 'varchar', length: 32 })
  licenceNo!: string;

  @Column({ name: 'shop_name', type: 'varchar', length: 100 })
  shopName!: string;

  @Column({ name: 'owner_name', type: 'varchar', length: 50 })
  ownerName!: string;

  @Column({ type: 'varchar', length: 20 })
  phone!: string;

  @Column({ type: 'varchar', length: 200 })
  address!: string;

  @Column({ name: 'district_id', type: 'int' })
  districtId!: number;

  @ManyToOne(() => DistrictEntity)
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'retailer_district_fk' })
  district?: DistrictEntity;

  @Index()
  @Column({ name: 'market_type', type: 'varchar', length: 8 })
  marketType!: MarketType;

  @Index()
  @Column({ name: 'business_type', type: 'varchar', length: 20 })
  businessType!: BusinessType;

  @Column({ name: 'trade_area', type: 'varchar', length: 20 })
  tradeArea!: TradeArea;

  @Column({ type: 'smallint' })
  scale!: number;

  @Column({ name: 'classification_code', type: 'varchar', length: 8 })
  classificationCode!: string;

  @Column({ name: 'licence_status', type: 'varchar', length: 16 })
  licenceStatus!: LicenceStatus;

  @Index()
  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: CustomerStatus;

  @Column({ name: 'integrity_grade', type: 'varchar', length: 8 })
  integrityGrade!: string;

  @Index()
  @Column({ type: 'smallint' })
  tier!: number;

  @Column({ name: 'terminal_status', type: 'varchar', length: 16, default: 'none' })
  terminalStatus!: TerminalStatus;

  @Index()
  @Column({ name: 'account_manager_id', type: 'int', nullable: true })
  accountManagerId!: number | null;

  @ManyToOne(() => AccountManagerEntity, { nullable: true })
  @JoinColumn({ name: 'account_manager_id', foreignKeyConstraintName: 'retailer_account_manager_fk' })
  accountManager?: AccountManagerEntity | null;

  @Column({ name: 'order_day', type: 'smallint' })
  orderDay!: number;

  @Column({ name: 'visit_cycle', type: 'varchar', length: 20 })
  visitCycle!: VisitCycle;

  @Column({ type: 'date', nullable: true })
  birthday!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  preferences!: string | null;

  @Column({ name: 'opened_on', type: 'date', nullable: true })
  openedOn!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
