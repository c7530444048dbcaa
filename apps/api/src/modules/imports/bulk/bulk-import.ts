import { currentContext } from '../../../common/http/request-context';
import type { Readable } from 'node:stream';
import type { Client } from 'pg';
import { isRestricted, type ImportAuthority } from '../import-authority';
import type { ImportRowError } from '../import-job.entity';
import type { BulkKind, RowParser } from './bulk-kind';
import { CsvSyntaxError, readCsvRecords } from './csv-records';
import { copyErrors, createErrorTable, errorSummary, writeErrorReport } from './error-table';
import { copyIn } from './copy';
import { rowError } from './field-checks';

export interface BulkProgress {
  bytesRead: number;
  rowsRead: number;
}

export interface BulkImportOptions {
  /** Opens the CSV. Called a second time only to locate duplicates after an optimistic write failed. */
  openSource: () => Readable;
  dryRun: boolean;
  /** Where to write the error report (CSV: line, field, value, reason); none when absent. */
  reportPath?: string;
  onProgress?: (progress: BulkProgress) => void;
  /** Characters of COPY text per batch (memory bound: two batches are held at a time). */
  batchChars?: number;
  /** The import's id: a summary row for the whole file goes to the audit trail in its transaction. */
  auditId?: string;
  /** What the uploader may write; absent for system work (the demo seed, benchmarks). */
  authority?: ImportAuthority;
}

export interface BulkImportResult {
  state: 'succeeded' | 'rejected';
  bytesRead: number;
  rowsRead: number;
  rowsInvalid: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorSample: ImportRowError[];
}

type PassMode = 'write' | 'check' | 'preview';

const STAGE = 'import_stage';
const DEFAULT_BATCH_CHARS = 24 * 1024 * 1024;
/** For the set-based steps (duplicate search, monthly rebuild): hash tables stay in memory longer. */
const WORK_MEM = '256MB';
const ROWS_PER_CHUNK = 4096;
/** Errors kept in memory between flushes to the error table. */
const MAX_PENDING_ERRORS = 10_000;

/**
 * Imports one CSV file all-or-nothing, in one transaction on `client`: rows are checked while streaming,
 * staged with COPY in batches and written set-based batch by batch while the next batch is parsed. Any
 * error rolls everything back. A dry run stages and checks, then only counts what would change.
 */
export async function runBulkImport(
  client: Client,
  kind: BulkKind,
  options: BulkImportOptions,
): Promise<BulkImportResult> {
  if (options.dryRun) return runPass(client, kind, options, 'preview');
  try {
    return await runPass(client, kind, options, 'write');
  } catch (error) {
    // A key repeated inside one batch stops the write; a second pass finds and reports every repeat.
    if (!isRepeatedKey(error)) throw error;
    return runPass(client, kind, options, 'check');
  }
}

function isRepeatedKey(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '21000' || code === '23505';
}

