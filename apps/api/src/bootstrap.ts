import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';
import { reenterRequestContext, requestIdMiddleware } from './common/http/request-id.middleware';
import { noStore, securityHeaders } from './common/http/security-headers';
import { rejectNulInUrl, verifyJsonBody } from './common/validation/hostile-input';
import type { Clock } from './common/time/clock';
import { trustProxySetting, type Environment } from './config/environment';
import { JobRegistry } from './queue/job-registry';
import { PrincipalsService } from './modules/identity/auth/principals.service';
import { queueDashboardAccess } from './modules/identity/auth/queue-dashboard-access';
import { QueueBackend } from './queue/queue-backend';

export const API_PREFIX = 'api';
export const QUEUE_DASHBOARD_PATH = '/admin/queues';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tobacco marketing services API')
    .setDescription('REST API of the marketing department web app. Manufacturers integrate through GraphQL.')
    .setVersion('0.1.0')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}

/** Builds the HTTP application (not listening yet): used by `main.ts`, the tests and the contract emitter. */
export async function createApp(
  env: Environment,
  options: { bufferLogs?: boolean; clock?: Clock } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, options.clock), {
    bufferLogs: options.bufferLogs ?? true,
    bodyParser: false,
  });
  app.use(requestIdMiddleware);
  app.useLogger(app.get(Logger));
  app.use(securityHeaders([`/${API_PREFIX}/docs`, '/graphql', QUEUE_DASHBOARD_PATH]));
  app.use([`/${API_PREFIX}`, '/graphql'], noStore);
  // Only the configured proxy's X-Forwarded-For is believed: anyone else could choose their own address.
  app.set('trust proxy', trustProxySetting(env.TRUST_PROXY));
  const origins = env.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (origins.length) app.enableCors({ origin: origins, credentials: true, maxAge: 600 });
  app.use(cookieParser());
  // A NUL anywhere in the URL, JSON nested too deep or with a NUL escape: 400 before any route sees it.
  app.use(rejectNulInUrl);
  app.use(express.json({ limit: '1mb', verify: verifyJsonBody }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(reenterRequestContext);
  app.setGlobalPrefix(API_PREFIX);
  if (env.API_DOCS) {
    SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => buildOpenApiDocument(app), {
      jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json`,
    });
  }
  mountQueueDashboard(app);
  if (env.WEB_DIST_DIR) serveSpa(app, resolve(env.WEB_DIST_DIR));
  return app;
}

function mountQueueDashboard(app: INestApplication): void {
  const principals = app.get(PrincipalsService);
  const registry = app.get(JobRegistry);
  const backend = app.get(QueueBackend);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const board = createBullBoard({ queues: [], serverAdapter });
  // The router is mounted now (before Nest's not-found handler); the queues are known once modules start.
  registry.onQueuesDefined((names) =>
    board.replaceQueues(names.map((name) => new BullMQAdapter(backend.queue(name)))),
  );
  // Mounted outside Nest's router, so it checks access itself: administrators only.
  app.use(QUEUE_DASHBOARD_PATH, queueDashboardAccess(principals), serverAdapter.getRouter());
}

/** The built SPA at `/`, with client-side routes answered by `index.html`. */
function serveSpa(app: NestExpressApplication, distDir: string): void {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) throw new Error(`WEB_DIST_DIR has no index.html: ${distDir}`);
  app.use(express.static(distDir, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = ['/api', '/graphql', QUEUE_DASHBOARD_PATH].some((prefix) => req.path.startsWith(prefix));
    if (req.method !== 'GET' || isApi) return next();
    res.sendFile(index);
  });
}
