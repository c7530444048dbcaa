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
  PASSWORD,
  SCREENSHOTS,
  signIn,
  signInAs,
  signOut,
} from './browser';

/**
 * Signing in to the SPA in Debian's Chromium: a wrong password and a locked account, an account manager who
 * sees only what the role may use, an administrator who creates a user and an API key (shown once), a
 * new user who must change the initial password first, and an auditor who is not offered any write action.
 * Each test opens its own page; what it needs from before (a locked account, changes in the audit trail) is
 * made through the API, not left by another test.
 */
jest.setTimeout(90_000);

describeWithBrowser('Signing in and administration in the browser', () => {
  let t: TestApp;
  let f: RegisterFixture;
  let baseUrl: string;
  let page: Page;
  const browser = freshPagePerTest();
  beforeEach(() => {
    page = browser.page;
  });
  /** Chromium logs each refused sign-in (or password change) it is answered with. */
  const refusedSignIns = /status of 40[01].*\/api\/auth\/(login|password)/;

  async function tokenOf(username: string): Promise<string> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  const menu = () => page.getByTestId('side-menu');
  const userRow = (username: string) =>
    page.locator('[data-testid="users-table"] tbody tr.ant-table-row', { hasText: username });

  beforeAll(async () => {
    t = await createTestApp({ environment: { WEB_DIST_DIR: DIST_DIR } });
    f = await seedRegister(t.db);
    await createUser(t, 'li.jingli', ['account_manager'], {
      displayName: '李经理',
      accountManagerId: f.managerIds[0],
    });
    await createUser(t, 'zhang.admin', ['admin'], { displayName: '张管理' });
    await createUser(t, 'lock.me', ['customer_service'], { displayName: '锁定测试' });
    await createUser(t, 'zhao.shenji', ['auditor'], { displayName: '赵审计' });
    await createUser(t, 'locked.out', ['customer_service'], { displayName: '锁定测试' });
    baseUrl = await listen(t);
    for (let attempt = 0; attempt < 5; attempt++) {
      await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'locked.out', password: `Wrong-password-${attempt}` }),
      });
    }
    // The throttle's first wait is seconds long: keep this one waiting for the whole file.
    await t.db.query(
      `UPDATE login_throttle SET blocked_until = now() + interval '1 hour'
        WHERE key = 'user:' || encode(sha256(convert_to('locked.out', 'UTF8')), 'hex')`,
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should send a visitor to the sign-in page and refuse a wrong password', async () => {
    browser.expectConsoleErrors(refusedSignIns);
    await page.goto(`${baseUrl}/customers?search=x`);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/customers?search=x');
    await page.getByTestId('login-card').getByText('登录', { exact: true }).first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/tms-login.png` });

    await page.getByTestId('login-username').fill('li.jingli');
    await page.getByTestId('login-password').fill('Wrong-password-1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.screenshot({ path: `${SCREENSHOTS}/tms-login-error.png` });
  });

  it('should ask to wait after repeated failures, without saying whether the account exists', async () => {
    browser.expectConsoleErrors(refusedSignIns, /status of 429.*\/api\/auth\/login/);
    await page.goto(`${baseUrl}/login`);
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.getByTestId('login-username').fill('lock.me');
      await page.getByTestId('login-password').fill(`Wrong-password-${attempt}`);
      await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/auth/login')),
        page.getByTestId('login-submit').click(),
      ]);
      await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();
    }
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').getByText('请求过于频繁，请稍后再试。').waitFor();
  });

  it('should show an account manager only what the role may use, with the intended page after signing in', async () => {
    await page.goto(`${baseUrl}/customers?search=x`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-username').fill('li.jingli');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    // Back to where they were going, with the data scoped to their own retailers.
    await page.waitForURL((url) => url.pathname === '/customers' && url.searchParams.get('search') === 'x');
    await page.goto(`${baseUrl}/customers`);
    await page.getByText('共 3 条').waitFor();

    await page.getByTestId('user-name').getByText('李经理').waitFor();
    await page.getByTestId('user-roles').getByText('客户经理').waitFor();
    for (const item of ['客户档案', '基础数据', '区域', '品牌规格']) {
      await menu().getByText(item, { exact: true }).waitFor();
    }
    for (const item of ['数据导入', '系统管理', '用户管理', '接口密钥', '审计日志']) {
      await expect(menu().getByText(item, { exact: true }).count()).resolves.toBe(0);
    }
    await expect(page.getByText('任务队列').count()).resolves.toBe(0);

    await page.goto(`${baseUrl}/admin/users`);
    await page.getByTestId('forbidden').getByText('403').waitFor();
    await page.getByText('您的角色无权访问此页面').waitFor();
    await expect(page.getByTestId('users-table').count()).resolves.toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/tms-forbidden.png` });
  });

  it('should keep the session across a reload and end it on sign-out', async () => {
    await signInAs(page, baseUrl, 'li.jingli', '/customers');
    // (Only once the page's own silent refresh has answered: a reload that aborts it loses the rotated cookie,
    // and the server then takes the old one for a stolen copy and ends the session.)
    await page.getByText('共 3 条').waitFor();
    await page.reload();
    await page.getByText('共 3 条').waitFor();
    expect(new URL(page.url()).pathname).toBe('/customers');

    await signOut(page);
    await page.getByTestId('login-notice').getByText('您已安全退出').waitFor();
    // The refresh cookie was revoked: a reload does not sign back in.
    await page.goto(`${baseUrl}/customers`);
    await page.waitForURL((url) => url.pathname === '/login');
  });

  it('should let an administrator create a user', async () => {
    await signInAs(page, baseUrl, 'zhang.admin', '/admin/users');
    for (const item of ['系统管理', '用户管理', '接口密钥', '审计日志', '数据导入']) {
      await menu().getByText(item, { exact: true }).waitFor();
    }
    await userRow('li.jingli').waitFor();
    await userRow('locked.out').getByText('已锁定').waitFor();

    await page.getByTestId('user-create').click();
    const form = page.getByTestId('user-form');
    await form.getByTestId('user-username').fill('wang.kefu');
    await form.getByTestId('user-display-name').fill('王客服');
    await form.getByTestId('user-roles').click();
    await page.locator('.ant-select-item-option', { hasText: '客服专员' }).click();
    await page.keyboard.press('Escape');
    await form.getByTestId('user-password').fill('Kefu-password-2026');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    const row = userRow('wang.kefu');
    await row.getByText('客服专员').waitFor();
    await row.getByText('待改密码').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/tms-users.png`, fullPage: true });
  });

  it('should show a new API key once, then only its prefix', async () => {
    await signInAs(page, baseUrl, 'zhang.admin', '/admin/users');
    await menu().getByText('接口密钥', { exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/admin/api-keys');
    await page.getByTestId('api-key-manufacturer').getByText('示范中烟').waitFor();
    await page.getByTestId('api-key-create').click();
    await page.getByTestId('api-key-name').fill('生产环境 ERP');
    await page.getByTestId('api-key-form').getByRole('button', { name: '新建密钥' }).click();

    const modal = page.getByTestId('created-key-modal');
    await modal.getByText('请立即复制并妥善保存此密钥').waitFor();
    const key = await modal.getByTestId('created-key').inputValue();
    expect(key).toMatch(/^tms_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    await page.waitForTimeout(500); // the window's opening animation, for the screenshot
    await page.screenshot({ path: `${SCREENSHOTS}/tms-api-key-created.png` });
    // The key works (for the manufacturer's own data only; staff endpoints refuse it).
    const asKey = await fetch(`${baseUrl}/api/customers`, { headers: { 'X-API-Key': key } });
    expect(asKey.status).toBe(403);

    await modal.getByTestId('created-key-done').click();
    await modal.waitFor({ state: 'hidden' });
    const prefix = key.split('_')[1];
    const table = page.getByTestId('api-keys-table');
    await table.getByText(prefix, { exact: true }).waitFor();
    await table.getByText('生产环境 ERP').waitFor();
    await table.getByText('从未使用').waitFor();
    // Once the window has closed, the key is nowhere in the page any more.
    await page.waitForFunction((secret) => !document.documentElement.outerHTML.includes(secret), key);

    await page.getByTestId(`api-key-revoke-${prefix}`).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /吊\s*销/ })
      .click();
    await table.getByText('已吊销').waitFor();
    const revoked = await fetch(`${baseUrl}/api/customers`, { headers: { 'X-API-Key': key } });
    expect(revoked.status).toBe(401);
  });

  it('should show the changes in the audit trail with their fields before and after', async () => {
    const api = apiAs(baseUrl, await tokenOf('zhang.admin'));
    await api('POST', '/api/users', {
      username: 'audit.probe',
      displayName: '审计探针',
      roles: ['customer_service'],
      password: 'Probe-password-2026',
    });
    const [{ id: manufacturerId }] = await t.db.query(`SELECT id FROM manufacturer WHERE code = 'M01'`);
    const key = await api<{ id: number }>('POST', `/api/manufacturers/${manufacturerId}/api-keys`, {
      name: '审计测试',
      expiresInDays: 30,
    });
    await api('POST', `/api/manufacturers/${manufacturerId}/api-keys/${key.id}/revoke`);
    await signInAs(page, baseUrl, 'zhang.admin', '/admin/users');
    await menu().getByText('审计日志', { exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/admin/audit');
    const rows = page.locator('[data-testid="audit-table"] tbody tr.ant-table-row');
    await rows.filter({ hasText: '接口密钥' }).filter({ hasText: '吊销' }).first().waitFor();
    const created = rows
      .filter({ hasText: '用户 #' })
      .filter({ hasText: '新建' })
      .filter({ hasText: 'zhang.admin' });
    await created.first().waitFor();
    await created.first().locator('.ant-table-row-expand-icon').click();
    const diff = page.getByTestId('audit-diff').first();
    await diff.getByText('audit.probe').waitFor();
    await diff.getByText('用户名').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/tms-audit.png`, fullPage: true });
  });

  it('should make a new user change the initial password before anything else', async () => {
    browser.expectConsoleErrors(refusedSignIns);
    await createUser(t, 'sun.kefu', ['customer_service'], {
      displayName: '孙客服',
      password: 'Kefu-password-2026',
      mustChangePassword: true,
    });
    await signIn(page, baseUrl, 'sun.kefu', { password: 'Kefu-password-2026', path: '/customers' });
    await page.waitForURL((url) => url.pathname === '/change-password');
    await page.getByTestId('must-change-password').waitFor();

    await page.getByTestId('current-password').fill('Kefu-password-2026');
    await page.getByTestId('new-password').fill('short1');
    await page.getByTestId('confirm-password').fill('short1');
    await page.getByTestId('change-password-submit').click();
    // The server's policy, in Chinese, under the field.
    await page.locator('#newPassword_help').getByText('密码至少需要 10 个字符').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/tms-change-password.png` });

    await page.getByTestId('new-password').fill('Kefu-new-password-7');
    await page.getByTestId('confirm-password').fill('Kefu-new-password-7');
    await page.getByTestId('change-password-submit').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-notice').getByText('密码已修改').waitFor();
    await page.getByTestId('login-username').fill('sun.kefu');
    await page.getByTestId('login-password').fill('Kefu-new-password-7');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/customers');
    await page.getByText('共 5 条').waitFor();
  });

  it('should offer an auditor (read-only) no edit, deactivate or create buttons', async () => {
    await signInAs(page, baseUrl, 'zhao.shenji', `/customers/${f.retailerIds[0]}`);
    await page.getByTestId('customer-details').waitFor();
    // Reading is allowed: the forecast link stays (forecasting:read); writing is not (customers:write).
    await page.getByTestId('customer-forecast').waitFor();
    await expect(page.getByTestId('customer-edit').count()).resolves.toBe(0);
    await expect(page.getByTestId('customer-deactivate').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /编辑档案|停用客户/ }).count()).resolves.toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/tms-auditor-profile.png` });

    await menu().getByText('品牌规格', { exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/reference/brands');
    await page.getByText('黄鹤楼(硬)').first().waitFor();
    await expect(page.getByRole('button', { name: /新\s*建/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /编\s*辑/ }).count()).resolves.toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/tms-auditor-brands.png` });
  });
});
