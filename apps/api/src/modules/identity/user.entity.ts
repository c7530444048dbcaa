import type { Role } from '@tms/domain';
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
import { AccountManagerEntity } from '../reference/account-managers/account-manager.entity';

/** A member of staff who signs in to the web app. */
@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 50 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 20, array: true })
  roles!: Role[];

  /** For district managers: the districts (and everything below them) they manage. */
  @Column({ name: 'district_ids', type: 'int', array: true, default: () => "'{}'" })
  districtIds!: number[];

  /** For account managers: their record in the register, whose retailers they serve. */
  @Column({ name: 'account_manager_id', type: 'int', nullable: true })
  accountManagerId!: number | null;

  @ManyToOne(() => AccountManagerEntity, { nullable: true })
  @JoinColumn({ name: 'account_manager_id', foreignKeyConstraintName: 'app_user_account_manager_fk' })
  accountManager?: AccountManagerEntity | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  /** Tokens issued before this instant are no longer accepted (password reset, disable). */
  @Column({ name: 'tokens_valid_after', type: 'timestamptz', default: () => 'now()' })
  tokensValidAfter!: Date;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
