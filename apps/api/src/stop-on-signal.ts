/** PostgreSQL's "terminating connection due to administrator command": the server is shutting down. */
export const POSTGRES_SHUTTING_DOWN = '57P01';

export function isPostgresShuttingDown(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === POSTGRES_SHUTTING_DOWN;
}

/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits. Ctrl-C reaches the embedded PostgreSQL as well, which
 * may close its connections before we close ours; a connection that a library holds without an error
 * listener then throws. While stopping that is expected, and must not end the process with a stack trace.
 */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      process.on('uncaughtException', (error) => {
        if (isPostgresShuttingDown(error)) return;
        console.error(error);
        process.exit(1);
      });
      stop()
        .catch((error: unknown) => console.error(error))
        .finally(() => process.exit(0));
    });
  }
}
