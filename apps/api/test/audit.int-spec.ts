import request from 'supertest';
import { recordAudit } from '../src/modules/audit/audit-writer';
import { seedRegister, type RegisterFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

describe('Audit trail', () => {
  let t: TestApp;
  let f: RegisterFixture;
  beforeAll(async () => {
    t = await createTestApp();
    f = await seedRegister(t.db);
  });
  afterAll(() => t.close());

  it('should record who changed which fields of which record, before and after, with the request id', async () => {
    const id = f.retailerIds[0];
    const response = await request(t.http)
      .patch(`/api/customers/${id}`)
      .set('x-request-id', 'audit-test-0001')
      .send({ version: 1, tier: 26, shopName: '惠民便利店(新)' })
      .expect(200);
    expect(response.body.version).toBe(2);
    const { body } = await request(t.http).get(`/api/audit?entity=customer&entityId=${id}`).expect(200);
    expect(body.items[0]).toMatchObject({
      actorKind: 'user',
      actorName: expect.stringMatching(/admin/),
      action: 'update',
      entity: 'customer',
      entityId: String(id),
      changed: ['shopName', 'tier'],
      before: { shopName: '惠民便利店', tier: 25 },
      after: { shopName: '惠民便利店(新)', tier: 26 },
      requestId: 'audit-test-0001',
    });
  });

  it('should keep the reason of a deactivation and the creation of a record', async () => {
    await request(t.http)
      .post(`/api/customers/${f.retailerIds[4]}/deactivate`)
      .send({ version: 1, reason: '许可证注销' })
      .expect(201);
    const { body } = await request(t.http)
      .get(`/api/audit?entityId=${f.retailerIds[4]}&action=deactivate`)
      .expect(200);
    expect(body.items[0]).toMatchObject({ reason: '许可证注销', changed: ['status'] });
    const created = await request(t.http)
      .post('/api/manufacturers')
      .send({ code: 'MX9', name: '新工业' })
      .expect(201);
    const trail = await request(t.http)
      .get(`/api/audit?entity=manufacturer&entityId=${created.body.id}`)
      .expect(200);
    expect(trail.body.items[0]).toMatchObject({ action: 'create', after: { code: 'MX9', name: '新工业' } });
  });

  it('should write nothing when the change fails (stale version)', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM audit_log');
    await request(t.http)
      .patch(`/api/customers/${f.retailerIds[1]}`)
      .send({ version: 99, tier: 2 })
      .expect(409);
    const after = await t.db.query('SELECT count(*)::int AS n FROM audit_log');
    expect(after[0].n).toBe(before[0].n);
  });

  it('should commit or roll back together with the change it describes', async () => {
    await expect(
      t.db.transaction(async (manager) => {
        await manager.query('UPDATE retailer SET tier = 1 WHERE id = $1', [f.retailerIds[2]]);
        await recordAudit(manager, {
          action: 'update',
          entity: 'customer',
          entityId: f.retailerIds[2],
          before: { tier: 30 },
          after: { tier: 1 },
        });
        throw new Error('the change fails after its audit row was written');
      }),
    ).rejects.toThrow('fails');
    const [{ tier }] = await t.db.query('SELECT tier FROM retailer WHERE id = $1', [f.retailerIds[2]]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [
      String(f.retailerIds[2]),
    ]);
    expect([tier, n]).toEqual([30, 0]);
  });

  it('should refuse UPDATE, DELETE and TRUNCATE of audit rows, even to the application', async () => {
    await expect(t.db.query(`UPDATE audit_log SET actor_name = 'someone else'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('should let auditors and leaders read the trail, and nobody else', async () => {
    for (const role of ['auditor', 'leader'] as const) {
      await request(t.raw)
        .get('/api/audit')
        .set('authorization', `Bearer ${await t.tokenFor([role])}`)
        .expect(200);
    }
    for (const role of ['account_manager', 'customer_service', 'district_manager'] as const) {
      await request(t.raw)
        .get('/api/audit')
        .set('authorization', `Bearer ${await t.tokenFor([role])}`)
        .expect(403);
    }
    const { body } = await request(t.http)
      .post('/graphql')
      .send({ query: '{ auditTrail(filter: { entity: "customer" }) { total items { action changed } } }' });
    expect(body.data.auditTrail.total).toBeGreaterThan(0);
  });

  it('should never write secrets to the trail', async () => {
    await request(t.http)
      .post('/api/users')
      .send({ username: 'new.user', displayName: '新用户', roles: ['leader'], password: 'Initial-pass-2026' })
      .expect(201);
    const rows = await t.db.query(`SELECT before, after FROM audit_log WHERE entity = 'user'`);
    expect(JSON.stringify(rows)).not.toMatch(/argon2|Initial-pass|passwordHash/);
  });

  it('should validate the audit filters', async () => {
    await request(t.http).get('/api/audit?from=yesterday').expect(400);
    await request(t.http).get("/api/audit?entity=customer';DROP TABLE audit_log;--").expect(400);
    await request(t.http).get('/api/audit?pageSize=1000').expect(400);
  });
});
