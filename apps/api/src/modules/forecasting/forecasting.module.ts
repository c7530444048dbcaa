import { Module, type OnApplicationBootstrap, type OnModuleInit, Logger } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../../config/environment';
import { JobRegistry } from '../../queue/job-registry';
import { QueueBackend } from '../../queue/queue-backend';
import { AccuracyRepository } from './accuracy/accuracy.repository';
import { AccuracyService } from './accuracy/accuracy.service';
import { ForecastAccuracyEntity } from './forecast-accuracy.entity';
import { ForecastPublicationEntity } from './forecast-publication.entity';
import { ForecastRunChunkEntity } from './forecast-run-chunk.entity';
import { ForecastRunEntity } from './forecast-run.entity';
import { ForecastValueEntity } from './forecast-value.entity';
import { ForecastingController } from './forecasting.controller';
import { ForecastingResolver } from './forecasting.resolver';
import { ForecastsRepository } from './forecasts.repository';
import { ForecastsService } from './forecasts.service';
import { ForecastRunsRepository } from './runs/forecast-runs.repository';
import { FORECAST_JOBS, FORECAST_QUEUE, ForecastRunsService } from './runs/forecast-runs.service';

export const MONTHLY_SCHEDULER_ID = 'forecast-monthly';

/** The monthly demand forecast: runs as BullMQ flows, publication, series and accuracy. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ForecastRunEntity,
      ForecastRunChunkEntity,
      ForecastValueEntity,
      ForecastPublicationEntity,
      ForecastAccuracyEntity,
    ]),
  ],
  controllers: [ForecastingController],
  providers: [
    ForecastRunsRepository,
    ForecastRunsService,
    ForecastsRepository,
    ForecastsService,
    AccuracyRepository,
    AccuracyService,
    ForecastingResolver,
  ],
  exports: [ForecastRunsService],
})
export class ForecastingModule implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ForecastingModule.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly runs: ForecastRunsService,
    private readonly accuracy: AccuracyService,
    private readonly queues: QueueBackend,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    // The forecast itself is synchronous CPU work: one chunk at a time per process; scale with processes.
    this.registry.defineQueue(FORECAST_QUEUE, FORECAST_JOBS, { concurrency: 1 });
    this.registry.register(FORECAST_QUEUE, 'forecast-chunk', (job) => this.runs.processChunk(job));
    this.registry.register(FORECAST_QUEUE, 'finalize-run', (job) => this.runs.finalize(job));
    this.registry.register(FORECAST_QUEUE, 'scheduled-run', () => this.runs.startScheduled());
    this.registry.register(FORECAST_QUEUE, 'score-accuracy', (job) =>
      this.accuracy.scoreRun(job.data.runId, this.runs.currentMonth()),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.queues.queue(FORECAST_QUEUE);
    if (!this.env.FORECAST_SCHEDULE_ENABLED) {
      await queue.removeJobScheduler(MONTHLY_SCHEDULER_ID);
      return;
    }
    // Idempotent: every process may upsert the same scheduler.
    await queue.upsertJobScheduler(
      MONTHLY_SCHEDULER_ID,
      { pattern: this.env.FORECAST_SCHEDULE, tz: this.env.FORECAST_TIMEZONE },
      {
        name: 'scheduled-run',
        data: {},
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
      },
    );
    this.logger.log(
      `Monthly forecast scheduled: ${this.env.FORECAST_SCHEDULE} (${this.env.FORECAST_TIMEZONE})`,
    );
  }
}
