import type { Client } from 'pg';
import type { ImportRowError } from '../import-job.entity';
import { parse } from 'csv-parse';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { spreadsheetCsv, UTF8_BOM } from '../../../common/csv/spreadsheet-csv';
import { copyIn, copyOut } from './copy';
import { copyValue } from './field-checks';

/** Every problem of the file, whether found while reading a row or set-based afterwards (duplicates). */
export const ERROR_TABLE = 'import_error';

export const ERROR_SAMPLE_SIZE = 100;

export async function createErrorTable(client: Client): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE ${ERROR_TABLE} (line int NOT NULL, field text, value text, reason text NOT NULL) ON COMMIT DROP`,
  );
}

export async function copyErrors(client: Client, errors: readonly ImportRowError[]): Promise<void> {
  const text = errors.map(
    (e) => `${e.line}\t${copyValue(e.field)}\t${copyValue(e.value)}\t${copyValue(e.reason)}\n`,
  );
  await copyIn(client, `COPY ${ERROR_TABLE} (line, field, value, reason) FROM STDIN`, text);
}

export async function errorSummary(
  client: Client,
): Promise<{ invalidRows: number; sample: ImportRowError[] }> {
  const count = await client.query<{ n: number }>(
    `SELECT count(DISTINCT line)::int AS n FROM ${ERROR_TABLE}`,
  );
  const invalidRows = count.rows[0].n;
  if (invalidRows === 0) return { invalidRows, sample: [] };
  const sample = await client.query<ImportRowError>(
    `SELECT line, field, value, reason FROM ${ERROR_TABLE} ORDER BY line, field NULLS FIRST LIMIT $1`,
    [ERROR_SAMPLE_SIZE],
  );
  return { invalidRows, sample: sample.rows };
}

/**
 * The downloadable report (line, field, value, reason), ordered by line, streamed from the table through the
 * product's spreadsheet CSV writer: values come from the uploaded file, so any of them may be a formula.
 */
export async function writeErrorReport(client: Client, path: string): Promise<void> {
  const rows = copyOut(
    client,
    `COPY (SELECT line, field, value, reason FROM ${ERROR_TABLE} ORDER BY line, field NULLS FIRST)
     TO STDOUT WITH (FORMAT csv)`,
  );
  const target = createWriteStream(path);
  target.write(UTF8_BOM);
  await pipeline(rows, parse(), spreadsheetCsv(REPORT_COLUMNS), target);
}

const REPORT_COLUMNS = ['line', 'field', 'value', 'reason'];
