import type { Role } from '@tms/domain';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { runInContext } from '../src/common/http/request-context';
import { PrincipalsService } from '../src/modules/identity/auth/principals.service';
import { UserEntity } from '../src/modules/identity/user.entity';
import { UsersService } from '../src/modules/identity/users/users.service';
import type { HashedUpload } from '../src/modules/imports/import-files';
import type { ImportJobEntity } from '../src/modules/imports/import-job.entity';
import { ImportsService } from '../src/modules/imports/imports.service';
import {
  count,
  errorReport,
  retailerRow,
  retailersCsv,
  seedImportReference,
  upload,
} from './import-fixtures';
import { createTestApp, type TestApp } from './test-app';

/** Runs an import in the service as a user with these roles, as the controller does for a request. */
async function importInService(
  t: TestApp,
  username: string,
  roles: Role[],
  links: { districtIds?: number[]; accountManagerId?: number },
  rows: string[][],
): Promise<ImportJobEntity> {
  await t.app
    .get(UsersService)
    .create(
      { username, displayName: username, roles, password: 'Test-password-2026', ...links },
      { mustChangePassword: false },
    );
  const user = await t.db.getRepository(UserEntity).findOneByOrFail({ username });
  const principal = t.app.get(PrincipalsService).principalOf(user, null);
  const content = retailersCsv(rows);
  const dir = join(t.env.IMPORT_DIR, 'uploads');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.csv`);
  writeFileSync(path, content);
  const file = {
    path,
    originalname: 'retailers.csv',
    size: Buffer.byteLength(content),
    sha256: createHash('sha256').update(content).digest('hex'),
  } as HashedUpload;
  return runInContext({ requestId: null, principal }, () =>
    t.app.get(ImportsService).create(file, { kind: 'retailers' }),
  );
}

/**
 * The customer field rules through the retailer import. Only an administrator holds `imports:run` today, so
 * managers are refused at the door; the import applies the same rules itself, for whoever runs it, so that
 * granting the permission later cannot reopen the hole: the scoped imports below run in the service with a
 * manager's principal, as the controller would run them.
 */
describe('Retailer import field rules', () => {
  let t: TestApp;
  let users = 0;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    await seedImportReference(t.db);
    // A second county with its own route and manager: someone else's district.
    await t.db.query(
      `INSERT INTO district (id, code, name, level, parent_id, path, market_type, version) VALUES
         (4, 'C02', '河西区', 'county', 1, '/1/4/', NULL, 1),
         (5, 'C02-M01-R01', '二线', 'route', 4, '/1/4/5/', 'rural', 1)`,
    );
    await t.db.query(
      `INSERT INTO account_manager (id, code, name, phone, district_ids, version)
       VALUES (2, 'AM002', '李经理', '13800000001', '{5}', 1)`,
    );
    await upload(
      t,
      'retailers',
      retailersCsv([
        retailerRow('421601000001'),
        retailerRow('421601000002', { district_code: 'C02-M01-R01', account_manager_code: 'AM002' }),
      ]),
    ).expect(201);
  });
  afterAll(() => t.close());

  const snapshot = () =>
    t.db.query(
      `SELECT licence_no, tier, integrity_grade, district_id, account_manager_id, phone, version
         FROM retailer ORDER BY licence_no`,
    );

  const importAs = (
    roles: Role[],
    links: { districtIds?: number[]; accountManagerId?: number },
    rows: string[][],
  ) => importInService(t, `importer${++users}`, roles, links, rows);
  const accountManager = (rows: string[][]) => importAs(['account_manager'], { accountManagerId: 1 }, rows);
  const districtManager = (rows: string[][]) => importAs(['district_manager'], { districtIds: [4] }, rows);

  async function expectRejected(job: ImportJobEntity, field: string, reason: RegExp): Promise<void> {
    expect(job).toMatchObject({ state: 'rejected', rowsInserted: 0, rowsUpdated: 0 });
    const report = await errorReport(t, job.id);
    expect(report).toEqual([
      expect.objectContaining({ line: '2', field, reason: expect.stringMatching(reason) }),
    ]);
  }

  describe('through the API', () => {
    it('should refuse an account manager and a district manager any import, and change nothing', async () => {
      const before = await snapshot();
      const file = Buffer.from(retailersCsv([retailerRow('421601000001', { tier: '30' })]));
      for (const token of [
        await t.tokenFor(['account_manager'], { accountManagerId: 1 }),
        await t.tokenFor(['district_manager'], { districtIds: [4] }),
      ]) {
        const { body } = await request(t.raw)
          .post('/api/imports')
          .set(as(token))
          .field('kind', 'retailers')
          .attach('file', file, { filename: 'retailers.csv', contentType: 'text/csv' })
          .expect(403);
        expect(body.code).toBe('FORBIDDEN');
      }
      expect(await snapshot()).toEqual(before);
      expect(await count(t.db, 'import_job')).toBe(1);
    });

    it('should let an administrator change tier, grade and district, each change audited', async () => {
      const { body } = await upload(
        t,
        'retailers',
        retailersCsv([
          retailerRow('421601000009', { tier: '20', integrity_grade: 'B' }),
          retailerRow('421601000010'),
        ]),
      ).expect(201);
      expect(body).toMatchObject({ state: 'succeeded', rowsInserted: 2 });
      const changed = await upload(
        t,
        'retailers',
        retailersCsv([
          retailerRow('421601000009', { tier: '21', integrity_grade: 'A', district_code: 'C02-M01-R01' }),
          retailerRow('421601000010'),
        ]),
      ).expect(201);
      expect(changed.body).toMatchObject({ state: 'succeeded', rowsUpdated: 1 });
      const [audit] = await t.db.query(
        `SELECT a.changed, a.actor_name FROM audit_log a JOIN retailer r ON a.entity_id = r.id::text
          WHERE a.action = 'import_update' AND r.licence_no = '421601000009'`,
      );
      expect(audit.changed).toEqual(['district_id', 'integrity_grade', 'tier']);
      expect(audit.actor_name).toMatch(/admin/);
    });
  });

  describe('for an account manager', () => {
    it('should re-import their retailer with its tier and grade unchanged, updating the rest', async () => {
      const job = await accountManager([retailerRow('421601000001', { phone: '13900000009' })]);
      expect(job).toMatchObject({ state: 'succeeded', rowsUpdated: 1 });
      const [row] = await t.db.query(`SELECT phone, tier FROM retailer WHERE licence_no = '421601000001'`);
      expect(row).toEqual({ phone: '13900000009', tier: 12 });
    });

    it.each([
      ['tier', { tier: '30' }, /administrator.*12/],
      ['integrity_grade', { integrity_grade: 'D' }, /administrator.*A/],
      ['district_code', { district_code: 'C02-M01-R01' }, /outside the districts you manage or serve/],
    ])(
      'should reject a row changing %s of their retailer and write nothing',
      async (field, change, reason) => {
        const before = await snapshot();
        const job = await accountManager([retailerRow('421601000001', { phone: '13900000008', ...change })]);
        await expectRejected(job, field, reason);
        expect(await snapshot()).toEqual(before);
      },
    );

    it('should reject a row for another manager’s retailer', async () => {
      const before = await snapshot();
      const job = await accountManager([
        retailerRow('421601000002', { district_code: 'C02-M01-R01', account_manager_code: 'AM002' }),
      ]);
      await expectRejected(job, 'licence_no', /outside the districts and customers you manage/);
      expect(await snapshot()).toEqual(before);
    });

    it('should reject a new retailer in a district they do not serve', async () => {
      const job = await accountManager([retailerRow('421601000003', { district_code: 'C02-M01-R01' })]);
      await expectRejected(job, 'district_code', /outside the districts you manage or serve/);
      expect(await count(t.db, 'retailer')).toBe(4);
    });

    it('should keep the tier of a new retailer in their district, recorded as imported by them', async () => {
      const job = await accountManager([retailerRow('421601000004', { tier: '25' })]);
      expect(job).toMatchObject({ state: 'succeeded', rowsInserted: 1 });
      const [audit] = await t.db.query(
        `SELECT actor_name, after->>'tier' AS tier FROM audit_log
          WHERE action = 'import_create' AND after->>'licence_no' = '421601000004'`,
      );
      expect(audit).toEqual({ actor_name: expect.stringMatching(/^importer/), tier: '25' });
    });
  });

  describe('for a district manager', () => {
    it('should reject a tier change in their own county', async () => {
      const before = await snapshot();
      const job = await districtManager([
        retailerRow('421601000002', {
          district_code: 'C02-M01-R01',
          account_manager_code: 'AM002',
          tier: '29',
        }),
      ]);
      await expectRejected(job, 'tier', /administrator/);
      expect(await snapshot()).toEqual(before);
    });

    it('should reject a retailer of someone else’s district and a new one placed there', async () => {
      const before = await snapshot();
      await expectRejected(await districtManager([retailerRow('421601000001')]), 'licence_no', /outside/);
      await expectRejected(
        await districtManager([retailerRow('421601000005', { district_code: 'C01-M01-R01' })]),
        'district_code',
        /outside the districts you manage or serve/,
      );
      expect(await snapshot()).toEqual(before);
    });

    it('should move a retailer within their county', async () => {
      const job = await districtManager([
        retailerRow('421601000002', { district_code: 'C02', account_manager_code: 'AM002' }),
      ]);
      expect(job).toMatchObject({ state: 'succeeded', rowsUpdated: 1 });
    });
  });
});

describe('Retailer import field rules in a queued import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ startWorkers: true, environment: { IMPORT_INLINE_MAX_BYTES: '1' } });
    await seedImportReference(t.db);
    await t.db.query(
      `INSERT INTO retailer (licence_no, shop_name, owner_name, phone, address, district_id, market_type,
         business_type, trade_area, scale, classification_code, licence_status, integrity_grade, tier,
         account_manager_id, order_day, visit_cycle, version)
       VALUES ('421601000001', '便利店001', '张三', '13812345678', '江城区中山街1号', 3, 'urban', 'convenience',
         'residential', 2, 'CB2', 'valid', 'A', 12, 1, 3, 'weekly', 1)`,
    );
  });
  afterAll(() => t.close());

  it('should carry the uploader’s authority to the worker and reject the tier change there', async () => {
    const queued = await importInService(t, 'queued.importer', ['account_manager'], { accountManagerId: 1 }, [
      retailerRow('421601000001', { tier: '30' }),
    ]);
    expect(queued.state).toBe('queued');
    const deadline = Date.now() + 60_000;
    let job = queued;
    while (['queued', 'running'].includes(job.state)) {
      if (Date.now() > deadline) throw new Error(`import ${job.id} still ${job.state}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = await t.app.get(ImportsService).get(job.id);
    }
    expect(job).toMatchObject({
      state: 'rejected',
      errorSample: [expect.objectContaining({ field: 'tier' })],
    });
    const [{ tier }] = await t.db.query(`SELECT tier FROM retailer WHERE licence_no = '421601000001'`);
    expect(tier).toBe(12);
  });
});
