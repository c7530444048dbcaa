import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { seedRegister, type RegisterFixture } from '../../api/test/fixtures';
import { createTestApp, type TestApp } from '../../api/test/test-app';
import {
  apiAs,
  createUser,
  describeWithBrowser,
  DIST_DIR,
  freshPagePerTest,
  listen,
  SCREENSHOTS,
  signIn,
  signInAs,
} from './browser';

/**
 * The built SPA in Debian's Chromium against the real API on its own database: sign in, find customers with
 * the list's filters, open a profile with its chart, and edit it (a bad value first, then a good one). Each
 * test opens its own page and signs in afresh.
 */
jest.setTimeout(60_000);

describeWithBrowser('The customer register in the browser', () => {
  let t: TestApp;
  let f: RegisterFixture;
  let baseUrl: string;
  let page: Page;
  const browser = freshPagePerTest();
  beforeEach(() => {
    page = browser.page;
  });

  const rows = () => page.locator('[data-testid="customers-table"] tbody tr.ant-table-row');

  beforeAll(async () => {
    t = await createTestApp({ environment: { WEB_DIST_DIR: DIST_DIR } });
    f = await seedRegister(t.db);
    await createUser(t, 'e2e.admin', ['admin'], { displayName: '测试管理员' });
    baseUrl = await listen(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should sign in and list every customer in Chinese', async () => {
    await signIn(page, baseUrl, 'e2e.admin');
    await page.waitForURL(/\/customers$/);
    await expectRows(5);
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.getByRole('columnheader', { name: /许可证号/ }).waitFor();
    await page.getByText('共 5 条').waitFor();
  });

  it('should search by name and keep the search in the URL across a reload', async () => {
    await signInAs(page, baseUrl, 'e2e.admin', '/customers');
    await expectRows(5);
    const search = page.getByPlaceholder('店名 / 负责人 / 许可证号 / 电话');
    await search.fill('烟酒');
    await search.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('search') === '烟酒');
    await expectRows(1);
    await expect(rows().first().textContent()).resolves.toContain('金叶烟酒行');

    await page.reload();
    await expectRows(1);
    await expect(search.inputValue()).resolves.toBe('烟酒');

    await page.getByTestId('reset-filters').click();
    await page.waitForURL((url) => !url.searchParams.has('search'));
    await expectRows(5);
  });

  it('should filter by business type, sort by tier and export the same view', async () => {
    await signInAs(page, baseUrl, 'e2e.admin', '/customers');
    await page.getByTestId('filter-businessType').click();
    await page.locator('.ant-select-item-option', { hasText: '食杂店' }).click();
    await page.locator('.ant-select-item-option', { hasText: '便利店' }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(
      (url) => url.searchParams.get('businessType')?.split(',').sort().join() === 'convenience,grocery',
    );
    await expectRows(3);

    await page.getByRole('columnheader', { name: /档位/ }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'tier');
    await rows().first().filter({ hasText: '乡村小卖部' }).waitFor();
    await expect(columnTexts(2)).resolves.toEqual(
      ['乡村小卖部', '好运食杂店', '惠民便利店'].map(expect.stringContaining),
    );

    const href = await page.getByTestId('export-csv').getAttribute('href');
    expect(href).toMatch(
      /^\/api\/customers\/export\?businessType=(grocery%2Cconvenience|convenience%2Cgrocery)&sort=tier&order=asc$/,
    );
    // The file comes with the session's token (a plain link would go without it).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('420100000001');
    expect(csv).not.toContain('420100000003');

    await page.screenshot({ path: `${SCREENSHOTS}/tms-customers-list.png`, fullPage: true });
  });

  it('should open a profile from the list, with its details and the sales chart', async () => {
    await signInAs(page, baseUrl, 'e2e.admin', '/customers');
    await rows().filter({ hasText: '惠民便利店' }).click();
    await page.waitForURL(new RegExp(`/customers/${f.retailerIds[0]}$`));
    const details = page.getByTestId('customer-details');
    await details.getByText('420100000001').waitFor();
    for (const text of [
      '许可证号',
      '业态',
      '便利店',
      '城网',
      '商圈',
      '居民区',
      '档位',
      '诚信等级',
      '客户经理',
      '李经理',
    ]) {
      await details.getByText(text, { exact: false }).first().waitFor();
    }
    await page.locator('[data-testid="sales-card"] canvas').first().waitFor();
    await page.waitForTimeout(800); // let the chart's entry animation finish before the screenshot
    await page.screenshot({ path: `${SCREENSHOTS}/tms-customer-profile.png`, fullPage: true });
  });

  it('should show a server validation error on the field, then save a good value', async () => {
    // Chromium logs the 400 this test provokes.
    browser.expectConsoleErrors(/status of 400/);
    const api = apiAs(baseUrl, t.adminToken);
    const before = await api<{ version: number }>('GET', `/api/customers/${f.retailerIds[0]}`);
    await signInAs(page, baseUrl, 'e2e.admin', `/customers/${f.retailerIds[0]}`);
    await page.getByTestId('customer-edit').click();
    const drawer = page.getByRole('dialog');
    const phone = drawer.getByTestId('field-phone');
    await phone.fill('12345');
    await drawer.getByTestId('customer-save').click();
    // The API's message for the field, under that field (the other fields stay clean).
    await drawer
      .locator('#phone_help')
      .getByText(/phone must be/)
      .waitFor();
    await expect(drawer.locator('.ant-form-item-explain-error').count()).resolves.toBe(1);
    await expect(phone.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.screenshot({ path: `${SCREENSHOTS}/tms-customer-edit-error.png` });

    await phone.fill('13912345678');
    await drawer.getByTestId('customer-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('customer-details').getByText('13912345678').waitFor();

    const saved = await api<{ phone: string; version: number }>('GET', `/api/customers/${f.retailerIds[0]}`);
    // The change is in the record's history on its page.
    const history = page.getByTestId('audit-history');
    await history.locator('tbody tr.ant-table-row').first().filter({ hasText: 'e2e.admin' }).waitFor();
    await history.getByText('联系电话').first().waitFor();
    expect(saved).toMatchObject({ phone: '13912345678', version: before.version + 1 });
  });

  it('should switch the whole screen to English and back', async () => {
    await signInAs(page, baseUrl, 'e2e.admin', `/customers/${f.retailerIds[0]}`);
    await page.getByTestId('sales-card').getByText('月度销量', { exact: true }).waitFor();
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('sales-card').getByText('Monthly sales', { exact: true }).waitFor();
    await page.getByTestId('customer-details').getByText('Convenience store').waitFor();
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByTestId('sales-card').getByText('月度销量', { exact: true }).waitFor();
  });

  async function expectRows(count: number): Promise<void> {
    await page.waitForFunction(
      (expected) =>
        document.querySelectorAll('[data-testid="customers-table"] tbody tr.ant-table-row').length ===
          expected && !document.querySelector('[data-testid="customers-table"] .ant-spin-spinning'),
      count,
    );
  }

  async function columnTexts(index: number): Promise<string[]> {
    return rows().evaluateAll(
      (elements, column) => elements.map((row) => row.querySelectorAll('td')[column]?.textContent ?? ''),
      index - 1,
    );
  }
});
