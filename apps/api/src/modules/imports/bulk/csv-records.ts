import { restoreCsvCell } from '@tms/domain';
import { CsvError, parse } from 'csv-parse';
import { pipeline, Transform, type Readable } from 'node:stream';

export interface CsvRecord {
  /** Physical line where the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

/** The file is not readable as CSV from this line on (an unclosed quote, a record too large ...). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A quote that is never closed must not make the parser buffer the rest of a 1 GB file. */
const MAX_RECORD_CHARS = 64 * 1024;

/**
 * Streams the records of a CSV file with their line numbers, counting the bytes read for progress. Blank
 * lines are skipped but counted; line numbers stay right when a quoted field spans several lines. A field
 * neutralised by the product's CSV writer (`neutraliseCsvCell`) is restored.
 */
export async function* readCsvRecords(
  source: Readable,
  onBytes: (bytes: number) => void,
): AsyncGenerator<CsvRecord> {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  const records = pipeline(source, counter, parser, () => undefined);
  let nextLine = 1;
  try {
    for await (const fields of records as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1;
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i];
        if (field.length > 0 && field.includes('\n')) nextLine += field.split('\n').length - 1;
        // The quote our exports put before a would-be formula (39 is `'`): an export imports back as it was.
        if (field.charCodeAt(0) === 39) fields[i] = restoreCsvCell(field);
      }
      if (fields.length === 1 && fields[0] === '') continue;
      yield { line, fields };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const at = (error as CsvError & { lines?: number }).lines ?? nextLine;
      throw new CsvSyntaxError(at, `CSV syntax error: ${error.message}`);
    }
    throw error;
  } finally {
    source.destroy();
  }
}
