import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '@tms/domain';
import { UsersService } from '../../api/src/modules/identity/users/users.service';
import type { TestApp } from '../../api/test/test-app';

/** Shared set-up of the browser tests: the built SPA, Debian's Chromium, and users who sign in through the UI. */
export const DIST_DIR = resolve(__dirname, '../dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';
export const PASSWORD = 'Test-password-2026';

const missing = [
  existsSync(resolve(DIST_DIR, 'index.html'))
    ? null
    : `${DIST_DIR}/index.html (run: pnpm --filter @tms/web build)`,
  existsSync(CHROMIUM) ? null : `${CHROMIUM} (run: apt-get install chromium)`,
].filter((item): item is string => item !== null);

/** `describe` when the built SPA and Chromium are there; otherwise the suite is skipped and says so. */
export function describeWithBrowser(name: string, body: () => void): void {
  if (missing.length === 0) {
    describe(name, body);
  } else {
    console.warn(`SKIPPED ${name}: missing ${missing.join(' and ')}`);
    describe.skip(name, body);
  }
}

function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface PagePerTest {
  /** The running test's page: a browser context of its own, so no cookie, storage or screen of another test. */
  readonly page: Page;
  /** Console errors the running test provokes on purpose (Chromium logs every 4xx response it gets). */
  expectConsoleErrors(...patterns: RegExp[]): void;
}

/**
 * One Chromium for the file and, for each test, a fresh page as the staff see it (Chinese, a desktop screen):
 * each test starts from nothing another test left, and fails on any console error it did not expect.
 */
export function freshPagePerTest(): PagePerTest {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let errors: string[] = [];
  let expected: RegExp[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser!.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    // Generous for a loaded machine: each wait still ends as soon as its condition holds.
    page.setDefaultTimeout(20_000);
    errors = collectConsoleErrors(page);
    expected = [];
  });
  afterEach(async () => {
    await context?.close();
    expect(errors.filter((text) => !expected.some((pattern) => pattern.test(text)))).toEqual([]);
  });

  return {
    get page() {
      if (!page) throw new Error('The page exists only while a test runs');
      return page;
    },
    expectConsoleErrors: (...patterns) => expected.push(...patterns),
  };
}

/** The address of the app once it listens (the network's view: no credentials are added). */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(t.raw.address() as AddressInfo).port}`;
}

/** A staff user who can sign in with {@link PASSWORD} straight away (unless told otherwise). */
export async function createUser(
  t: TestApp,
  username: string,
  roles: Role[],
  extra: {
    displayName?: string;
    districtIds?: number[];
    accountManagerId?: number | null;
    password?: string;
    mustChangePassword?: boolean;
  } = {},
): Promise<void> {
  const { displayName = username, password = PASSWORD, mustChangePassword = false, ...links } = extra;
  await t.app
    .get(UsersService)
    .create({ username, displayName, roles, password, ...links }, { mustChangePassword });
}

/**
 * Signs in without the sign-in page (its own tests go through it): the API sets the refresh cookie in the
 * page's context, and the SPA restores the session from it when `path` opens.
 */
export async function signInAs(
  page: Page,
  baseUrl: string,
  username: string,
  path: string,
  password = PASSWORD,
): Promise<void> {
  const response = await page.request.post(`${baseUrl}/api/auth/login`, { data: { username, password } });
  if (!response.ok()) throw new Error(`${username} could not sign in: ${response.status()}`);
  await page.goto(`${baseUrl}${path}`);
}

/** The API as one user, for the state a test needs before it opens the browser; fails on any error. */
export function apiAs(baseUrl: string, token: string) {
  return async <T = unknown>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** Signs in through the sign-in page (opening `path` first, which sends the browser there). */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  options: { password?: string; path?: string } = {},
): Promise<void> {
  await page.goto(`${baseUrl}${options.path ?? '/'}`);
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(options.password ?? PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Signs out through the user menu and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL((url) => url.pathname === '/login');
}

/** What Chromium logs as errors, apart from the expected 401 of the silent refresh before signing in. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    if (/status of 401/.test(message.text()) && url.endsWith('/api/auth/refresh')) return;
    errors.push(`${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
