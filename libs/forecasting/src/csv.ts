import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { formatPeriod, parsePeriod } from './util';

/** A problem found in an input file, with its 1-based line number (0 when it concerns a whole series). */
export interface CsvIssue {
  line: number;
  message: string;
}

export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly issues: CsvIssue[],
  ) {
    super(`${file}: ${issues.map((i) => (i.line ? `line ${i.line}: ${i.message}` : i.message)).join('\n')}`);
    this.name = 'CsvError';
  }
}

export function splitCsvLine(line: string): string[] {
  const cells = line.split(',');
  for (let i = 0; i < cells.length; i++) {
    let c = cells[i].trim();
    if (c.length >= 2 && c.startsWith('"') && c.endsWith('"')) c = c.slice(1, -1);
    cells[i] = c;
  }
  return cells;
}

/** Reads a CSV file line by line: calls `row(cells, lineNumber)` for every data row after the header. */
export async function readCsv(
  file: string,
  expectedHeader: readonly string[],
  row: (cells: string[], line: number) => void,
  progress?: (line: number) => void,
): Promise<void> {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  let header: string[] | null = null;
  const issues: CsvIssue[] = [];
  for await (const raw of rl) {
    line++;
    if (progress && (line & 0xffff) === 0) progress(line);
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    if (!header) {
      header = splitCsvLine(text).map((h) => h.toLowerCase());
      const missing = expectedHeader.filter((h, i) => header?.[i] !== h);
      if (missing.length) {
        throw new CsvError(file, [
          { line, message: `header must start with ${expectedHeader.join(',')}, got ${text}` },
        ]);
      }
      continue;
    }
    try {
      row(splitCsvLine(text), line);
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      issues.push({ line, message: e.message });
      if (issues.length >= 20) break;
    }
  }
  if (!header) issues.push({ line: 0, message: 'the file is empty (no header)' });
  if (issues.length) throw new CsvError(file, issues);
}

/** Thrown from a row callback to report a problem with that row. */
export class RowError extends Error {}

export interface LongSeries {
  id: string;
  start: string;
  values: Float64Array;
}

interface Building {
  periods: number[];
  values: number[];
  lines: number[];
}

/**
 * Reads a long-format file `series_id,period,value` (period YYYY-MM) into complete monthly series.
 * Rows of a series may come in any order. Rejects, with line numbers: wrong column counts, empty ids,
 * malformed periods, non-numeric or negative values, duplicate periods and gaps inside a series.
 */
export async function readLongSeries(
  file: string,
  valueColumn = 'value',
  progress?: (line: number) => void,
): Promise<LongSeries[]> {
  const map = new Map<string, Building>();
  await readCsv(
    file,
    ['series_id', 'period', valueColumn],
    (cells, line) => {
      if (cells.length < 3)
        throw new RowError(`expected 3 columns (series_id,period,${valueColumn}), got ${cells.length}`);
      const [id, period, rawValue] = cells;
      if (!id) throw new RowError('empty series_id');
      const p = parsePeriod(period);
      if (Number.isNaN(p)) throw new RowError(`period "${period}" is not YYYY-MM`);
      if (rawValue === '') throw new RowError(`empty ${valueColumn}`);
      const v = Number(rawValue);
      if (!Number.isFinite(v)) throw new RowError(`${valueColumn} "${rawValue}" is not a number`);
      if (v < 0) throw new RowError(`${valueColumn} ${rawValue} is negative`);
      let b = map.get(id);
      if (!b) {
        b = { periods: [], values: [], lines: [] };
        map.set(id, b);
      }
      b.periods.push(p);
      b.values.push(v);
      b.lines.push(line);
    },
    progress,
  );
  const out: LongSeries[] = [];
  const issues: CsvIssue[] = [];
  for (const [id, b] of map) {
    const order = b.periods.map((_, i) => i);
    let sorted = true;
    for (let i = 1; i < b.periods.length; i++) if (b.periods[i] <= b.periods[i - 1]) sorted = false;
    if (!sorted) order.sort((i, j) => b.periods[i] - b.periods[j] || b.lines[i] - b.lines[j]);
    const values = new Float64Array(order.length);
    let bad = false;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      values[k] = b.values[i];
      if (k === 0) continue;
      const prev = order[k - 1];
      const d = b.periods[i] - b.periods[prev];
      if (d === 0) {
        issues.push({
          line: b.lines[i],
          message: `duplicate period ${formatPeriod(b.periods[i])} for series ${id} (first at line ${b.lines[prev]})`,
        });
        bad = true;
      } else if (d > 1) {
        issues.push({
          line: b.lines[i],
          message: `gap in series ${id}: ${formatPeriod(b.periods[prev] + 1)}..${formatPeriod(b.periods[i] - 1)} missing (after line ${b.lines[prev]})`,
        });
        bad = true;
      }
    }
    if (issues.length >= 20) break;
    if (!bad) out.push({ id, start: formatPeriod(b.periods[order[0]]), values });
  }
  if (issues.length) throw new CsvError(file, issues);
  return out;
}
