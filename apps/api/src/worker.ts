import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { EnvironmentError, validateEnvironment } from './config/environment';
import { resolveDatabaseUrl, stopEmbeddedPostgres } from './database/database-url';
import { JobRegistry } from './queue/job-registry';
import { stopOnSignal } from './stop-on-signal';

/** `pnpm worker`: the job workers alone, without the HTTP server (a province runs several of these). */
async function main(): Promise<void> {
  const env = validateEnvironment({ ...process.env, WORKER_IN_PROCESS: 'false' });
  await resolveDatabaseUrl(env, (message) => console.log(message));
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(env), { bufferLogs: true });
  context.useLogger(context.get(Logger));
  context.get(JobRegistry).startWorkers();
  // Closing the context closes the workers, which finish or release their current jobs first.
  stopOnSignal(async () => {
    await context.close();
    await stopEmbeddedPostgres();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvironmentError ? error.message : error);
  process.exit(1);
});
