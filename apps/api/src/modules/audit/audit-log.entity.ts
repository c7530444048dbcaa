import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit trail: one row per change, written in the transaction of the change. Append-only: a trigger
 * refuses UPDATE, DELETE and TRUNCATE (see the migration), whatever role the application connects as.
 */
@Entity('audit_log')
@Index('audit_log_entity_idx', ['entity', 'entityId', 'at'])
@Index('audit_log_actor_idx', ['actorId', 'at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at!: Date;

  /** `user`, `api_key`, `system` (jobs, schedules, the demo seed). */
  @Column({ name: 'actor_kind', type: 'varchar', length: 10 })
  actorKind!: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 50, nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 100 })
  actorName!: string;

  @Column({ type: 'varchar', length: 30 })
  action!: string;

  @Column({ type: 'varchar', length: 40 })
  entity!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  changed!: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
