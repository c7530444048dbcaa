import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { seedRegister } from './fixtures';
import { createTestApp, describeWithRedis, redisUrl, type TestApp } from './test-app';

const WORKER = join(__dirname, '..', 'dist', 'worker.js');
const RETAILERS = 120;

/** Many small chunks of real work: 120 retailers × 3 brands × 36 months. */
async function seedManyRetailers(t: TestApp): Promise<number> {
  const f = await seedRegister(t.db);
  await t.db.query(
    `INSERT INTO retailer (licence_no, shop_name, owner_name, phone, address, district_id, market_type, business_type,
       trade_area, scale, classification_code, licence_status, integrity_grade, tier, order_day, visit_cycle, version)
     SELECT '4309' || lpad(i::text, 8, '0'), '店' || i, '主' || i, '139' || lpad(i::text, 8, '0'), '路' || i, $1,
            'urban', 'grocery', 'residential', 2, 'CZ2', 'valid', 'A', 1 + i % 30, 1 + i % 5, 'weekly', 1
       FROM generate_series(1, $2) i`,
    [f.routeIds[0], RETAILERS],
  );
  const brand = await t.db.query(
    `INSERT INTO brand (code, name, manufacturer_id, price_class, wholesale_price, retail_price, pack_type, status, version)
     SELECT 'B003', '测试(硬)', manufacturer_id, 3, 150, 170, 'hard', 'active', 1 FROM brand LIMIT 1 RETURNING id`,
  );
  await t.db.query('DELETE FROM monthly_sales');
  await t.db.query(
    `INSERT INTO monthly_sales (retailer_id, month, brand_id, cartons, amount, order_count)
     SELECT r.id, m::date, b, 3 + ((extract(month FROM m)::int * 5 + r.id + b) % 7), 100, 4
       FROM retailer r, unnest($1::int[]) b,
            generate_series('2023-11-01'::date, '2026-10-01'::date, interval '1 month') m`,
    [[...f.brandIds, brand[0].id]],
  );
  const [{ series }] = await t.db.query(
    'SELECT count(DISTINCT (retailer_id, brand_id))::int AS series FROM monthly_sales',
  );
  return series;
}

function startWorker(t: TestApp, backend: 'postgres' | 'redis'): ChildProcess {
  return spawn(process.execPath, [WORKER], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: t.env.DATABASE_URL,
      ...(backend === 'redis' ? { REDIS_URL: redisUrl } : {}),
      QUEUE_PREFIX: t.env.QUEUE_PREFIX,
      RUN_MIGRATIONS: 'false',
      FORECAST_SCHEDULE_ENABLED: 'false',
      QUEUE_LOCK_DURATION_MS: '1500',
      QUEUE_STALLED_INTERVAL_MS: '1000',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
}

function crashSuite(backend: 'postgres' | 'redis') {
  let t: TestApp;
  let seriesCount: number;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error(`Build the API first (${WORKER} is missing): npm test does it`);
    t = await createTestApp({
      queueBackend: backend,
      environment: { FORECAST_CHUNK_SIZE: '1', FORECAST_SCHEDULE_ENABLED: 'false' },
    });
    seriesCount = await seedManyRetailers(t);
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await t.close();
  });

  it('should finish a run after its worker is killed mid-way, without redoing or duplicating chunks', async () => {
    const { body: run } = await request(t.http)
      .post('/api/forecast-runs')
      .send({ month: '2026-11', horizon: 3 })
      .expect(201);
    expect(run.chunksTotal).toBe(RETAILERS + 5);

    const first = startWorker(t, backend);
    workers.push(first);
    const doneBeforeKill = await until(async () => {
      const [row] = await t.db.query('SELECT chunks_done FROM forecast_run WHERE id = $1', [run.id]);
      return row.chunks_done >= 10 ? row.chunks_done : undefined;
    }, 60_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const finishedBefore: Array<{ chunk_no: number; finished_at: Date }> = await t.db.query(
      'SELECT chunk_no, finished_at FROM forecast_run_chunk WHERE run_id = $1 AND done ORDER BY chunk_no',
      [run.id],
    );
    expect(finishedBefore.length).toBeGreaterThanOrEqual(doneBeforeKill);
    expect(finishedBefore.length).toBeLessThan(run.chunksTotal);

    workers.push(startWorker(t, backend));
    const final = await until(async () => {
      const { body } = await request(t.http).get(`/api/forecast-runs/${run.id}`);
      return body.state === 'completed' || body.state === 'failed' ? body : undefined;
    }, 90_000);

    expect(final).toMatchObject({ state: 'completed', chunksDone: run.chunksTotal, seriesDone: seriesCount });
    const [{ rows }] = await t.db.query(
      'SELECT count(*)::int AS rows FROM forecast_value WHERE run_id = $1',
      [run.id],
    );
    expect(rows).toBe(seriesCount * 3);
    const after: Array<{ chunk_no: number; finished_at: Date; attempts: number }> = await t.db.query(
      'SELECT chunk_no, finished_at, attempts FROM forecast_run_chunk WHERE run_id = $1 ORDER BY chunk_no',
      [run.id],
    );
    for (const before of finishedBefore) {
      const same = after.find((chunk) => chunk.chunk_no === before.chunk_no)!;
      expect(same.finished_at.getTime()).toBe(before.finished_at.getTime());
    }
    expect(after.every((chunk) => chunk.attempts === 1)).toBe(true);
  }, 180_000);
}

describe('A forecast run surviving a worker crash (PostgreSQL queue backend)', () => crashSuite('postgres'));
describeWithRedis('A forecast run surviving a worker crash (Redis queue backend)', () => crashSuite('redis'));
