import 'reflect-metadata';
import { createApp } from './bootstrap';
import { validateEnvironment, EnvironmentError } from './config/environment';
import { resolveDatabaseUrl, stopEmbeddedPostgres } from './database/database-url';
import { JobRegistry } from './queue/job-registry';
import { seedIfEmpty } from './modules/imports/demo-seed';
import { stopOnSignal } from './stop-on-signal';

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  await resolveDatabaseUrl(env, (message) => console.log(message));
  const app = await createApp(env);
  // Modules define their queues while initialising: workers start after that.
  await app.init();
  if (env.WORKER_IN_PROCESS) app.get(JobRegistry).startWorkers();
  const demoScale = process.env.SEED_DEMO;
  if (demoScale) await seedIfEmpty(app, demoScale);
  // Closes the app, then the embedded PostgreSQL (its server process would outlive us otherwise).
  stopOnSignal(async () => {
    await app.close();
    await stopEmbeddedPostgres();
  });
  await app.listen(env.PORT, '0.0.0.0');
  const url = `http://localhost:${env.PORT}`;
  console.log(
    [
      '',
      `  Tobacco marketing services is running at ${url}`,
      `    REST API docs: ${url}/api/docs    GraphQL: ${url}/graphql    Queues: ${url}/admin/queues`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof EnvironmentError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
