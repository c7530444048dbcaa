import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import type { RequestListener, Server } from 'node:http';
import type { Role } from '@tms/domain';
import { AuthService } from '../src/modules/identity/auth/auth.service';
import { UsersService } from '../src/modules/identity/users/users.service';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { FixedClock } from '../src/common/time/clock';
import { validateEnvironment, type Environment } from '../src/config/environment';
import { JobRegistry } from '../src/queue/job-registry';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  /** The app as an administrator: requests without credentials get the admin's bearer token. */
  http: RequestListener;
  /** The app exactly as the network sees it: no credentials are added. */
  raw: Server;
  adminToken: string;
  /** Creates a user with these roles (and links) and returns a bearer token for them. */
  tokenFor(
    roles: Role[],
    links?: { districtIds?: number[]; accountManagerId?: number | null },
  ): Promise<string>;
  db: DataSource;
  env: Environment;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Use Redis for BullMQ (requires REDIS_URL); default: BullMQ's PostgreSQL backend. */
  queueBackend?: 'redis' | 'postgres';
  startWorkers?: boolean;
  environment?: Record<string, string>;
  /** The instant the app believes it is (default `TEST_NOW`), so no test depends on the calendar. */
  now?: string;
}

/**
 * "Today" for the test apps: mid-November 2026, the month after the fixtures' sales history (which ends in
 * October 2026). Elapsed-time checks (tokens, throttles) still use the system clock.
 */
export const TEST_NOW = '2026-11-16T04:00:00Z';

export const redisUrl = process.env.REDIS_URL;

/** The whole application on its own database (and its own queue namespace), as in production. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const backend = options.queueBackend ?? 'postgres';
  if (backend === 'redis' && !redisUrl) throw new Error('REDIS_URL is not set');
  const env = validateEnvironment({
    ...options.environment,
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: backend === 'redis' ? redisUrl : undefined,
    QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    RUN_MIGRATIONS: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    IMPORT_DIR: `/tmp/tms-test-imports/${database.name}`,
  });
  const app = await createApp(env, { clock: new FixedClock(options.now ?? TEST_NOW) });
  await app.init();
  if (options.startWorkers) app.get(JobRegistry).startWorkers();
  const raw = app.getHttpServer() as Server;
  let users = 0;
  const tokenFor: TestApp['tokenFor'] = async (roles, links = {}) => {
    const username = `user${++users}.${roles.join('.').replace(/_/g, '-')}`;
    const password = 'Test-password-2026';
    // An ordinary user who has already replaced the initial password.
    await app
      .get(UsersService)
      .create({ username, displayName: username, roles, password, ...links }, { mustChangePassword: false });
    const session = await app.get(AuthService).login(username, password);
    return session.accessToken;
  };
  const adminToken = await tokenFor(['admin']);
  const listener = raw.listeners('request')[0] as RequestListener;
  const http: RequestListener = (req, res) => {
    if (!req.headers.authorization && !req.headers['x-api-key'])
      req.headers.authorization = `Bearer ${adminToken}`;
    listener(req, res);
  };
  return {
    app,
    http,
    raw,
    adminToken,
    tokenFor,
    db: app.get(DataSource),
    env,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export interface ProductionTestApp {
  app: NestExpressApplication;
  raw: Server;
  db: DataSource;
  /** A bearer token of a user with these roles who has already replaced the initial password. */
  tokenFor(roles: Role[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * The application as production configures it (NODE_ENV=production, its own secret), for the behaviour
 * that only production has: introspection, error details, documentation. No credentials are added.
 */
export async function createProductionTestApp(
  environment: Record<string, string> = {},
): Promise<ProductionTestApp> {
  const database = await createTestDatabase();
  const env = validateEnvironment({
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_PASSWORD: 'Root-password-2026',
    DATABASE_URL: database.url,
    QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    RUN_MIGRATIONS: 'false',
    LOG_LEVEL: 'silent',
    IMPORT_DIR: `/tmp/tms-test-imports/${database.name}`,
    ...environment,
  });
  const app = await createApp(env);
  await app.init();
  let users = 0;
  return {
    app,
    raw: app.getHttpServer() as Server,
    db: app.get(DataSource),
    tokenFor: async (roles) => {
      const username = `user${++users}.${roles.join('.').replace(/_/g, '-')}`;
      const password = 'Test-password-2026';
      await app
        .get(UsersService)
        .create({ username, displayName: username, roles, password }, { mustChangePassword: false });
      return (await app.get(AuthService).login(username, password)).accessToken;
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** `describe` when Redis is configured; otherwise the suite is skipped and says so. */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisUrl) {
    describe(name, body);
  } else {
    console.warn(`SKIPPED (REDIS_URL not set): ${name}`);
    describe.skip(`${name} [skipped: REDIS_URL not set]`, body);
  }
}
