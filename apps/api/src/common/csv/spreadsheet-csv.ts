import { neutraliseCsvCell } from '@tms/domain';
import { stringify, type Stringifier } from 'csv-stringify';

/** Excel reads a CSV as UTF-8 (the Chinese text) only after a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * The writer of every CSV the product hands to people, who open it in a spreadsheet: RFC 4180 quoting and no
 * text cell that a spreadsheet would run as a formula (`neutraliseCsvCell`); numbers are written as numbers.
 */
export function spreadsheetCsv(columns: readonly string[]): Stringifier {
  return stringify({ header: true, columns: [...columns], cast: { string: neutraliseCsvCell } });
}
