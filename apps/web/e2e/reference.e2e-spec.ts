import type { Page } from 'playwright-core';
import { seedRegister } from '../../api/test/fixtures';
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
 * The reference lists in Debian's Chromium: an administrator creates, edits, finds and deactivates records
 * (a required field left empty first), sorts and filters through the URL; an auditor is offered no write
 * action at all. Each test opens its own page and makes, through the API, the records it changes.
 */
jest.setTimeout(90_000);

describeWithBrowser('The reference lists in the browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let page: Page;
  const browser = freshPagePerTest();
  beforeEach(() => {
    page = browser.page;
  });
  const api = () => apiAs(baseUrl, t.adminToken);
  const manufacturerCount = async () =>
    (await api()<{ total: number }>('GET', '/api/manufacturers?pageSize=1')).total;

  const rows = () => page.locator('.ant-table-tbody tr.ant-table-row');
  const row = (text: string) => rows().filter({ hasText: text });
  const modal = () => page.locator('.ant-modal-wrap:visible .ant-modal');
  const save = () =>
    modal()
      .getByRole('button', { name: /保\s*存/ })
      .click();
  const search = async (text: string) => {
    const box = page.getByPlaceholder('编码 / 名称');
    await box.fill(text);
    await box.press('Enter');
  };
  const param = (key: string) => new URL(page.url()).searchParams.get(key);

  beforeAll(async () => {
    t = await createTestApp({ environment: { WEB_DIST_DIR: DIST_DIR } });
    await seedRegister(t.db);
    await createUser(t, 'ref.admin', ['admin'], { displayName: '基础数据管理员' });
    await createUser(t, 'ref.auditor', ['auditor'], { displayName: '基础数据审计' });
    baseUrl = await listen(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should refuse an empty manufacturer, then create one', async () => {
    const before = await manufacturerCount();
    await signInAs(page, baseUrl, 'ref.admin', '/reference/manufacturers');
    await row('示范中烟').waitFor();
    await page.getByText(`共 ${before} 条`).waitFor();

    await page.getByRole('button', { name: /新\s*建/ }).click();
    await modal().getByText('新建工业企业').waitFor();
    await save();
    await modal().getByText('请输入编码').waitFor();
    await modal().getByText('请输入名称').waitFor();

    await modal().getByLabel('编码').fill('M02');
    await modal().getByLabel('名称').fill('测试中烟');
    await save();
    await row('测试中烟').waitFor();
    await page.getByText(`共 ${before + 1} 条`).waitFor();
    await expect(row('测试中烟').getByText('启用').count()).resolves.toBe(1);
  });

  it('should edit a manufacturer from its current values', async () => {
    await api()('POST', '/api/manufacturers', { code: 'M03', name: '编辑前中烟' });
    await signInAs(page, baseUrl, 'ref.admin', '/reference/manufacturers');
    await row('编辑前中烟')
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    await modal().getByText('编辑工业企业').waitFor();
    await expect(modal().getByLabel('编码').inputValue()).resolves.toBe('M03');
    await modal().getByLabel('名称').fill('编辑后中烟');
    await save();
    await row('编辑后中烟').waitFor();
  });

  it('should search by code and keep the search in the URL across a reload', async () => {
    await api()('POST', '/api/manufacturers', { code: 'M04', name: '搜索中烟' });
    await signInAs(page, baseUrl, 'ref.admin', '/reference/manufacturers');
    await row('示范中烟').waitFor();
    await search('M04');
    await page.waitForURL((url) => url.searchParams.get('search') === 'M04');
    await page.getByText('共 1 条').waitFor();
    await expect(row('示范中烟').count()).resolves.toBe(0);
    await page.reload();
    await row('搜索中烟').waitFor();
    await expect(page.getByPlaceholder('编码 / 名称').inputValue()).resolves.toBe('M04');

    await search('nothing-like-this');
    await page.getByText('暂无工业企业').waitFor();
  });

  it('should deactivate an account manager and filter by status through the URL', async () => {
    await signInAs(page, baseUrl, 'ref.admin', '/reference/account-managers');
    await page.getByText('共 2 条').waitFor();
    await row('王经理')
      .getByRole('button', { name: /停\s*用/ })
      .click();
    await page.locator('.ant-popconfirm').getByText('停用“王经理”？记录会保留，不会删除。').waitFor();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    // Once deactivated, the row says so and offers the action no more.
    await row('王经理')
      .getByRole('button', { name: /停\s*用/ })
      .waitFor({ state: 'detached' });
    await row('王经理').locator('.ant-tag', { hasText: '停用' }).waitFor();

    await page.locator('.ant-select', { hasText: '状态' }).click();
    await page.locator('.ant-select-item-option', { hasText: '停用' }).click();
    await page.waitForURL((url) => url.searchParams.get('active') === 'false');
    await page.getByText('共 1 条').waitFor();
    await row('王经理').waitFor();
    await expect(row('李经理').count()).resolves.toBe(0);
  });

  it('should sort brands by a column header, through the URL', async () => {
    await signInAs(page, baseUrl, 'ref.admin', '/reference/brands');
    await page.getByText('共 2 条').waitFor();
    const header = page.getByRole('columnheader', { name: '编码' });
    await header.click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'code');
    expect(param('order')).toBe('asc');
    // The URL changes a moment before the table shows it: a click in between would sort ascending again.
    await page.locator('th[aria-sort="ascending"]', { hasText: '编码' }).waitFor();
    await header.click();
    await page.waitForURL((url) => url.searchParams.get('order') === 'desc');
    await page.locator('th[aria-sort="descending"]', { hasText: '编码' }).waitFor();
    await rows().first().getByText('B002').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/tms-reference-brands.png`, fullPage: true });
  });

  it('should create a county under a city, with the level and parent filled in', async () => {
    await signInAs(page, baseUrl, 'ref.admin', '/reference/districts');
    await row('示范市').getByRole('button', { name: '县（区）' }).click();
    await modal().getByText('新建区域').waitFor();
    await modal().getByTestId('district-select').getByText('示范市').waitFor();
    await modal().getByLabel('编码').fill('C03');
    await modal().getByLabel('名称').fill('北区');
    await save();
    await row('北区').waitFor();

    await row('北区')
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    await modal().getByText('编辑区域').waitFor();
    await expect(modal().getByLabel('编码').isDisabled()).resolves.toBe(true);
  });

  it('should offer an auditor no create, edit or deactivate action on any reference list', async () => {
    await signInAs(page, baseUrl, 'ref.auditor', '/reference/account-managers');
    await row('李经理').waitFor();
    for (const path of ['account-managers', 'manufacturers', 'districts']) {
      await page.goto(`${baseUrl}/reference/${path}`);
      await rows().first().waitFor();
      await expect(page.getByRole('columnheader', { name: '操作' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: /新\s*建|编\s*辑|停\s*用/ }).count()).resolves.toBe(0);
    }
  });
});
