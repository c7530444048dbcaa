import { RETAILER_CSV_COLUMNS } from '@tms/domain';
import request from 'supertest';
import {
  count,
  csv,
  errorReport,
  retailerRow,
  retailersCsv,
  seedImportReference,
  upload,
} from './import-fixtures';
import { createTestApp, type TestApp } from './test-app';

describe('POST /api/imports (retailers)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ environment: { UPLOAD_MAX_MB: '1' } });
    await seedImportReference(t.db);
  });
  afterAll(() => t.close());

  const valid = retailersCsv([
    retailerRow('421601000001'),
    retailerRow('421601000002', {
      market_type: 'rural',
      business_type: 'grocery',
      scale: '3',
      account_manager_code: '',
    }),
    retailerRow('421601000003', { shop_name: '烟酒行, "老字号"', preferences: '喜欢\n细支烟' }),
  ]);

  it('should insert a valid file and derive the classification code', async () => {
    const response = await upload(t, 'retailers', valid).expect(201);
    expect(response.body).toMatchObject({
      kind: 'retailers',
      state: 'succeeded',
      dryRun: false,
      rowsRead: 3,
      rowsInvalid: 0,
      rowsInserted: 3,
      rowsUpdated: 0,
      rowsUnchanged: 0,
      progress: 100,
      errorSample: [],
    });
    const rows = await t.db.query(
      `SELECT licence_no, classification_code, account_manager_id, shop_name, preferences, version
       FROM retailer ORDER BY licence_no`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        licence_no: '421601000001',
        classification_code: 'CB2',
        account_manager_id: 1,
      }),
      expect.objectContaining({
        licence_no: '421601000002',
        classification_code: 'XZ3',
        account_manager_id: null,
      }),
      expect.objectContaining({ shop_name: '烟酒行, "老字号"', preferences: '喜欢\n细支烟', version: 1 }),
    ]);
  });

  it('should change nothing when the same file is imported again', async () => {
    const before = await t.db.query(`SELECT id, version, updated_at FROM retailer ORDER BY id`);
    const response = await upload(t, 'retailers', valid).expect(201);
    expect(response.body).toMatchObject({
      state: 'succeeded',
      rowsInserted: 0,
      rowsUpdated: 0,
      rowsUnchanged: 3,
    });
    expect(await t.db.query(`SELECT id, version, updated_at FROM retailer ORDER BY id`)).toEqual(before);
  });

  it('should update only the rows whose values differ, bumping their version', async () => {
    const changed = retailersCsv([
      retailerRow('421601000001', { tier: '13' }),
      retailerRow('421601000002', {
        market_type: 'rural',
        business_type: 'grocery',
        scale: '3',
        account_manager_code: '',
      }),
      retailerRow('421601000003', { shop_name: '烟酒行, "老字号"', preferences: '喜欢\n细支烟' }),
      retailerRow('421601000004'),
    ]);
    const response = await upload(t, 'retailers', changed).expect(201);
    expect(response.body).toMatchObject({ rowsInserted: 1, rowsUpdated: 1, rowsUnchanged: 2 });
    const [first] = await t.db.query(`SELECT tier, version FROM retailer WHERE licence_no = '421601000001'`);
    expect(first).toEqual({ tier: 13, version: 2 });
  });

  it('should count but write nothing on a dry run', async () => {
    const file = retailersCsv([retailerRow('421601000001', { tier: '20' }), retailerRow('421601000009')]);
    const response = await upload(t, 'retailers', file, { dryRun: true }).expect(201);
    expect(response.body).toMatchObject({
      state: 'succeeded',
      dryRun: true,
      rowsInserted: 1,
      rowsUpdated: 1,
      rowsUnchanged: 0,
    });
    expect(await count(t.db, 'retailer')).toBe(4);
    const [first] = await t.db.query(`SELECT tier FROM retailer WHERE licence_no = '421601000001'`);
    expect(first.tier).toBe(13);
  });

  it('should reject a file with broken rows, report each line and field, and write nothing', async () => {
    const file = retailersCsv([
      retailerRow('421601000010'), // line 2: fine
      retailerRow('421601000011', { tier: '31' }), // 3
      retailerRow('421601000012', { phone: '1381234567' }), // 4
      retailerRow('421601000013', { district_code: 'C99-M99-R99' }), // 5
      retailerRow('421601000014', { business_type: 'kiosk', scale: 'big' }), // 6
      retailerRow('421601000015', { birthday: '1990-02-30' }), // 7
      retailerRow('421601000010', { shop_name: '重复' }), // 8: duplicate of line 2
      retailerRow('421601000016', { account_manager_code: 'AM999' }), // 9
    ]);
    const response = await upload(t, 'retailers', file).expect(201);
    expect(response.body).toMatchObject({ state: 'rejected', rowsRead: 8, rowsInvalid: 7, rowsInserted: 0 });
    const report = await errorReport(t, response.body.id);
    expect(report.map((r) => [Number(r.line), r.field])).toEqual([
      [3, 'tier'],
      [4, 'phone'],
      [5, 'district_code'],
      [6, 'business_type'],
      [6, 'scale'],
      [7, 'birthday'],
      [8, 'licence_no'],
      [9, 'account_manager_code'],
    ]);
    expect(report.find((r) => r.line === '8')?.reason).toMatch(/duplicate.*line 2/);
    expect(response.body.errorSample).toHaveLength(8);
    expect(await count(t.db, 'retailer')).toBe(4);
  });

  it('should report a NUL character in a field as a row error, not fail the import', async () => {
    const file = retailersCsv([
      retailerRow('421601000030'),
      retailerRow('421601000031', { shop_name: 'a\u0000b', address: 'x\u0000' }),
    ]);
    const response = await upload(t, 'retailers', file).expect(201);
    expect(response.body).toMatchObject({ state: 'rejected', rowsRead: 2, rowsInvalid: 1, rowsInserted: 0 });
    const report = await errorReport(t, response.body.id);
    expect(report.map((r) => [Number(r.line), r.field, r.value, r.reason])).toEqual([
      [3, 'address', 'x\\0', 'must not contain the NUL character (U+0000)'],
      [3, 'shop_name', 'a\\0b', 'must not contain the NUL character (U+0000)'],
    ]);
  });

  it('should reject a file whose header is wrong, on line 1', async () => {
    const header = RETAILER_CSV_COLUMNS.map((c) => (c === 'tier' ? 'grade' : c));
    const response = await upload(t, 'retailers', csv(header, [retailerRow('421601000020')])).expect(201);
    expect(response.body.state).toBe('rejected');
    const report = await errorReport(t, response.body.id);
    expect(report.map((r) => [r.line, r.field, r.reason])).toEqual([
      ['1', 'grade', 'unknown column'],
      ['1', 'tier', 'missing column'],
    ]);
  });

  it('should accept the columns in any order', async () => {
    const header = [...RETAILER_CSV_COLUMNS].reverse();
    const row = retailerRow('421601000021').reverse();
    const response = await upload(t, 'retailers', csv(header, [row])).expect(201);
    expect(response.body).toMatchObject({ state: 'succeeded', rowsInserted: 1 });
  });

  it('should answer 413 for a file above UPLOAD_MAX_MB and keep nothing', async () => {
    const big = Buffer.alloc(1024 * 1024 + 10, 'a');
    const response = await upload(t, 'retailers', big).expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('should answer 400 without a file or with an unknown kind', async () => {
    const noFile = await request(t.http).post('/api/imports').field('kind', 'retailers').expect(400);
    expect(noFile.body.code).toBe('BAD_REQUEST');
    const badKind = await upload(t, 'brands', valid).expect(400);
    expect(badKind.body.code).toBe('VALIDATION_FAILED');
    expect(badKind.body.details.fields[0].field).toBe('kind');
  });

  it('should answer 404 for an unknown import', async () => {
    await request(t.http).get('/api/imports/8b4f7e36-3f7e-4c55-9d5a-5d0f0b7c1a11').expect(404);
    await request(t.http).get('/api/imports/not-a-uuid').expect(404);
    await request(t.http).get('/api/imports/8b4f7e36-3f7e-4c55-9d5a-5d0f0b7c1a11/errors.csv').expect(404);
  });

  it('should list imports newest first, paged', async () => {
    const response = await request(t.http).get('/api/imports?pageSize=2').expect(200);
    expect(response.body.total).toBeGreaterThanOrEqual(7);
    expect(response.body.items).toHaveLength(2);
    const [a, b] = response.body.items;
    expect(new Date(a.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(b.createdAt).getTime());
    expect(a.fileName).toBe('retailers.csv');
  });
});
