/**
 * CSV cells that a spreadsheet would run as a formula (OWASP "CSV Injection"; ASVS 5.0 1.2.10 adds NUL, and
 * Apple Numbers reads the full-width forms of = + - @ as the ASCII ones).
 */
const FORMULA_START = /^[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A negative number is not a formula: it stays a number for whoever totals the column. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function needsQuote(value: string): boolean {
  const base = value.replace(/^'+/, '');
  return FORMULA_START.test(base) && !PLAIN_NUMBER.test(base);
}

/**
 * The text of a cell as a CSV written for spreadsheets must hold it: a cell that would start a formula gets
 * a leading single quote, which spreadsheets take as "this is text". Values that already start with quotes
 * before such a character get one more, so that `restoreCsvCell` can undo exactly what was added.
 */
export function neutraliseCsvCell(value: string): string {
  return needsQuote(value) ? `'${value}` : value;
}

/** The inverse of `neutraliseCsvCell`, for files exported by the product and imported back. */
export function restoreCsvCell(value: string): string {
  return value.startsWith("'") && needsQuote(value.slice(1)) ? value.slice(1) : value;
}
