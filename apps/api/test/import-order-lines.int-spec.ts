import { ORDER_LINE_CSV_COLUMNS } from '@tms/domain';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { runBulkImport } from '../src/modules/imports/bulk/bulk-import';
import { orderLineKind } from '../src/modules/imports/order-lines/order-line-kind';
import {
  count,
  csv,
  errorReport,
  orderLinesCsv,
  retailerRow,
  retailersCsv,
  seedImportReference,
  upload,
} from './import-fixtures';
import { createTestApp, type TestApp } from './test-app';

const A = '421601000001';
const B = '421601000002';
const BRAND_1 = '6901028000001';
const BRAND_2 = '6901028000002';

/** Order lines summed per retailer, month and brand: what monthly_sales must hold. */
const SUMS_FROM_ORDER_LINES = `
  SELECT retailer_id, to_char(date_trunc('month', order_date), 'YYYY-MM-DD') AS month, brand_id,
         sum(cartons)::int AS cartons, sum(amount)::text AS amount, count(*)::int AS order_count
  FROM order_line GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const MONTHLY_SALES = `
  SELECT retailer_id, to_char(month, 'YYYY-MM-DD') AS month, brand_id, cartons, amount::text AS amount, order_count
  FROM monthly_sales ORDER BY 1, 2, 3`;

describe('POST /api/imports (order lines)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedImportReference(t.db);
    await upload(t, 'retailers', retailersCsv([retailerRow(A), retailerRow(B)])).expect(201);
  });
  afterAll(() => t.close());

  const lines = [
    [A, BRAND_1, '2026-01-07', '5', '500.00'],
    [A, BRAND_2, '2026-01-07', '2', '400.00'],
    [A, BRAND_1, '2026-01-14', '3', '300'],
    [B, BRAND_1, '2026-01-28', '1', '100.5'],
    [B, BRAND_1, '2026-02-04', '4', '400.00'],
  ];

  it('should insert order lines and build monthly sales from them', async () => {
    const response = await upload(t, 'order_lines', orderLinesCsv(lines)).expect(201);
    expect(response.body).toMatchObject({
      state: 'succeeded',
      createdBy: 'user:user1.admin',
      rowsRead: 5,
      rowsInserted: 5,
      rowsUnchanged: 0,
    });
    expect(await count(t.db, 'order_line')).toBe(5);
    const sales = await t.db.query(MONTHLY_SALES);
    expect(sales).toEqual(await t.db.query(SUMS_FROM_ORDER_LINES));
    expect(sales[0]).toEqual({
      retailer_id: 1,
      month: '2026-01-01',
      brand_id: 1,
      cartons: 8,
      amount: '800.00',
      order_count: 2,
    });
  });

  it('should change nothing when the same file is imported again', async () => {
    const response = await upload(t, 'order_lines', orderLinesCsv(lines)).expect(201);
    expect(response.body).toMatchObject({
      state: 'succeeded',
      rowsInserted: 0,
      rowsUpdated: 0,
      rowsUnchanged: 5,
    });
  });

  it('should update changed lines and rebuild only their months', async () => {
    // Monthly sales of an untouched month are left alone: tamper with one to prove it is not recomputed.
    await t.db.query(
      `UPDATE monthly_sales SET order_count = 99 WHERE retailer_id = 2 AND month = '2026-02-01'`,
    );
    const changed = [
      [A, BRAND_1, '2026-01-07', '6', '600.00'],
      [A, BRAND_2, '2026-03-04', '1', '200.00'],
    ];
    const response = await upload(t, 'order_lines', orderLinesCsv(changed)).expect(201);
    expect(response.body).toMatchObject({ rowsInserted: 1, rowsUpdated: 1, rowsUnchanged: 0 });
    const [jan] = await t.db.query(
      `SELECT cartons, amount::text AS amount FROM monthly_sales WHERE retailer_id = 1 AND brand_id = 1 AND month = '2026-01-01'`,
    );
    expect(jan).toEqual({ cartons: 9, amount: '900.00' });
    const [feb] = await t.db.query(
      `SELECT order_count FROM monthly_sales WHERE retailer_id = 2 AND month = '2026-02-01'`,
    );
    expect(feb.order_count).toBe(99);
    await t.db.query(
      `UPDATE monthly_sales SET order_count = 1 WHERE retailer_id = 2 AND month = '2026-02-01'`,
    );
    expect(await t.db.query(MONTHLY_SALES)).toEqual(await t.db.query(SUMS_FROM_ORDER_LINES));
  });

  it('should report exactly the broken lines and write nothing', async () => {
    const file = orderLinesCsv([
      [A, BRAND_1, '2026-04-01', '2', '200.00'], // 2: fine
      [A, BRAND_1, '2026-04-08', 'two', '200.00'], // 3: wrong type
      ['421699999999', BRAND_1, '2026-04-08', '2', '200.00'], // 4: unknown licence
      [A, '6900000000007', '2026-04-08', '2', '200.00'], // 5: unknown brand
      [A, BRAND_2, '2026-02-30', '2', '200.00'], // 6: no such date
      [A, BRAND_2, '2026-04-15', '-3', '-300.00'], // 7: negative cartons and amount
      [B, BRAND_1, '2026-04-22', '2', 'N/A'], // 8: amount not a number
      [A, BRAND_1, '2026-04-01', '2', '200.00'], // 9: duplicate of line 2
      [B, BRAND_2, '2026-04-22', '1', '1.005'], // 10: three decimals
      [B, BRAND_2, '2026-04-29', '1'], // 11: a field missing
    ]);
    const response = await upload(t, 'order_lines', file).expect(201);
    expect(response.body).toMatchObject({ state: 'rejected', rowsRead: 10, rowsInvalid: 9, rowsInserted: 0 });
    const report = await errorReport(t, response.body.id);
    expect(report.map((r) => [Number(r.line), r.field])).toEqual([
      [3, 'cartons'],
      [4, 'licence_no'],
      [5, 'brand_code'],
      [6, 'order_date'],
      [7, 'amount'],
      [7, 'cartons'],
      [8, 'amount'],
      [9, ''],
      [10, 'amount'],
      [11, ''],
    ]);
    expect(report.find((r) => r.line === '9')?.reason).toMatch(/duplicate of line 2/);
    expect(report.find((r) => r.line === '6')?.reason).toBe('is not a real calendar date');
    expect(await count(t.db, 'order_line')).toBe(6);
  });

  it('should write nothing when one bad row sits among good ones', async () => {
    const good = Array.from({ length: 200 }, (_, i) => {
      const day = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
      return [i % 2 ? A : B, brandFor(i), day, '1', '100.00'];
    });
    good.splice(150, 0, [A, BRAND_1, '2025-13-01', '1', '100.00']);
    const response = await upload(t, 'order_lines', orderLinesCsv(good)).expect(201);
    expect(response.body).toMatchObject({ state: 'rejected', rowsInvalid: 1 });
    expect(response.body.errorSample).toEqual([
      { line: 152, field: 'order_date', value: '2025-13-01', reason: 'is not a real calendar date' },
    ]);
    expect(await count(t.db, 'order_line')).toBe(6);
  });

  it('should report what a dry run would do without writing', async () => {
    const file = orderLinesCsv([
      [A, BRAND_1, '2026-01-07', '6', '600.00'],
      [A, BRAND_1, '2026-05-06', '1', '100.00'],
      [B, BRAND_1, '2026-02-04', '9', '900.00'],
    ]);
    const response = await upload(t, 'order_lines', file, { dryRun: true }).expect(201);
    expect(response.body).toMatchObject({
      state: 'succeeded',
      rowsInserted: 1,
      rowsUpdated: 1,
      rowsUnchanged: 1,
    });
    expect(await count(t.db, 'order_line')).toBe(6);
  });

  it('should reject a wrong header', async () => {
    const header = ORDER_LINE_CSV_COLUMNS.map((c) => (c === 'amount' ? 'value' : c));
    const response = await upload(t, 'order_lines', csv(header, [lines[0]])).expect(201);
    expect(response.body.state).toBe('rejected');
    expect(response.body.errorSample.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [1, 'amount'],
      [1, 'value'],
    ]);
  });

  it('should add new lines to their months batch by batch, a month split over several batches included', async () => {
    const before = await t.db.query(MONTHLY_SALES);
    const client = new Client({ connectionString: t.env.DATABASE_URL });
    await client.connect();
    try {
      // every day of July for both shops, in batches of a few lines; plus one more line for January
      const july = Array.from({ length: 31 }, (_, i) => `2026-07-${String(i + 1).padStart(2, '0')}`);
      const rows = [
        ...july.flatMap((day) => [
          [A, BRAND_1, day, '1', '10.00'],
          [B, BRAND_2, day, '2', '20.00'],
        ]),
        [A, BRAND_1, '2026-01-21', '2', '200.00'],
      ];
      const result = await runBulkImport(client, orderLineKind, {
        openSource: () => Readable.from([orderLinesCsv(rows)]),
        dryRun: false,
        batchChars: 200,
      });
      expect(result).toMatchObject({ state: 'succeeded', inserted: 63, updated: 0 });
    } finally {
      await client.end();
    }
    const sales = await t.db.query(MONTHLY_SALES);
    expect(sales).toEqual(await t.db.query(SUMS_FROM_ORDER_LINES));
    const july = sales.filter((row: { month: string }) => row.month === '2026-07-01');
    expect(
      july.map((row: { cartons: number; order_count: number }) => [row.cartons, row.order_count]),
    ).toEqual([
      [31, 31],
      [62, 31],
    ]);
    const january = (
      rows: Array<{ month: string; retailer_id: number; brand_id: number; cartons: number }>,
    ) => rows.find((row) => row.month === '2026-01-01' && row.retailer_id === 1 && row.brand_id === 1)!;
    expect(january(sales).cartons).toBe(january(before).cartons + 2);
  });

  it('should find a key repeated across batches, even when the first copy changed nothing', async () => {
    const stored = await count(t.db, 'order_line');
    const client = new Client({ connectionString: t.env.DATABASE_URL });
    await client.connect();
    try {
      const rows = [
        [A, BRAND_1, '2026-01-14', '3', '300.00'], // 2: already stored, unchanged
        ...Array.from({ length: 50 }, (_, i) => [
          B,
          BRAND_2,
          `2026-06-${String(1 + (i % 28)).padStart(2, '0')}`,
          String(1 + Math.floor(i / 28)),
          '1.00',
        ]),
        [A, BRAND_1, '2026-01-14', '3', '300.00'], // 53: the same key again, in a later batch
      ];
      // 50 rows over 28 days: lines 31–52 repeat the keys of lines 3–24, several batches earlier.
      const result = await runBulkImport(client, orderLineKind, {
        openSource: () => Readable.from([orderLinesCsv(rows)]),
        dryRun: false,
        batchChars: 200,
      });
      expect(result.state).toBe('rejected');
      const lines = result.errorSample.map((e) => e.line);
      expect(lines).toContain(53);
      expect(lines).toEqual([...Array.from({ length: 22 }, (_, i) => 31 + i), 53]);
      expect(await count(t.db, 'order_line')).toBe(stored);
    } finally {
      await client.end();
    }
  });
});

function brandFor(i: number): string {
  return i % 3 === 0 ? '6901028000003' : BRAND_1;
}
