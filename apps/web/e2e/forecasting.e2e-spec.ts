import type { Page } from 'playwright-core';
import { QueueBackend } from '../../api/src/queue/queue-backend';
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
 * The forecasting screens in Debian's Chromium against the real API with its queue workers running: start a
 * month-end run from the form, watch it complete, approve it, and see the forecast chart (also from a
 * retailer's profile); a user who may only read forecasts is offered no run actions. Each test starts with no
 * run at all and makes, through the API, the runs it needs.
 */
jest.setTimeout(90_000);

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

/** Until `check` holds, asking again every 250 ms (the machine may be slow: no fixed sleep). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describeWithBrowser('The forecasting screens in the browser', () => {
  let t: TestApp;
  let f: RegisterFixture;
  let baseUrl: string;
  let page: Page;
  const browser = freshPagePerTest();

  const runRows = () => page.locator('[data-testid="runs-table"] tbody tr.ant-table-row');

  beforeAll(async () => {
    t = await createTestApp({
      startWorkers: true,
      environment: { WEB_DIST_DIR: DIST_DIR, FORECAST_CHUNK_SIZE: '2' },
    });
    f = await seedRegister(t.db);
    await seedHistory(t, f);
    await createUser(t, 'zhao.planner', ['admin'], { displayName: '赵计划' });
    await createUser(t, 'li.jingli', ['account_manager'], {
      displayName: '李经理',
      accountManagerId: f.managerIds[0],
    });
    baseUrl = await listen(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  // No run from another test: its jobs finish first (a queued scoring, say), then they and every run are
  // removed. (The monthly schedule's next run is a delayed job that stays; a run's own jobs are delayed only
  // when retried.)
  beforeEach(async () => {
    page = browser.page;
    const queues = t.app.get(QueueBackend).allQueues();
    await until('the queues to be idle', async () => {
      const counts = await Promise.all(
        queues.map((queue) => queue.getJobCounts('active', 'waiting', 'prioritized', 'waiting-children')),
      );
      return counts.every((count) => Object.values(count).every((n) => n === 0));
    });
    // A new run of the same month and version has the same job ids: the finished jobs go too, or BullMQ would
    // take the new run's jobs for those and never run them.
    for (const queue of queues) {
      await queue.clean(0, 0, 'completed');
      await queue.clean(0, 0, 'failed');
    }
    await t.db.query('DELETE FROM forecast_publication');
    await t.db.query('DELETE FROM forecast_value');
    await t.db.query('DELETE FROM forecast_run');
  });

  /** A run of the month after the data with the form's defaults, started through the API and completed. */
  async function completedRun(options: { publish?: boolean } = {}): Promise<{ id: string }> {
    const api = apiAs(baseUrl, t.adminToken);
    const run = await api<{ id: string }>('POST', '/api/forecast-runs', {
      month: '2026-11',
      horizon: 3,
      method: 'ensemble',
      holidays: 'spring-festival',
    });
    let state = 'queued';
    await until(`run ${run.id} to finish`, async () => {
      ({ state } = await api<{ state: string }>('GET', `/api/forecast-runs/${run.id}`));
      return state !== 'queued' && state !== 'running';
    });
    expect(state).toBe('completed');
    if (options.publish) await api('POST', `/api/forecast-runs/${run.id}/approve`);
    return run;
  }

  it('should open the runs page from the menu with nothing published yet', async () => {
    await signIn(page, baseUrl, 'zhao.planner', { path: '/customers' });
    await page.getByTestId('side-menu').getByText('销量预测').click();
    await page.waitForURL(/\/forecasting\/runs$/);
    await page.getByRole('heading', { name: '销量预测' }).waitFor();
    await page.getByText('还没有预测运行').waitFor();
  });

  it('should start a run from the form, defaulting to the month after the data, and follow it to completion', async () => {
    await signInAs(page, baseUrl, 'zhao.planner', '/forecasting/runs');
    await page.getByTestId('start-run').click();
    const modal = page.getByTestId('start-run-modal');
    // The month after the latest data (sales end in 2026-10), once the form has asked the API.
    const month = modal
      .locator('input[data-testid="start-month"], [data-testid="start-month"] input')
      .first();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLInputElement>('.ant-modal input')].some(
        (input) => input.value === '2026-11',
      ),
    );
    await expect(month.inputValue()).resolves.toBe('2026-11');
    await modal.getByText('组合预测（默认）').waitFor();
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('已启动 2026-11 第 1 版预测').waitFor();

    await expectRows(1);
    const row = runRows().first();
    await row.getByText('2026年11月').waitFor();
    // The list refreshes itself every 2 s until the run is done.
    await row.getByTestId('run-state').filter({ hasText: '已完成' }).waitFor({ timeout: 60_000 });
    await row.getByTestId('run-progress').getByText('分块 3/3').waitFor();
    await expect(row.locator('.ant-progress').getAttribute('aria-valuenow')).resolves.toBe('100');

    const runs = await t.db.query(
      'SELECT state, series_done AS "seriesDone", started_by AS "startedBy" FROM forecast_run',
    );
    expect(runs).toEqual([{ state: 'completed', seriesDone: 10, startedBy: 'user:zhao.planner' }]);
  });

  it('should approve and publish a completed run after a confirmation', async () => {
    await completedRun();
    await signInAs(page, baseUrl, 'zhao.planner', '/forecasting/runs');
    const row = runRows().first();
    await row.getByTestId('run-approve').click();
    await page.locator('.ant-popconfirm').getByText('审批并发布？').waitFor();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await row.getByTestId('run-published').waitFor();
    await expect(row.getByTestId('run-approve').count()).resolves.toBe(0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOTS}/tms-forecast-runs.png`, fullPage: true });
  });

  it("should unfold under a run's row the Spring Festival profile it used, or why it had none", async () => {
    await completedRun();
    await signInAs(page, baseUrl, 'zhao.planner', '/forecasting/runs');
    const row = runRows().first();
    await row.getByTestId('run-festival').click();
    const panel = page.getByTestId('festival-profile');
    await panel.getByText('春节效应（按周）').waitFor();
    // The seed has monthly sales only: no daily history to learn the festival from.
    await panel.getByText(/日销量不足/).waitFor();
    await row.getByTestId('run-festival').click();
    await panel.waitFor({ state: 'hidden' });
  });

  it('should show the published forecast as a chart with its values', async () => {
    await completedRun({ publish: true });
    await signInAs(page, baseUrl, 'zhao.planner', '/forecasting/runs');
    await page.getByTestId('forecasting-tabs').getByText('预测图').click();
    await page.waitForURL(/\/forecasting\/chart$/);
    await page.locator('[data-testid="forecast-chart"] canvas').first().waitFor();
    // Horizon 3: three forecast months in the table.
    await expect(page.locator('[data-testid="forecast-table"] tbody tr.ant-table-row').count()).resolves.toBe(
      3,
    );
    await page.getByTestId('forecast-table').getByText('2026年11月').waitFor();
    await page.getByTestId('forecast-card').getByText('已发布').waitFor();
    await page.waitForTimeout(800); // let the chart's entry animation finish before the screenshot
    await page.screenshot({ path: `${SCREENSHOTS}/tms-forecast-chart.png`, fullPage: true });
  });

  it('should keep the level and brand in the URL', async () => {
    await completedRun({ publish: true });
    await signInAs(page, baseUrl, 'zhao.planner', '/forecasting/chart');
    await page.locator('[data-testid="forecast-chart"] canvas').first().waitFor();
    await page.getByTestId('chart-level').getByText('品牌').click();
    await page.waitForURL((url) => url.searchParams.get('level') === 'brand');
    await page.getByTestId('forecast-card').getByText('请选择品牌').waitFor();
    await page.goto(`${baseUrl}/forecasting/chart?level=brand&brand=${f.brandIds[0]}`);
    await page.locator('[data-testid="forecast-chart"] canvas').first().waitFor();
  });

  it("should open a retailer's forecast from its profile", async () => {
    await completedRun({ publish: true });
    await signInAs(page, baseUrl, 'zhao.planner', `/customers/${f.retailerIds[0]}`);
    await page.getByTestId('customer-forecast').click();
    await page.waitForURL(
      (url) =>
        url.pathname === '/forecasting/chart' &&
        url.searchParams.get('level') === 'retailer' &&
        url.searchParams.get('id') === String(f.retailerIds[0]),
    );
    await page.getByTestId('retailer-select').getByText('惠民便利店').waitFor();
    await page.locator('[data-testid="forecast-chart"] canvas').first().waitFor();
  });

  it('should queue scoring and explain an accuracy page without scores yet, in both languages', async () => {
    await completedRun({ publish: true });
    await signInAs(page, baseUrl, 'zhao.planner', '/forecasting/chart');
    await page.getByTestId('forecasting-tabs').getByText('预测运行').click();
    await runRows().first().getByTestId('run-score').click();
    const queued = page.locator('.ant-message').filter({ hasText: '已提交准确率评估' });
    await queued.getByText('预测准确率').click();
    await page.waitForURL((url) => url.pathname === '/forecasting/accuracy' && url.searchParams.has('run'));
    await page.getByTestId('accuracy-empty').waitFor();
    await page.getByTestId('language-switch').getByText('English').click();
    await page
      .getByTestId('accuracy-empty')
      .getByText(/No accuracy yet/)
      .waitFor();
    await page.getByTestId('language-switch').getByText('中文').click();
    await page
      .getByTestId('accuracy-empty')
      .getByText(/还没有准确率数据/)
      .waitFor();
  });

  it('should offer a user who may only read forecasts no run actions', async () => {
    await completedRun({ publish: true });
    await signInAs(page, baseUrl, 'li.jingli', '/forecasting/runs');
    await expectRows(1);
    await runRows().first().getByTestId('run-published').waitFor();
    await expect(page.getByTestId('start-run').count()).resolves.toBe(0);
    await expect(page.getByTestId('run-score').count()).resolves.toBe(0);
    await runRows().first().getByTestId('run-chart').waitFor();
  });

  async function expectRows(count: number): Promise<void> {
    await page.waitForFunction(
      (expected) =>
        document.querySelectorAll('[data-testid="runs-table"] tbody tr.ant-table-row').length === expected,
      count,
    );
  }
});
