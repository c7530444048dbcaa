import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { seedRegister, type RegisterFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

// Each test starts a Node process: on a loaded 2-core machine that alone can take several seconds.
jest.setTimeout(60_000);

const BACKTEST = join(__dirname, '..', 'dist', 'cli', 'forecast-backtest.js');

function backtest(t: TestApp, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BACKTEST, ...args], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: t.env.DATABASE_URL,
        LOG_LEVEL: 'silent',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** 36 months of sales with a moving festival peak, and the daily order lines of the 2025 festival. */
async function seedSales(t: TestApp, f: RegisterFixture): Promise<void> {
  await t.db.query('DELETE FROM monthly_sales');
  await t.db.query(
    `INSERT INTO monthly_sales (retailer_id, month, brand_id, cartons, amount, order_count)
     SELECT r, m::date, b,
            20 + (r + b) % 5 + CASE WHEN m IN ('2024-02-01', '2025-01-01', '2026-02-01') THEN 15 ELSE 0 END,
            100, 4
       FROM unnest($1::int[]) r, unnest($2::int[]) b,
            generate_series('2023-11-01'::date, '2026-10-01'::date, interval '1 month') m`,
    [f.retailerIds, f.brandIds],
  );
  await t.db.query(
    `INSERT INTO order_line (retailer_id, order_date, brand_id, cartons, amount)
     SELECT r, d::date, $2, CASE WHEN d BETWEEN '2025-01-15' AND '2025-01-28' THEN 3 ELSE 1 END, 100
       FROM unnest($1::int[]) r, generate_series('2024-11-01'::date, '2025-04-30'::date, interval '1 day') d`,
    [f.retailerIds, f.brandIds[0]],
  );
}

describe('pnpm forecast:backtest', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!existsSync(BACKTEST))
      throw new Error(`Build the API first (${BACKTEST} is missing): npm test does it`);
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should say there is nothing to replay in a database without sales', async () => {
    const result = await backtest(t, ['--months', '2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No sales in the database');
  });

  it('should replay the last months and compare the default with the seeds at every level', async () => {
    await seedSales(t, await seedRegister(t.db));
    const result = await backtest(t, ['--months', '3', '--methods', 'ensemble,seeds']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Backtest: 3 months ending 2026-10');
    expect(result.stdout).toContain('festival daily');
    for (const level of ['retailer_brand', 'retailer', 'brand_district', 'brand', 'company'])
      expect(result.stdout).toMatch(new RegExp(`^${level}\\s+\\d+\\.\\d% / `, 'm'));
    expect(result.stdout).toMatch(
      /ensemble against seeds on 吻合率: retailer_brand: (wins|LOSES), .*company: /,
    );
    expect(result.stderr).toContain('2026-10 done');
    expect(result.stdout).toMatch(
      /interval coverage, retailer × brand \(80 % \/ 95 %\): ensemble \d+\.\d% \/ \d+\.\d%, seeds \d+\.\d% \/ \d+\.\d%/,
    );
  });

  it("should score forecasts made several months ahead, as a run's third month", async () => {
    const result = await backtest(t, ['--months', '2', '--lead', '3', '--methods', 'ensemble,seeds']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Backtest: 2 months ending 2026-10, 3 months ahead');
    expect(result.stdout).toMatch(/^company\s+\d+\.\d% \/ /m);
  });

  it.each([
    [['--lead', '0'], '--lead must be a whole number from 1 to 12'],
    [['--months', 'twelve'], '--months must be a whole number from 1 to 36'],
    [['--months', '0'], '--months must be a whole number from 1 to 36'],
    [['--sample=-5'], '--sample must be a positive whole number'],
    [['--methods', 'ensemble,magic'], 'Unknown method magic'],
    [['--holidays', 'christmas'], '--holidays must be spring-festival or none'],
    [['--top-down', 'maybe'], '--top-down must be on or off'],
    [['--festival', 'weekly'], '--festival must be daily or monthly'],
  ])('should refuse %j with a clear message', async (args, message) => {
    const result = await backtest(t, args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });
});
