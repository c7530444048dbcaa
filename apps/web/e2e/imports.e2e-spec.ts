import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { RETAILER_CSV_COLUMNS } from '@tms/domain';
import { seedRegister } from '../../api/test/fixtures';
import { retailerRow } from '../../api/test/import-fixtures';
import { createTestApp, type TestApp } from '../../api/test/test-app';

/** The import screen in Debian's Chromium: a dry run that finds a bad row, then a real import of a good file. */
const DIST_DIR = resolve(__dirname, '../dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';

const missing = [
  existsSync(resolve(DIST_DIR, 'index.html'))
    ? null
    : `${DIST_DIR}/index.html (run: pnpm --filter @tms/web build)`,
  existsSync(CHROMIUM) ? null : `${CHROMIUM} (run: apt-get install chromium)`,
].filter((item): item is string => item !== null);

const describeWithBrowser = missing.length === 0 ? describe : describe.skip;
if (missing.length > 0) console.warn(`SKIPPED the import browser test: missing ${missing.join(' and ')}`);

jest.setTimeout(60_000);

function retailersCsv(rows: string[][]): string {
  return [RETAILER_CSV_COLUMNS.join(','), ...rows.map((row) => row.join(','))].join('\n') + '\n';
}

describeWithBrowser('The import screen in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  const dir = mkdtempSync(join(tmpdir(), 'tms-e2e-'));
  const row = (licence: string, overrides: Record<string, string> = {}) =>
    retailerRow(licence, {
      district_code: 'C01-M01-R01',
      account_manager_code: 'AM01',
      ...overrides,
    });

  beforeAll(async () => {
    t = await createTestApp({ environment: { WEB_DIST_DIR: DIST_DIR } });
    await seedRegister(t.db);
    await t.app.listen(0, '127.0.0.1');
    // The listening server: `raw` where the test app wraps `http` in a credential-adding listener.
    const server = (t as unknown as { raw?: Server }).raw ?? (t.http as unknown as Server);
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    // Where the API requires sign-in, the browser carries the test administrator's token (the SPA has no
    // sign-in screen yet).
    const token = (t as unknown as { adminToken?: string }).adminToken;
    page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      extraHTTPHeaders: token ? { Authorization: `Bearer ${token}` } : undefined,
    });
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function upload(name: string, csv: string): Promise<void> {
    const path = join(dir, name);
    writeFileSync(path, csv);
    await page.locator('[data-testid="import-upload"] input[type=file]').setInputFiles(path);
    await page.getByTestId('import-start').click();
  }

  it('should report the bad rows of a dry run with their line numbers and write nothing', async () => {
    await page.goto(`${baseUrl}/imports`);
    await expect(page.getByTestId('import-dry-run').isChecked()).resolves.toBe(true);
    await upload('bad.csv', retailersCsv([row('430100000101'), row('430100000102', { phone: 'bad' })]));
    await page.waitForURL((url) => url.searchParams.has('job'));
    const job = page.getByTestId('import-job');
    await job.getByText('已拒绝').waitFor();
    const errors = page.getByTestId('import-errors');
    await errors.getByRole('cell', { name: '3', exact: true }).waitFor();
    await errors.getByRole('cell', { name: 'phone', exact: true }).waitFor();
    const href = await page.getByTestId('import-errors-csv').getAttribute('href');
    const report = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(report).toContain('phone');
    await page.screenshot({
      path: `${SCREENSHOTS}/tms-import-rejected.png`,
      fullPage: true,
    });
    const { total } = await page.evaluate(async () => (await fetch('/api/customers?pageSize=1')).json());
    expect(total).toBe(5);
  });

  it('should import a good file for real and show the counters and the new customers', async () => {
    await page.getByTestId('import-dry-run').click();
    await upload('good.csv', retailersCsv([row('430100000101'), row('430100000102')]));
    const job = page.getByTestId('import-job');
    await job.getByText('已完成').waitFor();
    await job.getByText('导入完成').waitFor();
    await expect(job.locator('.ant-statistic').nth(2).textContent()).resolves.toContain('2');
    await page.getByTestId('import-history').locator('tbody tr.ant-table-row').nth(1).waitFor();
    await page.screenshot({
      path: `${SCREENSHOTS}/tms-import-succeeded.png`,
      fullPage: true,
    });

    await page.goto(`${baseUrl}/customers?search=430100000`);
    await page.getByText('共 2 条').waitFor();
  });
});
