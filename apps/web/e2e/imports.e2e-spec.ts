import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RETAILER_CSV_COLUMNS } from '@tms/domain';
import { seedRegister } from '../../api/test/fixtures';
import { retailerRow } from '../../api/test/import-fixtures';
import { createTestApp, type TestApp } from '../../api/test/test-app';
import {
  apiAs,
  createUser,
  describeWithBrowser,
  DIST_DIR,
  freshPagePerTest,
  listen,
  SCREENSHOTS,
  signInAs,
} from './browser';

/**
 * The import screen in Debian's Chromium: a dry run that finds a bad row, and a real import of a good file
 * (each test on its own page, with licence numbers of its own).
 */
jest.setTimeout(60_000);

function retailersCsv(rows: string[][]): string {
  return [RETAILER_CSV_COLUMNS.join(','), ...rows.map((row) => row.join(','))].join('\n') + '\n';
}

describeWithBrowser('The import screen in the browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let page: Page;
  const browser = freshPagePerTest();
  beforeEach(() => {
    page = browser.page;
  });
  const customersMatching = async (search: string) =>
    (
      await apiAs(baseUrl, t.adminToken)<{ total: number }>(
        'GET',
        `/api/customers?search=${search}&pageSize=1`,
      )
    ).total;
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
    await createUser(t, 'e2e.importer', ['admin']);
    baseUrl = await listen(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  async function upload(name: string, csv: string): Promise<void> {
    const path = join(dir, name);
    writeFileSync(path, csv);
    await page.locator('[data-testid="import-upload"] input[type=file]').setInputFiles(path);
    await page.getByTestId('import-start').click();
  }

  it('should report the bad rows of a dry run with their line numbers and write nothing', async () => {
    await signInAs(page, baseUrl, 'e2e.importer', '/imports');
    await expect(page.getByTestId('import-dry-run').isChecked()).resolves.toBe(true);
    await upload('bad.csv', retailersCsv([row('430100000101'), row('430100000102', { phone: 'bad' })]));
    await page.waitForURL((url) => url.searchParams.has('job'));
    const job = page.getByTestId('import-job');
    await job.getByText('已拒绝').waitFor();
    const errors = page.getByTestId('import-errors');
    await errors.getByRole('cell', { name: '3', exact: true }).waitFor();
    await errors.getByRole('cell', { name: 'phone', exact: true }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-errors-csv').click(),
    ]);
    const report = readFileSync((await download.path())!, 'utf8');
    expect(report).toContain('phone');
    await page.screenshot({
      path: `${SCREENSHOTS}/tms-import-rejected.png`,
      fullPage: true,
    });
    await expect(customersMatching('43010000010')).resolves.toBe(0);
  });

  it('should import a good file for real and show the counters and the new customers', async () => {
    await signInAs(page, baseUrl, 'e2e.importer', '/imports');
    await page.getByTestId('import-dry-run').click();
    await upload('good.csv', retailersCsv([row('430100000201'), row('430100000202')]));
    const job = page.getByTestId('import-job');
    await job.getByText('已完成').waitFor();
    await job.getByText('导入完成').waitFor();
    await expect(job.locator('.ant-statistic').nth(2).textContent()).resolves.toContain('2');
    await page
      .getByTestId('import-history')
      .locator('tbody tr.ant-table-row', { hasText: 'good.csv' })
      .locator('.ant-tag', { hasText: '已完成' })
      .waitFor();
    await page.screenshot({
      path: `${SCREENSHOTS}/tms-import-succeeded.png`,
      fullPage: true,
    });

    await page.goto(`${baseUrl}/customers?search=43010000020`);
    await page.getByText('共 2 条').waitFor();
  });
});
