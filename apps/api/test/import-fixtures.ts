import { ORDER_LINE_CSV_COLUMNS, RETAILER_CSV_COLUMNS } from '@tms/domain';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

/** Minimal reference data for import tests: one city, county and route, a manager, a maker, three brands. */
export async function seedImportReference(db: DataSource): Promise<void> {
  await db.query(`INSERT INTO manufacturer (id, code, name, version) VALUES (1, 'M01', '楚江中烟', 1)`);
  await db.query(
    `INSERT INTO district (id, code, name, level, parent_id, path, market_type, version) VALUES
       (1, 'CITY', '汉江市', 'city', NULL, '/1/', NULL, 1),
       (2, 'C01', '江城区', 'county', 1, '/1/2/', NULL, 1),
       (3, 'C01-M01-R01', '一线', 'route', 2, '/1/2/3/', 'urban', 1)`,
  );
  await db.query(`SELECT setval('district_id_seq', 3)`);
  await db.query(
    `INSERT INTO account_manager (id, code, name, phone, district_ids, version)
     VALUES (1, 'AM001', '王经理', '13800000000', '{3}', 1)`,
  );
  await db.query(
    `INSERT INTO brand (id, code, name, manufacturer_id, price_class, wholesale_price, retail_price, pack_type, status, version)
     VALUES (1, '6901028000001', '青岚(硬)', 1, 3, 100.00, 120.00, 'hard', 'active', 1),
            (2, '6901028000002', '金鼎(软)', 1, 1, 200.00, 220.00, 'soft', 'active', 1),
            (3, '6901028000003', '红河(细)', 1, 4, 60.00, 70.00, 'slim', 'active', 1)`,
  );
}

export type RetailerColumn = (typeof RETAILER_CSV_COLUMNS)[number];

export function retailerRow(
  licenceNo: string,
  overrides: Partial<Record<RetailerColumn, string>> = {},
): string[] {
  const values: Record<RetailerColumn, string> = {
    licence_no: licenceNo,
    shop_name: `便利店${licenceNo.slice(-3)}`,
    owner_name: '张三',
    phone: '13812345678',
    address: '江城区中山街1号',
    district_code: 'C01-M01-R01',
    market_type: 'urban',
    business_type: 'convenience',
    trade_area: 'residential',
    scale: '2',
    licence_status: 'valid',
    status: 'active',
    integrity_grade: 'A',
    tier: '12',
    terminal_status: 'none',
    account_manager_code: 'AM001',
    order_day: '3',
    visit_cycle: 'weekly',
    birthday: '1980-05-01',
    preferences: '',
    opened_on: '2015-03-10',
    ...overrides,
  };
  return RETAILER_CSV_COLUMNS.map((column) => values[column]);
}

export function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\n') + '\n';
}

export const retailersCsv = (rows: readonly (readonly string[])[]): string => csv(RETAILER_CSV_COLUMNS, rows);
export const orderLinesCsv = (rows: readonly (readonly string[])[]): string =>
  csv(ORDER_LINE_CSV_COLUMNS, rows);

export function upload(
  t: TestApp,
  kind: string,
  content: string | Buffer,
  options: { dryRun?: boolean } = {},
) {
  const req = request(t.http)
    .post('/api/imports')
    .field('kind', kind)
    .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), {
      filename: `${kind}.csv`,
      contentType: 'text/csv',
    });
  return options.dryRun === undefined ? req : req.field('dryRun', String(options.dryRun));
}

export interface ReportRow {
  line: string;
  field: string;
  value: string;
  reason: string;
}

export async function errorReport(t: TestApp, id: string): Promise<ReportRow[]> {
  const response = await request(t.http).get(`/api/imports/${id}/errors.csv`).expect(200);
  expect(response.headers['content-type']).toMatch(/^text\/csv/);
  return parse(response.text, { columns: true, bom: true }) as ReportRow[];
}

export async function count(db: DataSource, table: string): Promise<number> {
  const rows = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}
