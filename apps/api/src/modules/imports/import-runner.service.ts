import { Injectable, Logger } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { Client } from 'pg';
import { AppError } from '../../common/errors/app-error';
import { Environment } from '../../config/environment';
import { runBulkImport, type BulkProgress } from './bulk/bulk-import';
import type { BulkKind } from './bulk/bulk-kind';
import { UNRESTRICTED, type ImportAuthority } from './import-authority';
import { ImportFiles } from './import-files';
import type { ImportJobEntity, ImportKind } from './import-job.entity';
import { ImportJobsRepository } from './import-jobs.repository';
import { orderLineKind } from './order-lines/order-line-kind';
import { retailerKind } from './retailers/retailer-kind';

export const BULK_KINDS: Record<ImportKind, BulkKind> = {
  retailers: retailerKind,
  order_lines: orderLineKind,
};

/** Progress rows are written at most this often. */
const PROGRESS_INTERVAL_MS = 500;
/** Advisory-lock namespace of running imports (first key of the two-key form). */
const IMPORT_LOCK_CLASS = 7401;

export type ProgressListener = (progress: BulkProgress & { percent: number }) => Promise<void> | void;

/**
 * Runs one import: its own database session (the COPY streams and the one transaction), a session lock
 * that says "a runner is alive for this import", progress written outside the transaction.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);
  private readonly files: ImportFiles;

  constructor(
    private readonly env: Environment,
    private readonly jobs: ImportJobsRepository,
  ) {
    this.files = new ImportFiles(env.IMPORT_DIR);
  }

  /**
   * Runs the import unless it finished already or another runner holds it. An import found `running` with
   * no live runner was interrupted by a crash: it is failed, not resumed (its transaction rolled back).
   */
  async run(id: string, onProgress?: ProgressListener, authority = UNRESTRICTED): Promise<void> {
    let client: Client;
    try {
      client = await this.connect();
    } catch (error) {
      this.logger.error({ err: error, importId: id }, 'Import could not connect to the database');
      await this.jobs.finish(id, {
        state: 'failed',
        message: 'The database was unavailable; nothing was written.',
      });
      return;
    }
    try {
      const locked = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok',
        [IMPORT_LOCK_CLASS, id],
      );
      if (!locked.rows[0].ok) return;
      const job = await this.jobs.findOne(id);
      if (!job || !['queued', 'running'].includes(job.state)) return;
      if (job.state === 'running') {
        await this.jobs.finish(id, { state: 'failed', message: INTERRUPTED });
        await this.files.discard(this.files.upload(id));
        return;
      }
      await this.jobs.markRunning(id);
      await this.execute(client, id, job, authority, onProgress);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** Fails imports left `running` by a process that died (their session lock is gone). */
  async failInterrupted(): Promise<void> {
    const running = await this.jobs.findRunning();
    if (running.length === 0) return;
    const client = await this.connect();
    try {
      for (const job of running) {
        const { rows } = await client.query<{ ok: boolean }>(
          'SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok',
          [IMPORT_LOCK_CLASS, job.id],
        );
        if (!rows[0].ok) continue;
        await this.jobs.finish(job.id, { state: 'failed', message: INTERRUPTED });
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [IMPORT_LOCK_CLASS, job.id]);
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async execute(
    client: Client,
    id: string,
    job: ImportJobEntity,
    authority: ImportAuthority,
    onProgress?: ProgressListener,
  ): Promise<void> {
    const { kind, dryRun } = job;
    const fileSize = Number(job.fileSize);
    const uploadPath = this.files.upload(id);
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    const progress = (p: BulkProgress): void => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
      lastWrite = now;
      const percent = fileSize > 0 ? Math.min(99, Math.floor((p.bytesRead / fileSize) * 100)) : 0;
      // Chained so an older figure never lands after a newer one; never slows the import down.
      writing = writing
        .then(async () => {
          await this.jobs.progress(id, p.bytesRead, p.rowsRead);
          await onProgress?.({ ...p, percent });
        })
        .catch((error: unknown) => this.logger.warn({ err: error, importId: id }, 'Progress not recorded'));
    };
    try {
      const result = await runBulkImport(client, BULK_KINDS[kind], {
        openSource: () => createReadStream(uploadPath, { highWaterMark: 1024 * 1024 }),
        dryRun,
        reportPath: this.files.report(id),
        onProgress: progress,
        auditId: id,
        authority,
      });
      await writing;
      await this.jobs.finish(id, {
        state: result.state,
        rowsRead: result.rowsRead,
        rowsInvalid: result.rowsInvalid,
        rowsInserted: result.inserted,
        rowsUpdated: result.updated,
        rowsUnchanged: result.unchanged,
        bytesRead: result.bytesRead,
        errorSample: result.errorSample,
        message: summary(result.state, dryRun, result.rowsInvalid),
      });
    } catch (error) {
      await writing;
      this.logger.error({ err: error, importId: id }, 'Import failed');
      const message =
        error instanceof AppError
          ? error.message
          : `The import failed unexpectedly and nothing was written (import ${id}); see the server log.`;
      await this.jobs.finish(id, { state: 'failed', message });
    } finally {
      await this.files.discard(uploadPath);
    }
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.env.DATABASE_URL, application_name: 'tms-import' });
    // A dropped connection surfaces as a failed query; without a listener it would crash the process.
    client.on('error', (error) => this.logger.warn({ err: error }, 'Import connection error'));
    await client.connect();
    return client;
  }
}

const INTERRUPTED =
  'The import was interrupted (its process stopped); nothing was written. Upload the file again.';

function summary(state: 'succeeded' | 'rejected', dryRun: boolean, invalid: number): string {
  if (state === 'rejected')
    return `Rejected: ${invalid} invalid row(s); nothing was written. See the error report.`;
  return dryRun ? 'Dry run: the file is valid; nothing was written.' : 'Imported.';
}
