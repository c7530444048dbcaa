import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { AppError, NotFoundError } from '../../common/errors/app-error';
import { currentPrincipal, principalLabel } from '../../common/http/request-context';
import { pageWindow, type Page } from '../../common/pagination/page.dto';
import { Environment } from '../../config/environment';
import { QueueBackend } from '../../queue/queue-backend';
import type { CreateImportDto, ImportListQuery } from './dto/import-job.dto';
import { importAuthority, type ImportAuthority } from './import-authority';
import { ImportFiles, type HashedUpload } from './import-files';
import type { ImportJobEntity } from './import-job.entity';
import { ImportJobsRepository } from './import-jobs.repository';
import { ImportRunner } from './import-runner.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const IMPORT_QUEUE = 'imports';
export const IMPORT_JOB = 'import-file';

/** BullMQ job ids cannot contain ':'; one job per import makes a repeated enqueue a no-op. */
/** A queued import's job data: the uploader's authority travels with it to the worker. */
export interface ImportJobData {
  importId: string;
  authority?: ImportAuthority;
}

export const importJobId = (importId: string): string => `import-${importId}`;

@Injectable()
export class ImportsService {
  private readonly files: ImportFiles;

  constructor(
    private readonly env: Environment,
    private readonly jobs: ImportJobsRepository,
    private readonly runner: ImportRunner,
    private readonly queues: QueueBackend,
  ) {
    this.files = new ImportFiles(env.IMPORT_DIR);
  }

  /**
   * Records the import and runs it: in the request below IMPORT_INLINE_MAX_BYTES (the caller gets the
   * outcome), else as a BullMQ job (the caller gets the queued record and polls it).
   */
  async create(upload: HashedUpload | undefined, input: CreateImportDto): Promise<ImportJobEntity> {
    if (!upload)
      throw new AppError('BAD_REQUEST', 'file is required: send the CSV as multipart field "file"');
    const id = randomUUID();
    try {
      await this.files.adopt(id, upload.path);
    } catch (error) {
      await this.files.discard(upload.path);
      throw error;
    }
    await this.jobs.create({
      id,
      kind: input.kind,
      dryRun: input.dryRun ?? false,
      fileName: upload.originalname.slice(0, 255) || 'upload.csv',
      fileSize: upload.size,
      fileSha256: upload.sha256,
      createdBy: principalLabel(currentPrincipal()),
    });
    const authority = importAuthority(currentPrincipal());
    if (upload.size < this.env.IMPORT_INLINE_MAX_BYTES) {
      await this.runner.run(id, undefined, authority);
    } else {
      await this.queues
        .queue(IMPORT_QUEUE)
        .add(IMPORT_JOB, { importId: id, authority } satisfies ImportJobData, {
          jobId: importJobId(id),
          attempts: 1,
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        });
    }
    return this.get(id);
  }

  async list(query: ImportListQuery): Promise<Page<ImportJobEntity>> {
    const { page, pageSize, offset } = pageWindow(query);
    const where = {
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.state ? { state: query.state } : {}),
    };
    const [items, total] = await this.jobs.page(where, offset, pageSize);
    return { items, total, page, pageSize };
  }

  async get(id: string): Promise<ImportJobEntity> {
    const job = UUID.test(id) ? await this.jobs.findOne(id) : null;
    if (!job) throw new NotFoundError('Import', id);
    return job;
  }

  /** Path of the error report; it exists once the import has been checked (succeeded or rejected). */
  async errorReport(id: string): Promise<string> {
    const job = await this.get(id);
    const path = this.files.report(id);
    if (!['succeeded', 'rejected'].includes(job.state) || !existsSync(path)) {
      throw new AppError('CONFLICT', `Import ${id} has no error report (state ${job.state})`);
    }
    return path;
  }
}
