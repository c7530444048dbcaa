import Redis from 'ioredis';
import request from 'supertest';
import { Clock, FixedClock } from '../src/common/time/clock';
import { QueueBackend } from '../src/queue/queue-backend';
import { seedRegister, type RegisterFixture } from './fixtures';
import { createTestApp, describeWithRedis, redisUrl, TEST_NOW, type TestApp } from './test-app';

/** 36 months of seasonal sales (Nov 2023 – Oct 2026) for every fixture retailer and both brands. */
async function seedHistory(t: TestApp, f: RegisterFixture): Promise<void> {
  await t.db.query('DELETE FROM monthly_sales');
  await t.db.query(
    `INSERT INTO monthly_sales (retailer_id, month, brand_id, cartons, amount, order_count)
     SELECT r, m::date, b, 5 + ((extract(month FROM m)::int * 7 + r + b) % 6), 100, 4
       FROM unnest($1::int[]) r, unnest($2::int[]) b,
            generate_series('2023-11-01'::date, '2026-10-01'::date, interval '1 month') m`,
    [f.retailerIds, f.brandIds],
  );
}

async function waitForRun(t: TestApp, id: string, states = ['completed', 'failed', 'cancelled']) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const { body } = await request(t.http).get(`/api/forecast-runs/${id}`).expect(200);
    if (states.includes(body.state)) return body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`run ${id} did not finish`);
}

