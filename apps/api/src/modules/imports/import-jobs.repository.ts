import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { ImportJobEntity, ImportKind, ImportRowError, ImportState } from './import-job.entity';
import { ImportJobEntity as ImportJob } from './import-job.entity';

export interface ImportOutcome {
  state: Extract<ImportState, 'succeeded' | 'rejected' | 'failed'>;
  rowsRead?: number;
  rowsInvalid?: number;
  rowsInserted?: number;
  rowsUpdated?: number;
  rowsUnchanged?: number;
  bytesRead?: number;
  errorSample?: ImportRowError[];
  message: string | null;
}

const UNFINISHED: ImportState[] = ['queued', 'running'];

/** The import_job table. Progress and outcome are written outside the import's own transaction. */
@Injectable()
export class ImportJobsRepository {
  constructor(@InjectRepository(ImportJob) private readonly repository: Repository<ImportJobEntity>) {}

  create(input: {
    id: string;
    kind: ImportKind;
    dryRun: boolean;
    fileName: string;
    fileSize: number;
    fileSha256: string;
    createdBy: string;
  }): Promise<ImportJobEntity> {
    return this.repository.save(
      this.repository.create({ ...input, fileSize: String(input.fileSize), state: 'queued' }),
    );
  }

  findOne(id: string): Promise<ImportJobEntity | null> {
    return this.repository.findOneBy({ id });
  }

  page(
    where: { kind?: ImportKind; state?: ImportState },
    offset: number,
    limit: number,
  ): Promise<[ImportJobEntity[], number]> {
    return this.repository.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
  }

  /** Claims an unfinished import for running; false when it already finished. */
  async markRunning(id: string): Promise<boolean> {
    const result = await this.repository.update(
      { id, state: In(UNFINISHED) },
      { state: 'running', startedAt: () => 'now()', bytesRead: '0', rowsRead: 0 },
    );
    return (result.affected ?? 0) > 0;
  }

  async progress(id: string, bytesRead: number, rowsRead: number): Promise<void> {
    await this.repository.update({ id, state: 'running' }, { bytesRead: String(bytesRead), rowsRead });
  }

  async finish(id: string, outcome: ImportOutcome): Promise<void> {
    const { bytesRead, ...rest } = outcome;
    await this.repository.update(
      { id, state: In(UNFINISHED) },
      {
        ...rest,
        ...(bytesRead === undefined ? {} : { bytesRead: String(bytesRead) }),
        message: outcome.message?.slice(0, 500) ?? null,
        finishedAt: () => 'now()',
      },
    );
  }

  /** Imports left `running` by a process that died; the caller checks whether their runner is gone. */
  async findRunning(): Promise<ImportJobEntity[]> {
    return this.repository.findBy({ state: 'running' });
  }
}
