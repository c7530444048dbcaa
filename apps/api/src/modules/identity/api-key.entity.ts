import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ManufacturerEntity } from '../reference/manufacturers/manufacturer.entity';

/**
 * A manufacturer's API key. Only a SHA-256 of the secret is stored (the secret is 256 random bits, so a fast
 * hash is enough); the key is shown once, when created. Several keys per manufacturer allow rotation.
 */
@Entity('api_key')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index()
  @Column({ name: 'manufacturer_id', type: 'int' })
  manufacturerId!: number;

  @ManyToOne(() => ManufacturerEntity)
  @JoinColumn({ name: 'manufacturer_id', foreignKeyConstraintName: 'api_key_manufacturer_fk' })
  manufacturer?: ManufacturerEntity;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The public part of the key, shown in lists so people can tell keys apart. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  @Column({ name: 'secret_hash', type: 'char', length: 64 })
  secretHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 50 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