async function runPass(
  client: Client,
  kind: BulkKind,
  options: BulkImportOptions,
  mode: PassMode,
): Promise<BulkImportResult> {
  await client.query('BEGIN');
  try {
    const result = await stageAndWrite(client, kind, options, mode);
    await client.query(mode === 'write' && result.state === 'succeeded' ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function stageAndWrite(
  client: Client,
  kind: BulkKind,
  options: BulkImportOptions,
  mode: PassMode,
): Promise<BulkImportResult> {
  await client.query(`SET LOCAL work_mem = '${WORK_MEM}'`);
  await client.query(`CREATE TEMP TABLE ${STAGE} (${kind.stagingColumns}) ON COMMIT DROP`);
  await createErrorTable(client);
  const parseRow = await kind.prepare(client);
  const batchChars = options.batchChars ?? DEFAULT_BATCH_CHARS;

  const progress: BulkProgress = { bytesRead: 0, rowsRead: 0 };
  const written = { inserted: 0, updated: 0 };
  let rowsStaged = 0;
  let errorsSeen = 0;
  let batchNumber = 0;
  // Rows are joined into chunks of ROWS_PER_CHUNK: one COPY message per row would cost ten times more.
  let chunks: string[] = [];
  let rows: string[] = [];
  let chars = 0;
  // One array for the whole pass: the row parser holds on to it; flushing moves its contents out.
  const errors: ImportRowError[] = [];
  let inFlight: Promise<void> = Promise.resolve();

  const flush = async (batchChunks: string[], batchErrors: ImportRowError[]): Promise<void> => {
    if (batchErrors.length > 0) await copyErrors(client, batchErrors);
    if (batchChunks.length === 0) return;
    const table = `${STAGE}_${++batchNumber}`;
    await client.query(`CREATE TEMP TABLE ${table} () INHERITS (${STAGE}) ON COMMIT DROP`);
    await copyIn(client, `COPY ${table} FROM STDIN`, batchChunks);
    if (options.authority && isRestricted(options.authority) && kind.refuse) {
      errorsSeen += await kind.refuse(client, table, options.authority);
    }
    // Once the file is known to be bad nothing more is written; the rows are still staged for the
    // duplicate search so that the report is complete.
    if (mode === 'write' && errorsSeen === 0) {
      const counts = await kind.write(client, table);
      written.inserted += counts.inserted;
      written.updated += counts.updated;
    }
  };
  const startFlush = async (): Promise<void> => {
    await inFlight;
    options.onProgress?.({ ...progress });
    if (rows.length > 0) chunks.push(rows.join(''));
    inFlight = flush(chunks, errors.splice(0));
    inFlight.catch(() => undefined);
    chunks = [];
    rows = [];
    chars = 0;
  };

  const records = readCsvRecords(options.openSource(), (bytes) => {
    progress.bytesRead += bytes;
  });
  let parse: ((fields: string[], line: number) => string | null) | undefined;
  try {
    for await (const record of records) {
      if (!parse) {
        parse = headerMapper(kind, record, parseRow, errors);
        if (!parse) {
          errorsSeen += errors.length;
          break;
        }
        continue;
      }
      progress.rowsRead++;
      const before = errors.length;
      const staged = parse(record.fields, record.line);
      if (staged !== null) {
        rows.push(staged);
        if (rows.length === ROWS_PER_CHUNK) {
          chunks.push(rows.join(''));
          rows = [];
        }
        chars += staged.length;
        rowsStaged++;
      } else {
        errorsSeen += errors.length - before;
      }
      if (chars >= batchChars || errors.length >= MAX_PENDING_ERRORS) await startFlush();
    }
    if (!parse && errorsSeen === 0) {
      errors.push(rowError(1, null, null, 'the file is empty: expected a header line'));
      errorsSeen++;
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    errors.push(rowError(error.line, null, null, error.message));
    errorsSeen++;
  }
  await startFlush();
  await inFlight;
  options.onProgress?.({ ...progress });

  if (mode !== 'write' || errorsSeen > 0 || written.inserted < rowsStaged) {
    await client.query(`ANALYZE ${STAGE}`);
    await kind.findDuplicates(client, STAGE);
  }
  const { invalidRows, sample } = await errorSummary(client);
  if (options.reportPath) await writeErrorReport(client, options.reportPath);
  const base = {
    bytesRead: progress.bytesRead,
    rowsRead: progress.rowsRead,
    rowsInvalid: invalidRows,
    errorSample: sample,
  };
  if (invalidRows > 0) return { ...base, state: 'rejected', inserted: 0, updated: 0, unchanged: 0 };
  if (mode === 'check')
    throw new Error('PostgreSQL reported a repeated key that the duplicate search did not find');
  if (mode === 'preview') {
    const counts = await kind.preview(client, STAGE);
    return { ...base, state: 'succeeded', ...counts };
  }
  await kind.afterWrite?.(client);
  const unchanged = rowsStaged - written.inserted - written.updated;
  if (options.auditId) {
    // Order lines are too many for a row each: the file's summary is their trace (retailers get one each).
    const context = currentContext();
    const principal = context?.principal;
    await client.query(
      `INSERT INTO audit_log (actor_kind, actor_id, actor_name, action, entity, entity_id, after, changed, reason, request_id)
       VALUES ($1, $2, $3, 'apply', 'import', $4, $5, '{}', 'CSV import', $6)`,
      [
        principal?.kind === 'user' ? 'user' : 'system',
        principal?.kind === 'user' ? String(principal.id) : null,
        principal?.kind === 'user' ? principal.username : 'import job',
        options.auditId,
        JSON.stringify({ kind: kind.kind, inserted: written.inserted, updated: written.updated, unchanged }),
        context?.requestId ?? null,
      ],
    );
  }
  return { ...base, state: 'succeeded', ...written, unchanged };
}

/** Maps the header to the kind's columns; on a wrong header pushes errors and returns undefined. */
function headerMapper(
  kind: BulkKind,
  header: { line: number; fields: string[] },
  parseRow: RowParser,
  errors: ImportRowError[],
): ((fields: string[], line: number) => string | null) | undefined {
  const names = header.fields.map((name) => name.trim());
  const expected = kind.columns;
  const ignored = kind.ignoredColumns ?? [];
  for (const name of names) {
    if (!expected.includes(name) && !ignored.includes(name))
      errors.push(rowError(header.line, name, name, 'unknown column'));
  }
  for (const name of expected) {
    const count = names.filter((n) => n === name).length;
    if (count === 0) errors.push(rowError(header.line, name, null, 'missing column'));
    if (count > 1) errors.push(rowError(header.line, name, name, 'column appears more than once'));
  }
  if (errors.length > 0) return undefined;
  const positions = expected.map((name) => names.indexOf(name));
  const inOrder = positions.every((position, i) => position === i);
  const width = names.length;
  return (fields, line) => {
    if (fields.length !== width) {
      errors.push(rowError(line, null, null, `expected ${width} fields, found ${fields.length}`));
      return null;
    }
    // PostgreSQL refuses NUL in text: a row error here, or COPY would fail the whole import.
    if (fields.some((field) => field.includes('\u0000'))) {
      fields.forEach((field, i) => {
        if (field.includes('\u0000'))
          errors.push(rowError(line, names[i], field.replaceAll('\u0000', '\\0'), NUL_IN_FIELD));
      });
      return null;
    }
    return parseRow(inOrder ? fields : positions.map((p) => fields[p]), line, errors);
  };
}

const NUL_IN_FIELD = 'must not contain the NUL character (U+0000)';
