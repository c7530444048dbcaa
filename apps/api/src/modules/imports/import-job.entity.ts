import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const IMPORT_KINDS = ['retailers', 'order_lines'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATES = ['queued', 'running', 'succeeded', 'rejected', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** One problem found in an import file; `line` is the 1-based physical line (the header is line 1). */
export interface ImportRowError {
  line: number;
  /** The offending column, or null when the whole row is the problem (a duplicate). */
  field: string | null;
  value: string | null;
  reason: string;
}

/** The record of one uploaded file's import: what was asked, how far it got, what it found. */
@Entity('import_job')
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ImportKind;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  state!: ImportState;

  @Column({ name: 'dry_run', type: 'boolean' })
  dryRun!: boolean;

  /** Who uploaded the file (`user:li.ming`); null on imports recorded before this was kept. */
  @Column({ name: 'created_by', type: 'varchar', length: 100, nullable: true })
  createdBy!: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ name: 'file_size', type: 'bigint' })
  fileSize!: string;

  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256!: string;

  @Column({ name: 'rows_read', type: 'int', default: 0 })
  rowsRead!: number;

  @Column({ name: 'rows_invalid', type: 'int', default: 0 })
  rowsInvalid!: number;

  @Column({ name: 'rows_inserted', type: 'int', default: 0 })
  rowsInserted!: number;

  @Column({ name: 'rows_updated', type: 'int', default: 0 })
  rowsUpdated!: number;

  @Column({ name: 'rows_unchanged', type: 'int', default: 0 })
  rowsUnchanged!: number;

  /** Bytes of the file read so far, for a progress bar. */
  @Column({ name: 'bytes_read', type: 'bigint', default: 0 })
  bytesRead!: string;

  /** First errors (line, field, value, reason) for display; the full list is the downloadable report. */
  @Column({ name: 'error_sample', type: 'jsonb', default: () => "'[]'" })
  errorSample!: ImportRowError[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  message!: string | null;

  @Index('import_job_created_at_idx')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
