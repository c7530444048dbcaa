import type { Client } from 'pg';
import type { ImportAuthority } from '../import-authority';
import type { ImportKind } from '../import-job.entity';
import type { RowErrors } from './field-checks';

/**
 * Checks one row (fields in the kind's column order) and returns its staging line in COPY text format, or
 * null after pushing at least one error. Must not touch the database: it runs once per row.
 */
export type RowParser = (fields: readonly string[], line: number, errors: RowErrors) => string | null;

export interface WriteCounts {
  inserted: number;
  updated: number;
}

export interface PreviewCounts extends WriteCounts {
  unchanged: number;
}

/**
 * What differs between importing retailers and importing order lines. Every method is set-based: it runs
 * a handful of statements whatever the number of rows.
 */
export interface BulkKind {
  readonly kind: ImportKind;
  /** The CSV header the file must have (any order). */
  readonly columns: readonly string[];
  /** Columns a file may also have, which are not read (the export's derived ones). */
  readonly ignoredColumns?: readonly string[];
  /** Column definitions of the staging table; the first is `line int`, the COPY text follows them. */
  readonly stagingColumns: string;
  /** Loads what row checks need (code → id dictionaries, one query each) and creates helper tables. */
  prepare(client: Client): Promise<RowParser>;
  /** Writes the rows of one staged batch: only rows whose values differ are touched. */
  write(client: Client, batchTable: string): Promise<WriteCounts>;
  /** Adds a `duplicate` error to the error table for every repeat of a natural key in the staging table. */
  findDuplicates(client: Client, stagingTable: string): Promise<void>;
  /**
   * For an uploader whose authority is restricted: adds an error for every staged row of the batch that they
   * may not write, before the batch is written; returns how many errors it added.
   */
  refuse?(client: Client, batchTable: string, authority: ImportAuthority): Promise<number>;
  /** What `write` would do, for a dry run. */
  preview(client: Client, stagingTable: string): Promise<PreviewCounts>;
  /** After the last batch, in the same transaction: derived data (monthly sales). */
  afterWrite?(client: Client): Promise<void>;
}