/** Queues scoring, waits for the job to finish (it is removed on completion) and returns the months scored. */
async function scoreAndWait(t: TestApp, runId: string): Promise<string[]> {
  await request(t.http).post(`/api/forecast-runs/${runId}/score`).expect(202);
  const queue = t.app.get(QueueBackend).queue('forecasting');
  for (let attempt = 0; attempt < 300 && (await queue.getJob(`score-${runId}`)); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { body } = await request(t.http)
    .get(`/api/forecast-accuracy?runId=${runId}&level=company`)
    .expect(200);
  return body.map((row: { period: string }) => row.period);
}

function runSuite(backend: 'postgres' | 'redis') {
  let t: TestApp;
  let f: RegisterFixture;
  beforeAll(async () => {
    t = await createTestApp({
      queueBackend: backend,
      startWorkers: true,
      environment: { FORECAST_CHUNK_SIZE: '2', FORECAST_SCHEDULE_ENABLED: 'true' },
    });
    f = await seedHistory(t, (f = await seedRegister(t.db))).then(() => f);
  });
  afterAll(() => t.close());

  it('should forecast every active series in chunks and record the run', async () => {
    const started = await request(t.http)
      .post('/api/forecast-runs')
      .send({ month: '2026-11', horizon: 2 })
      .expect(201);
    expect(started.body).toMatchObject({ month: '2026-11', version: 1, chunksTotal: 3, retailersTotal: 5 });
    const run = await waitForRun(t, started.body.id);
    expect(run).toMatchObject({
      state: 'completed',
      chunksDone: 3,
      seriesDone: 10,
      percent: 100,
      engineVersion: '1.1.0',
    });
    expect(run.durationSeconds).toBeGreaterThanOrEqual(0);
    const [{ rows, periods }] = await t.db.query(
      `SELECT count(*)::int AS rows, array_agg(DISTINCT to_char(period, 'YYYY-MM') ORDER BY to_char(period, 'YYYY-MM')) AS periods
         FROM forecast_value WHERE run_id = $1`,
      [run.id],
    );
    expect(rows).toBe(20);
    expect(periods).toEqual(['2026-11', '2026-12']);
    const [{ bad }] = await t.db.query(
      'SELECT count(*)::int AS bad FROM forecast_value WHERE run_id = $1 AND NOT (lo95 <= lo80 AND lo80 <= mean AND mean <= hi80 AND hi80 <= hi95 AND lo95 >= 0)',
      [run.id],
    );
    expect(bad).toBe(0);
  });

  it('should not start the same work twice while it is queued or running', async () => {
    const body = { month: '2026-12', horizon: 1, brandIds: [f.brandIds[0]] };
    const [first, second] = await Promise.all([
      request(t.http).post('/api/forecast-runs').send(body),
      request(t.http).post('/api/forecast-runs').send(body),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.id).toBe(second.body.id);
    await waitForRun(t, first.body.id);
  });

  it('should make a new version on a re-run and publish only on approval, keeping the old one readable', async () => {
    const list = await request(t.http).get('/api/forecast-runs?month=2026-11').expect(200);
    const v1 = list.body.items.find((run: { version: number }) => run.version === 1);
    await request(t.http).post(`/api/forecast-runs/${v1.id}/approve`).expect(200);
    const rerun = await request(t.http)
      .post('/api/forecast-runs')
      .send({ month: '2026-11', horizon: 2 })
      .expect(201);
    expect(rerun.body.version).toBe(2);
    const v2 = await waitForRun(t, rerun.body.id);
    expect(v2.published).toBe(false);
    const before = await request(t.http).get('/api/forecasts/series?level=company').expect(200);
    expect(before.body.runId).toBe(v1.id);
    await request(t.http).post(`/api/forecast-runs/${v2.id}/approve`).expect(200);
    const after = await request(t.http).get('/api/forecasts/series?level=company').expect(200);
    expect(after.body.runId).toBe(v2.id);
    expect(after.body.historyMonths).toHaveLength(36);
    expect(after.body.historyMonths.at(-1)).toBe('2026-10');
    expect(after.body.forecastMonths).toEqual(['2026-11', '2026-12']);
    expect(after.body.mean[0]).toBeGreaterThan(0);
    const old = await request(t.http).get(`/api/forecasts/series?level=company&runId=${v1.id}`).expect(200);
    expect(old.body.runId).toBe(v1.id);
    const district = await request(t.http)
      .get(`/api/forecasts/series?level=district&id=${f.countyIds[1]}&brandId=${f.brandIds[0]}`)
      .expect(200);
    expect(district.body.mean[0]).toBeLessThan(after.body.mean[0]);
  });

  it('should refuse to approve a run that is not completed, and cancel only an unfinished one', async () => {
    const list = await request(t.http).get('/api/forecast-runs?state=completed').expect(200);
    const done = list.body.items[0];
    const { body } = await request(t.http).post(`/api/forecast-runs/${done.id}/cancel`).expect(409);
    expect(body.code).toBe('CONFLICT');
    await request(t.http).post('/api/forecast-runs/00000000-0000-0000-0000-000000000000/approve').expect(404);
    await request(t.http).get('/api/forecast-runs/not-a-uuid').expect(404);
  });

  it('should validate the start request', async () => {
    const { body } = await request(t.http)
      .post('/api/forecast-runs')
      .send({ month: '2026-13', horizon: 0, method: 'magic', brandIds: ['x'] })
      .expect(400);
    expect(body.details.fields.map((e: { field: string }) => e.field).sort()).toEqual([
      'brandIds',
      'horizon',
      'method',
      'month',
    ]);
  });

  it('should schedule the month-end run at 02:00 on the 1st, Shanghai time', async () => {
    const queue = t.app.get(QueueBackend).queue('forecasting');
    const scheduler = await queue.getJobScheduler('forecast-monthly');
    expect(scheduler).toMatchObject({ pattern: '0 2 1 * *', tz: 'Asia/Shanghai' });
    const nextInShanghai = new Date(scheduler!.next! + 8 * 3600_000);
    expect([
      nextInShanghai.getUTCDate(),
      nextInShanghai.getUTCHours(),
      nextInShanghai.getUTCMinutes(),
    ]).toEqual([1, 2, 0]);
  });

  it('should score a run against the actuals at every level', async () => {
    const started = await request(t.http)
      .post('/api/forecast-runs')
      .send({ month: '2026-09', horizon: 2 })
      .expect(201);
    const run = await waitForRun(t, started.body.id);
    await request(t.http).post(`/api/forecast-runs/${run.id}/score`).expect(202);
    const rows = await (async () => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const { body } = await request(t.http).get(`/api/forecast-accuracy?runId=${run.id}`).expect(200);
        if (body.length >= 2 * 6) return body;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('accuracy was not computed');
    })();
    const company = rows.filter((row: { level: string }) => row.level === 'company');
    expect(company.map((row: { period: string }) => row.period)).toEqual(['2026-09', '2026-10']);
    const [{ total }] = await t.db.query(
      `SELECT sum(cartons)::float8 AS total FROM monthly_sales WHERE month = '2026-10-01'`,
    );
    expect(company[1].actual).toBe(total);
    for (const row of rows) {
      expect(row.agreement).toBeGreaterThanOrEqual(0);
      expect(row.agreement).toBeLessThanOrEqual(1);
    }
    const levels = new Set(rows.map((row: { level: string }) => row.level));
    expect([...levels].sort()).toEqual(['brand', 'brand_district', 'company', 'retailer', 'retailer_brand']);
    const brandRows = rows.filter(
      (row: { level: string; key: string }) => row.level === 'brand' && row.key !== '*',
    );
    expect(brandRows[0].keyName).toBeTruthy();
    await request(t.http).get('/api/forecast-accuracy?level=nonsense').expect(400);
  });

  it('should score a month once it is over and its sales are in, not merely because it ended', async () => {
    const clock = t.app.get(Clock) as FixedClock;
    clock.set('2026-12-04T04:00:00Z');
    try {
      const started = await request(t.http)
        .post('/api/forecast-runs')
        .send({ month: '2026-10', horizon: 3 })
        .expect(201);
      const run = await waitForRun(t, started.body.id);
      // November is over, but no sales for it have been imported: only October can be scored.
      await expect(scoreAndWait(t, run.id)).resolves.toEqual(['2026-10']);
      await t.db.query(
        `INSERT INTO monthly_sales (retailer_id, month, brand_id, cartons, amount, order_count)
         SELECT r, '2026-11-01', b, 7, 100, 4 FROM unnest($1::int[]) r, unnest($2::int[]) b`,
        [f.retailerIds, f.brandIds],
      );
      // December is the current month: it waits even with November's sales in.
      await expect(scoreAndWait(t, run.id)).resolves.toEqual(['2026-10', '2026-11']);
    } finally {
      clock.set(TEST_NOW);
      await t.db.query(`DELETE FROM monthly_sales WHERE month = '2026-11-01'`);
    }
  });

  it('should start runs through GraphQL', async () => {
    const { body } = await request(t.http)
      .post('/graphql')
      .send({
        query: 'mutation { startForecastRun(input: { month: "2027-01", horizon: 1 }) { id state version } }',
      })
      .expect(200);
    expect(body.data.startForecastRun).toMatchObject({ version: 1 });
    await waitForRun(t, body.data.startForecastRun.id);
  });

  it('should learn the Spring Festival from daily sales and forecast the festival month with it', async () => {
    // every shop sells 2 cartons a day, 4 in the week before New Year 2025-01-29
    await t.db.query(
      `INSERT INTO order_line (retailer_id, order_date, brand_id, cartons, amount)
       SELECT r, d::date, $2, CASE WHEN d BETWEEN '2025-01-22' AND '2025-01-28' THEN 4 ELSE 2 END, 100
         FROM unnest($1::int[]) r, generate_series('2024-11-01'::date, '2025-04-30'::date, interval '1 day') d`,
      [f.retailerIds, f.brandIds[0]],
    );
    try {
      const start = (holidays: string) =>
        request(t.http)
          .post('/api/forecast-runs')
          .send({ month: '2026-02', horizon: 1, holidays })
          .expect(201);
      const [festive, plain] = await Promise.all([start('spring-festival'), start('none')]);
      await Promise.all([waitForRun(t, festive.body.id), waitForRun(t, plain.body.id)]);
      const profiles = await t.db.query(
        'SELECT id, festival_profile AS profile FROM forecast_run WHERE id = ANY($1)',
        [[festive.body.id, plain.body.id]],
      );
      const profileOf = (id: string) => profiles.find((row: { id: string }) => row.id === id).profile;
      expect(profileOf(plain.body.id)).toBeNull();
      const profile = profileOf(festive.body.id);
      expect(profile.years).toEqual([2025]);
      expect(profile.factors[-1 - profile.firstBin]).toBeCloseTo(2, 6);
      expect(profile.factors[-2 - profile.firstBin]).toBeCloseTo(1, 6);
      // the same profile is served to the SPA over REST and to partners over GraphQL
      const rest = async (id: string) =>
        (await request(t.http).get(`/api/forecast-runs/${id}`).expect(200)).body.festivalProfile;
      expect(await rest(plain.body.id)).toBeNull();
      const served = await rest(festive.body.id);
      expect(served).toEqual({ firstBin: profile.firstBin, factors: profile.factors, years: [2025] });
      expect(served.factors[-1 - served.firstBin]).toBeCloseTo(2, 6);
      const graphql = async (id: string) => {
        const { body } = await request(t.http)
          .post('/graphql')
          .send({
            query:
              'query ($id: String!) { forecastRun(id: $id) { festivalProfile { firstBin factors years } } }',
            variables: { id },
          })
          .expect(200);
        expect(body.errors).toBeUndefined();
        return body.data.forecastRun.festivalProfile;
      };
      expect(await graphql(plain.body.id)).toBeNull();
      const overGraphql = await graphql(festive.body.id);
      expect(overGraphql.years).toEqual([2025]);
      expect(overGraphql.factors[-1 - overGraphql.firstBin]).toBeCloseTo(2, 6);
      // New Year 2026-02-17: the week before it lies in February, which gets (21 + 2 × 7) / 28 of a month
      const total = async (id: string) => {
        const { body } = await request(t.http)
          .get(`/api/forecasts/series?level=company&runId=${id}`)
          .expect(200);
        return body.mean[0] as number;
      };
      const ratio = (await total(festive.body.id)) / (await total(plain.body.id));
      expect(ratio).toBeGreaterThan(1.1);
      expect(ratio).toBeLessThan(1.4);
    } finally {
      await t.db.query('DELETE FROM order_line');
    }
  });

  if (backend === 'redis') {
    it('should keep its Redis connections flat however many runs start', async () => {
      const redis = new Redis(redisUrl!);
      const ours = async () =>
        ((await redis.client('LIST')) as string)
          .split('\n')
          .filter((line) => line.includes(` name=${t.env.QUEUE_PREFIX}:app `)).length;
      const startAndFinish = async (months: string[]) => {
        for (const month of months) {
          const { body } = await request(t.http)
            .post('/api/forecast-runs')
            .send({ month, horizon: 1 })
            .expect(201);
          await waitForRun(t, body.id);
        }
      };
      try {
        await startAndFinish(['2027-03']);
        const before = await ours();
        expect(before).toBeGreaterThan(0);
        await startAndFinish(['2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09', '2027-10']);
        expect(await ours()).toBe(before);
      } finally {
        redis.disconnect();
      }
    });
  }
}

describe('Forecast runs on the PostgreSQL queue backend', () => runSuite('postgres'));
describeWithRedis('Forecast runs on the Redis queue backend', () => runSuite('redis'));
