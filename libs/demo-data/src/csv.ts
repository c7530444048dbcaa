import { RETAILER_CSV_COLUMNS, type RetailerRecord } from '@tms/domain';
import { dataQualityPlan, retailerValues } from './quality';
import type { DemoWorld } from './world';

/** RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; null/undefined are empty. */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvField(values[i]);
  return `${line}\n`;
}

/** Money in yuan with two decimals. */
export function money(value: number): string {
  return value.toFixed(2);
}

export const DISTRICT_CSV_COLUMNS = ['code', 'name', 'level', 'parent_code', 'market_type'] as const;
export const MANUFACTURER_CSV_COLUMNS = ['code', 'name'] as const;
/** `district_codes` holds the manager's district codes separated by `;`. */
export const ACCOUNT_MANAGER_CSV_COLUMNS = ['code', 'name', 'phone', 'district_codes'] as const;
export const BRAND_CSV_COLUMNS = [
  'code',
  'name',
  'manufacturer_code',
  'price_class',
  'wholesale_price',
  'retail_price',
  'pack_type',
  'status',
  'scarce',
  'launched_on',
  'withdrawn_on',
] as const;

export function districtsCsv(world: DemoWorld): string {
  let out = csvRow(DISTRICT_CSV_COLUMNS);
  for (const d of world.districts) out += csvRow([d.code, d.name, d.level, d.parentCode, d.marketType]);
  return out;
}

export function manufacturersCsv(world: DemoWorld): string {
  let out = csvRow(MANUFACTURER_CSV_COLUMNS);
  for (const m of world.manufacturers) out += csvRow([m.code, m.name]);
  return out;
}

export function accountManagersCsv(world: DemoWorld): string {
  let out = csvRow(ACCOUNT_MANAGER_CSV_COLUMNS);
  for (const a of world.accountManagers) out += csvRow([a.code, a.name, a.phone, a.districtCodes.join(';')]);
  return out;
}

export function brandsCsv(world: DemoWorld): string {
  let out = csvRow(BRAND_CSV_COLUMNS);
  for (const b of world.brands) {
    out += csvRow([
      b.code,
      b.name,
      b.manufacturerCode,
      b.priceClass,
      money(b.wholesalePrice),
      money(b.retailPrice),
      b.packType,
      b.status,
      b.scarce,
      b.launchedOn,
      b.withdrawnOn,
    ]);
  }
  return out;
}

/** One retailer as a CSV line in RETAILER_CSV_COLUMNS order. */
export function retailerCsvRow(r: RetailerRecord): string {
  return csvRow(retailerValues(r));
}

export interface RetailersCsvOptions {
  /** Insert the rows of the data-quality manifest (default false). */
  withDataQualityIssues?: boolean;
}

/** The retailer register as CSV (header = RETAILER_CSV_COLUMNS; nulls empty). */
export function retailersCsv(world: DemoWorld, options: RetailersCsvOptions = {}): string {
  const injections = options.withDataQualityIssues ? dataQualityPlan(world).retailers : [];
  const parts: string[] = [csvRow(RETAILER_CSV_COLUMNS)];
  let k = 0;
  world.retailers.forEach((r, i) => {
    parts.push(retailerCsvRow(r));
    while (k < injections.length && injections[k].afterIndex === i)
      parts.push(csvRow(injections[k++].values));
  });
  return parts.join('');
}

/** Parses RFC 4180 CSV text into rows of fields (for tests and small files; the import has its own streaming parser). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
