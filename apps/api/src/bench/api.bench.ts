import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { validateEnvironment } from '../config/environment';
import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../database/database-url';
import { withBenchUser } from './bench-user';
import { percentile, runLoad } from './load';

/**
 * `pnpm bench:api`: latency (p50/p99) and throughput of the customer list — filtered, sorted, searched pages
 * of 50 — at concurrency 20, against the API started as its own process on the loaded database.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '20' },
      port: { type: 'string', default: '3199' },
    },
  });
  const env = validateEnvironment(process.env);
  const databaseUrl = await resolveDatabaseUrl(env, (message) => console.log(message));
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const [{ retailers }] = (await db.query('SELECT count(*)::int AS retailers FROM retailer')).rows;
  if (retailers === 0) throw new Error('The register is empty: load data first (pnpm seed --scale city)');
  const districts = (
    await db.query(`SELECT id FROM district WHERE level IN ('county', 'market_area')`)
  ).rows.map((row: { id: number }) => row.id);
  const managers = (await db.query('SELECT id FROM account_manager')).rows.map(
    (row: { id: number }) => row.id,
  );
  const names = (await db.query('SELECT shop_name, licence_no FROM retailer ORDER BY random() LIMIT 500'))
    .rows as Array<{
    shop_name: string;
    licence_no: string;
  }>;
  await db.end();

  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
  const scenarios: Record<string, () => string> = {
    'page of 50, default sort': () => `/api/customers?pageSize=50&page=${1 + Math.floor(Math.random() * 20)}`,
    'district subtree + tier range, sorted by tier': () =>
      `/api/customers?pageSize=50&districtId=${pick(districts)}&tierMin=10&tierMax=25&sort=tier&order=desc`,
    'business type + market + grade': () =>
      `/api/customers?pageSize=50&businessType=${pick(['grocery', 'convenience', 'supermarket,mall'])}&marketType=${pick(['urban', 'rural'])}&integrityGrade=A,B`,
    'account manager': () => `/api/customers?pageSize=50&accountManagerId=${pick(managers)}&sort=shopName`,
    'search shop name': () => {
      const name = pick(names).shop_name;
      const start = Math.floor(Math.random() * Math.max(1, name.length - 2));
      return `/api/customers?pageSize=50&search=${encodeURIComponent(name.slice(start, start + 2))}`;
    },
    'search licence number': () => `/api/customers?pageSize=50&search=${pick(names).licence_no.slice(-6)}`,
  };

  const port = Number(values.port);
  const server = spawn(process.execPath, [join(__dirname, '..', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      WORKER_IN_PROCESS: 'false',
      LOG_LEVEL: 'warn',
      FORECAST_SCHEDULE_ENABLED: 'false',
      // One client sends every request: the per-user rate limit is not what is measured.
      RATE_LIMIT_PER_MINUTE: '100000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(baseUrl);
    await withBenchUser(databaseUrl, async (signIn) => {
      const token = await signIn(baseUrl);
      const seconds = Number(values.seconds);
      const concurrency = Number(values.concurrency);
      console.log(
        `Data: ${retailers} retailers, ${districts.length} districts, ${managers.length} account managers`,
      );
      console.log(`Load: concurrency ${concurrency}, ${seconds} s per scenario, pages of 50\n`);
      await runLoad({
        baseUrl,
        concurrency,
        seconds: 3,
        nextPath: scenarios['page of 50, default sort'],
        token,
      });
      const all: number[] = [];
      let totalRequests = 0;
      let totalSeconds = 0;
      for (const [name, nextPath] of Object.entries(scenarios)) {
        const result = await runLoad({ baseUrl, concurrency, seconds, nextPath, token });
        const sorted = [...result.latenciesMs].sort((a, b) => a - b);
        all.push(...sorted);
        totalRequests += result.requests;
        totalSeconds += result.seconds;
        console.log(
          `${name.padEnd(48)} p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(
            sorted,
            99,
          )
            .toFixed(1)
            .padStart(
              6,
            )} ms   ${(result.requests / result.seconds).toFixed(0).padStart(5)} req/s   errors ${result.errors}${result.errors ? ` ${JSON.stringify(result.errorStatuses)}` : ''}`,
        );
      }
      all.sort((a, b) => a - b);
      console.log(
        `\n${'all scenarios'.padEnd(48)} p50 ${percentile(all, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(
          all,
          99,
        )
          .toFixed(1)
          .padStart(6)} ms   ${(totalRequests / totalSeconds).toFixed(0).padStart(5)} req/s`,
      );
    });
  } finally {
    server.kill('SIGTERM');
    await stopEmbeddedPostgres();
  }
}

async function waitForReady(baseUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(`${baseUrl}/api/health/ready`);
      if (response.ok) return;
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
