import request from 'supertest';
import { ImportRunner } from '../src/modules/imports/import-runner.service';
import { importJobId, IMPORT_QUEUE } from '../src/modules/imports/imports.service';
import { QueueBackend } from '../src/queue/queue-backend';
import {
  count,
  orderLinesCsv,
  retailerRow,
  retailersCsv,
  seedImportReference,
  upload,
} from './import-fixtures';
import { createTestApp, describeWithRedis, type TestApp, type TestAppOptions } from './test-app';

const RETAILERS = 100;
const DAYS = 100;
const BRANDS = ['6901028000001', '6901028000002', '6901028000003'];
const licence = (i: number) => `4216010${String(i).padStart(5, '0')}`;

/** 30,000 order lines (~1.5 MB): above the inline limit the tests set, so they run as a BullMQ job. */
function moderateOrderLines(): string {
  const rows: string[][] = [];
  for (let d = 0; d < DAYS; d++) {
    const day = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
    for (let r = 0; r < RETAILERS; r++) {
      BRANDS.forEach((brand, b) =>
        rows.push([
          licence(r),
          brand,
          day,
          String(1 + ((r + b + d) % 7)),
          `${(1 + ((r + b + d) % 7)) * 100}.00`,
        ]),
      );
    }
  }
  return orderLinesCsv(rows);
}

async function waitUntilFinished(t: TestApp, id: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const { body } = await request(t.http).get(`/api/imports/${id}`).expect(200);
    if (['succeeded', 'rejected', 'failed'].includes(body.state)) return body;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${body.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function importJobSuite(options: TestAppOptions): void {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      ...options,
      startWorkers: true,
      environment: { IMPORT_INLINE_MAX_BYTES: '100000' },
    });
    await seedImportReference(t.db);
    const retailers = retailersCsv(Array.from({ length: RETAILERS }, (_, i) => retailerRow(licence(i))));
    const response = await upload(t, 'retailers', retailers).expect(201);
    expect(response.body).toMatchObject({ state: 'succeeded', rowsInserted: RETAILERS });
  });
  afterAll(() => t.close());

  it('should run a large file as a job with progress, then keep monthly sales in step', async () => {
    const file = moderateOrderLines();
    const created = await upload(t, 'order_lines', file).expect(201);
    expect(created.body.state).toBe('queued');
    const done = await waitUntilFinished(t, created.body.id);
    expect(done).toMatchObject({
      state: 'succeeded',
      rowsRead: RETAILERS * DAYS * BRANDS.length,
      rowsInserted: RETAILERS * DAYS * BRANDS.length,
      bytesRead: Buffer.byteLength(file),
      progress: 100,
    });
    const job = await t.app.get(QueueBackend).queue(IMPORT_QUEUE).getJob(importJobId(created.body.id));
    expect(job?.progress).toMatchObject({ bytesRead: expect.any(Number), rowsRead: expect.any(Number) });
    const [mismatch] = await t.db.query(
      `SELECT count(*)::int AS n FROM (
         SELECT retailer_id, date_trunc('month', order_date)::date AS month, brand_id,
                sum(cartons)::int AS cartons, sum(amount) AS amount, count(*)::int AS order_count
         FROM order_line GROUP BY 1, 2, 3
         EXCEPT SELECT retailer_id, month, brand_id, cartons, amount, order_count FROM monthly_sales) d`,
    );
    expect(mismatch.n).toBe(0);
    expect(await count(t.db, 'monthly_sales')).toBe(RETAILERS * BRANDS.length * 4);
  });

  it('should leave a failed import failed with a message and nothing written', async () => {
    await t.db.query(`ALTER TABLE order_line ADD CONSTRAINT test_small_orders CHECK (cartons < 7) NOT VALID`);
    try {
      // Every line is new (2020, a leap year like 2024); those with 7 cartons break the constraint part-way through.
      const file = moderateOrderLines().replace(/,2024-/g, ',2020-');
      const created = await upload(t, 'order_lines', file).expect(201);
      const done = await waitUntilFinished(t, created.body.id);
      expect(done.state).toBe('failed');
      expect(done.message).toMatch(/nothing was written/);
      const [early] = await t.db.query(
        `SELECT count(*)::int AS n FROM order_line WHERE order_date < '2024-01-01'`,
      );
      expect(early.n).toBe(0);
    } finally {
      await t.db.query(`ALTER TABLE order_line DROP CONSTRAINT test_small_orders`);
    }
  });
}

describe('Import jobs on the PostgreSQL queue backend', () => {
  importJobSuite({ queueBackend: 'postgres' });
});

describeWithRedis('Import jobs on the Redis queue backend', () => {
  importJobSuite({ queueBackend: 'redis' });
});

describe('Import interrupted by a crash', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should be failed with a message once no runner holds it', async () => {
    const [row] = await t.db.query(
      `INSERT INTO import_job (kind, state, dry_run, file_name, file_size, file_sha256, started_at)
       VALUES ('order_lines', 'running', false, 'big.csv', 1000, repeat('0', 64), now()) RETURNING id`,
    );
    await t.app.get(ImportRunner).failInterrupted();
    const { body } = await request(t.http).get(`/api/imports/${row.id}`).expect(200);
    expect(body).toMatchObject({ state: 'failed', progress: 100 });
    expect(body.message).toMatch(/interrupted.*nothing was written/);
  });
});
