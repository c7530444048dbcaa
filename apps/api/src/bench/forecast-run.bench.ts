import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { validateEnvironment } from '../config/environment';
import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../database/database-url';
import { withBenchUser } from './bench-user';

/**
 * End-to-end month-end run on the data in the database: the API and N worker processes, a run over the
 * whole market for the month after the last sales month, timed from start to completion, with the series
 * count and each worker's peak memory. Runs on the PostgreSQL queue backend and, when REDIS_URL is set, on
 * Redis.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workers: { type: 'string', default: '2' },
      horizon: { type: 'string', default: '3' },
      port: { type: 'string', default: '3198' },
    },
  });
  const env = validateEnvironment(process.env);
  const databaseUrl = await resolveDatabaseUrl(env, (message) => console.error(message));
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const [{ month, retailers, rows }] = (
    await db.query(
      `SELECT to_char(max(month) + interval '1 month', 'YYYY-MM') AS month, (SELECT count(*)::int FROM retailer) AS retailers,
              (SELECT count(*)::int FROM monthly_sales) AS rows FROM monthly_sales`,
    )
  ).rows;
  await db.end();
  if (!month) throw new Error('No sales in the database: load data first (pnpm seed --scale city)');
  console.log(
    `Data: ${retailers} retailers, ${rows} retailer × brand × month sales rows; forecasting ${month}`,
  );

  const backends: Array<{ name: string; redisUrl?: string }> = [{ name: 'postgres' }];
  if (process.env.REDIS_URL) backends.push({ name: 'redis', redisUrl: process.env.REDIS_URL });
  else console.log('REDIS_URL is not set: the Redis backend is skipped');
  try {
    for (const backend of backends) {
      await runOnce(
        databaseUrl,
        backend,
        month,
        Number(values.workers),
        Number(values.horizon),
        Number(values.port),
      );
    }
  } finally {
    await stopEmbeddedPostgres();
  }
}

async function runOnce(
  databaseUrl: string,
  backend: { name: string; redisUrl?: string },
  month: string,
  workerCount: number,
  horizon: number,
  port: number,
): Promise<void> {
  const common = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: databaseUrl,
    ...(backend.redisUrl ? { REDIS_URL: backend.redisUrl } : {}),
    QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
    RATE_LIMIT_PER_MINUTE: '10000000',
    FORECAST_SCHEDULE_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  };
  const dist = join(__dirname, '..');
  const api = spawn(process.execPath, [join(dist, 'main.js')], {
    env: { ...common, PORT: String(port), WORKER_IN_PROCESS: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const workers: ChildProcess[] = [];
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForReady(base);
    for (let i = 0; i < workerCount; i++) {
      workers.push(
        spawn(process.execPath, [join(dist, 'worker.js')], {
          env: common,
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      );
    }
    await withBenchUser(databaseUrl, async (signIn) => {
      const auth = { authorization: `Bearer ${await signIn(base)}` };
      const response = await fetch(`${base}/api/forecast-runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ month, horizon }),
      });
      let run = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`start failed: ${JSON.stringify(run)}`);
      const peaks = new Map<number, number>();
      while (run.state === 'queued' || run.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        for (const worker of workers)
          peaks.set(worker.pid!, Math.max(peaks.get(worker.pid!) ?? 0, peakRssMb(worker.pid!)));
        run = (await (
          await fetch(`${base}/api/forecast-runs/${String(run.id)}`, { headers: auth })
        ).json()) as Record<string, unknown>;
        process.stderr.write(
          `\r  ${backend.name}: ${String(run.percent)} % of ${String(run.chunksTotal)} chunks, ${String(run.seriesPerSecond ?? '?')} series/s   `,
        );
      }
      process.stderr.write('\n');
      console.log(
        `${backend.name.padEnd(9)} ${String(run.state)}: ${String(run.seriesDone)} series × ${horizon} months in ${Number(run.durationSeconds).toFixed(1)} s ` +
          `(${String(run.seriesPerSecond)} series/s, ${workerCount} worker processes, chunks ${String(run.chunksTotal)}), ` +
          `worker peak RSS ${[...peaks.values()].map((mb) => `${mb.toFixed(0)} MB`).join(', ')}`,
      );
    });
  } finally {
    for (const worker of workers) worker.kill('SIGTERM');
    api.kill('SIGTERM');
  }
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function waitForReady(base: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The API did not become ready within 60 s');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
