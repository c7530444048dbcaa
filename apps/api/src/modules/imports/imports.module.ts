import { Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { Environment } from '../../config/environment';
import { JobRegistry } from '../../queue/job-registry';
import { HashingDiskStorage, ImportFiles } from './import-files';
import { ImportJobEntity } from './import-job.entity';
import { ImportJobsRepository } from './import-jobs.repository';
import { ImportRunner } from './import-runner.service';
import { ImportsController } from './imports.controller';
import { IMPORT_JOB, IMPORT_QUEUE, ImportsService, type ImportJobData } from './imports.service';

/** CSV import of retailers and order lines: upload, checks, bulk write, progress, error report. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ImportJobEntity]),
    MulterModule.registerAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        storage: new HashingDiskStorage(new ImportFiles(env.IMPORT_DIR).uploadsDir()),
        limits: { fileSize: env.UPLOAD_MAX_MB * 1024 * 1024, files: 1, fields: 10, fieldSize: 1024 },
      }),
    }),
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportRunner, ImportJobsRepository],
  exports: [ImportsService, ImportRunner],
})
export class ImportsModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: ImportRunner,
  ) {}

  onModuleInit(): void {
    // One import at a time per worker: each one keeps a core busy. The lock outlives long set-based steps.
    this.registry.defineQueue(IMPORT_QUEUE, [IMPORT_JOB], { concurrency: 1, lockDuration: 120_000 });
    this.registry.register(IMPORT_QUEUE, IMPORT_JOB, async (job: Job<ImportJobData>) => {
      await this.runner.run(
        job.data.importId,
        (progress) => job.updateProgress(progress),
        job.data.authority,
      );
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.failInterrupted();
  }
}
