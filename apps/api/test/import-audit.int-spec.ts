import { retailerRow, retailersCsv, seedImportReference, upload } from './import-fixtures';
import { createTestApp, type TestApp } from './test-app';

describe('Imports in the audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedImportReference(t.db);
  });
  afterAll(() => t.close());

  it('should record each created and changed retailer, with the importing user, and nothing for unchanged ones', async () => {
    await upload(
      t,
      'retailers',
      retailersCsv([retailerRow('421601000101'), retailerRow('421601000102')]),
    ).expect(201);
    const created = await t.db.query(
      `SELECT actor_kind, actor_name, entity_id, after->>'licence_no' AS licence FROM audit_log
        WHERE action = 'import_create' ORDER BY entity_id`,
    );
    expect(created.map((row: { licence: string }) => row.licence)).toEqual(['421601000101', '421601000102']);
    expect(created[0]).toMatchObject({ actor_kind: 'user', actor_name: expect.stringMatching(/admin/) });

    await upload(
      t,
      'retailers',
      retailersCsv([retailerRow('421601000101', { tier: '17' }), retailerRow('421601000102')]),
    ).expect(201);
    const updated = await t.db.query(
      `SELECT before, after, changed FROM audit_log WHERE action = 'import_update'`,
    );
    expect(updated).toHaveLength(1);
    expect(updated[0].changed).toEqual(['tier']);
    expect(updated[0].after).toEqual({ tier: 17 });
    const summaries = await t.db.query(`SELECT after FROM audit_log WHERE entity = 'import' ORDER BY id`);
    expect(summaries.map((row: { after: object }) => row.after)).toEqual([
      { kind: 'retailers', inserted: 2, updated: 0, unchanged: 0 },
      { kind: 'retailers', inserted: 0, updated: 1, unchanged: 1 },
    ]);
  });

  it('should write no audit row when the import is rejected or a dry run', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM audit_log');
    await upload(t, 'retailers', retailersCsv([retailerRow('421601000103', { tier: '31' })])).expect(201);
    await upload(t, 'retailers', retailersCsv([retailerRow('421601000104')]), { dryRun: true }).expect(201);
    const after = await t.db.query('SELECT count(*)::int AS n FROM audit_log');
    expect(after[0].n).toBe(before[0].n);
  });
});
