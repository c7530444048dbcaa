import { recordAudit } from '../../audit/audit-writer';
import { Injectable, Logger } from '@nestjs/common';
import { ENGINE_VERSION, METHODS, monthlyFestivalFactors, type MethodName } from '@tms/forecasting';
import type { Job } from 'bullmq';
import { Environment } from '../../../config/environment';
import { AppError, NotFoundError } from '../../../common/errors/app-error';
import { Clock } from '../../../common/time/clock';
import { QueueBackend } from '../../../queue/queue-backend';
import { ForecastPublicationEntity } from '../forecast-publication.entity';
import { ForecastRunChunkEntity } from '../forecast-run-chunk.entity';
import { ForecastRunEntity, type ForecastScope } from '../forecast-run.entity';
import { addMonths, forecastChunk } from './chunk-forecaster';
import { learnFestivalProfile } from './festival';
import { ForecastRunsRepository } from './forecast-runs.repository';

export const FORECAST_QUEUE = 'forecasting';
export const FORECAST_JOBS = ['forecast-chunk', 'finalize-run', 'scheduled-run', 'score-accuracy'] as const;
export const HISTORY_MONTHS = 36;
export const ACTIVE_MONTHS = 12;
const CHUNK_ATTEMPTS = 3;

export interface StartRunInput {
  /** First forecast month, `YYYY-MM`. */
  month: string;
  horizon?: number;
  method?: MethodName;
  holidays?: 'spring-festival' | 'none';
  districtIds?: number[];
  brandIds?: number[];
}

class RunNoLongerActive extends Error {}

export interface ChunkJobData {
  runId: string;
  chunkNo: number;
}

/** `forecast-2026-11-v2`: BullMQ refuses `:` in custom ids. */
export function runJobId(month: string, version: number): string {
  return `forecast-${month.slice(0, 7)}-v${version}`;
}

export function chunkJobId(month: string, version: number, chunkNo: number): string {
  return `${runJobId(month, version)}-chunk-${String(chunkNo).padStart(4, '0')}`;
}

function canonicalScope(input: StartRunInput, horizon: number, method: string, holidays: string): string {
  const ids = (list?: number[]) => (list?.length ? [...new Set(list)].sort((a, b) => a - b).join('.') : '*');
  return `h${horizon}|${method}|${holidays}|d${ids(input.districtIds)}|b${ids(input.brandIds)}`;
}

@Injectable()
export class ForecastRunsService {
  private readonly logger = new Logger(ForecastRunsService.name);

  constructor(
    private readonly runs: ForecastRunsRepository,
    private readonly queues: QueueBackend,
    private readonly env: Environment,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts a run, or returns the one already queued or running for the same month, scope and parameters:
   * starting the same run twice does not do the work twice.
   */
  async start(
    input: StartRunInput,
    startedBy: string,
  ): Promise<{ run: ForecastRunEntity; created: boolean }> {
    const month = `${input.month}-01`;
    const horizon = input.horizon ?? 3;
    const method = input.method ?? 'ensemble';
    if (!METHODS.includes(method)) throw new AppError('BAD_REQUEST', `Unknown method ${method}`);
    const holidays = input.holidays ?? 'spring-festival';
    const scope: ForecastScope = {
      ...(input.districtIds?.length ? { districtIds: input.districtIds } : {}),
      ...(input.brandIds?.length ? { brandIds: input.brandIds } : {}),
    };
    const scopeKey = canonicalScope(input, horizon, method, holidays);
    const existing = await this.runs.findActive(month, scopeKey);
    if (existing) return { run: existing, created: false };

    const activeFrom = `${addMonths(input.month, -ACTIVE_MONTHS)}-01`;
    const festivalProfile =
      holidays === 'none'
        ? null
        : await learnFestivalProfile(
            (sql, parameters) => this.runs.manager.query(sql, parameters),
            input.month,
          );
    let run: ForecastRunEntity;
    let chunks: ForecastRunChunkEntity[];
    try {
      ({ run, chunks } = await this.runs.transaction(async (manager) => {
        const version = await this.runs.nextVersion(manager, month);
        const plan = await this.runs.planChunks(
          manager,
          scope,
          activeFrom,
          month,
          this.env.FORECAST_CHUNK_SIZE,
        );
        const created = await manager.getRepository(ForecastRunEntity).save(
          manager.getRepository(ForecastRunEntity).create({
            month,
            version,
            state: 'queued',
            horizon,
            method,
            holidays,
            festivalProfile,
            scope,
            scopeKey,
            engineVersion: ENGINE_VERSION,
            startedBy,
            chunksTotal: plan.length,
            retailersTotal: plan.reduce((sum, chunk) => sum + chunk.retailers, 0),
          }),
        );
        const chunkRows = plan.map((chunk) =>
          manager.getRepository(ForecastRunChunkEntity).create({
            runId: created.id,
            chunkNo: chunk.chunkNo,
            firstRetailerId: chunk.firstRetailerId,
            lastRetailerId: chunk.lastRetailerId,
          }),
        );
        await manager.getRepository(ForecastRunChunkEntity).save(chunkRows, { chunk: 500 });
        await recordAudit(manager, {
          action: 'start',
          entity: 'forecast_run',
          entityId: created.id,
          after: created,
        });
        return { run: created, chunks: chunkRows };
      }));
    } catch (error) {
      // Another process started the same run between our check and our insert.
      const raced = await this.runs.findActive(month, scopeKey);
      if (raced) return { run: raced, created: false };
      throw error;
    }
    await this.enqueue(run, chunks);
    return { run, created: true };
  }

  /** One flow: a parent that finalises the run once every chunk child has completed. */
  private async enqueue(run: ForecastRunEntity, chunks: ForecastRunChunkEntity[]): Promise<void> {
    const backoff = { type: 'exponential' as const, delay: 2000 };
    await this.queues.flowProducer().add({
      name: 'finalize-run',
      queueName: FORECAST_QUEUE,
      data: { runId: run.id },
      opts: { jobId: runJobId(run.month, run.version), attempts: CHUNK_ATTEMPTS, backoff },
      children: chunks.map((chunk) => ({
        name: 'forecast-chunk',
        queueName: FORECAST_QUEUE,
        data: { runId: run.id, chunkNo: chunk.chunkNo } satisfies ChunkJobData,
        opts: {
          jobId: chunkJobId(run.month, run.version, chunk.chunkNo),
          attempts: CHUNK_ATTEMPTS,
          backoff,
          failParentOnFailure: true,
          removeOnComplete: { count: 10_000 },
        },
      })),
    });
  }

  /** Handler of `forecast-chunk`: idempotent, so a re-delivered chunk after a crash is a no-op. */
  async processChunk(job: Job<ChunkJobData>): Promise<{ series: number; skipped?: string }> {
    const { runId, chunkNo } = job.data;
    const run = await this.runs.findById(runId);
    if (!run) return { series: 0, skipped: 'run deleted' };
    if (run.state === 'cancelled' || run.state === 'failed') return { series: 0, skipped: run.state };
    const chunk = await this.runs.manager.getRepository(ForecastRunChunkEntity).findOneBy({ runId, chunkNo });
    if (!chunk) throw new Error(`Chunk ${chunkNo} of run ${runId} is missing`);
    if (chunk.done) return { series: chunk.seriesCount, skipped: 'already done' };
    if (run.state === 'queued') {
      await this.runs.manager.query(
        `UPDATE forecast_run SET state = 'running', started_at = coalesce(started_at, now()) WHERE id = $1 AND state = 'queued'`,
        [runId],
      );
    }
    try {
      const firstMonth = run.month.slice(0, 7);
      const historyStart = addMonths(firstMonth, -HISTORY_MONTHS);
      const [rows, withdrawn, orderCycles] = await Promise.all([
        this.runs.readHistory(run, chunk.firstRetailerId, chunk.lastRetailerId, `${historyStart}-01`),
        this.runs.withdrawnBrandIds(run.month),
        this.runs.orderCycles(chunk.firstRetailerId, chunk.lastRetailerId),
      ]);
      const result = forecastChunk({
        rows,
        historyMonths: HISTORY_MONTHS,
        historyStart,
        horizon: run.horizon,
        method: run.method as MethodName,
        holidays: run.holidays as 'spring-festival' | 'none',
        withdrawnBrandIds: withdrawn,
        activeMonths: ACTIVE_MONTHS,
        orderCycles,
        ...(run.festivalProfile
          ? {
              festivalFactors: monthlyFestivalFactors(
                run.festivalProfile,
                historyStart,
                HISTORY_MONTHS + run.horizon,
              ),
            }
          : {}),
      });
      await this.runs
        .transaction(async (manager) => {
          // The chunk's row lock makes two deliveries of the same chunk (after a stall) write it once.
          const [locked] = await manager.query(
            'SELECT done FROM forecast_run_chunk WHERE run_id = $1 AND chunk_no = $2 FOR UPDATE',
            [runId, chunkNo],
          );
          if (locked.done) return;
          await this.runs.writeForecasts(manager, runId, run.month, chunk, result);
          await manager.query(
            `UPDATE forecast_run_chunk SET done = true, series_count = $3, attempts = attempts + 1, finished_at = now()
            WHERE run_id = $1 AND chunk_no = $2`,
            [runId, chunkNo, result.seriesCount],
          );
          // The run's row is locked last and only for this UPDATE: taking it earlier (even FOR SHARE) makes
          // two workers' transactions wait for each other.
          // For an UPDATE, TypeORM's raw query answers [rows, affected count].
          const [, counted] = (await manager.query(
            `UPDATE forecast_run SET chunks_done = chunks_done + 1, series_done = series_done + $2
            WHERE id = $1 AND state IN ('queued', 'running') RETURNING id`,
            [runId, result.seriesCount],
          )) as [unknown[], number];
          if (counted === 0) throw new RunNoLongerActive();
        })
        .catch((error: unknown) => {
          // Cancelled (or failed) while this chunk was being forecast: its rows are rolled back, nothing to do.
          if (!(error instanceof RunNoLongerActive)) throw error;
        });
      await job.updateProgress({ chunkNo, series: result.seriesCount });
      return { series: result.seriesCount };
    } catch (error) {
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.runs.manager.query(
        'UPDATE forecast_run_chunk SET attempts = attempts + 1 WHERE run_id = $1 AND chunk_no = $2',
        [runId, chunkNo],
      );
      if (finalAttempt) {
        const reason = `chunk ${chunkNo} failed after ${job.attemptsMade + 1} attempts: ${(error as Error).message}`;
        this.logger.error({ err: error, runId, chunkNo }, 'Forecast chunk failed for good');
        await this.runs.setState(runId, 'failed', { error: reason.slice(0, 2000), finishedAt: new Date() });
      }
      throw error;
    }
  }

  /** Handler of `finalize-run`: runs once every chunk has completed. */
  async finalize(job: Job<{ runId: string }>): Promise<void> {
    const run = await this.runs.findById(job.data.runId);
    if (!run || run.state === 'cancelled' || run.state === 'failed' || run.state === 'completed') return;
    const [{ missing }] = await this.runs.manager.query(
      'SELECT count(*)::int AS missing FROM forecast_run_chunk WHERE run_id = $1 AND NOT done',
      [run.id],
    );
    if (missing > 0) throw new Error(`Run ${run.id} has ${missing} unfinished chunks`);
    await this.runs.manager.query(
      `UPDATE forecast_run SET state = 'completed', finished_at = now(), started_at = coalesce(started_at, now())
        WHERE id = $1 AND state IN ('queued', 'running')`,
      [run.id],
    );
  }

  /** Handler of the monthly schedule: forecasts the current month (in the configured time zone). */
  async startScheduled(): Promise<void> {
    const month = this.currentMonth();
    // Last months' actuals are in: score what was published for them before forecasting the new month.
    const recent = await this.runs.manager.query(
      `SELECT run_id FROM forecast_publication WHERE month < $1::date AND month >= $1::date - interval '3 months'`,
      [`${month}-01`],
    );
    for (const { run_id: runId } of recent) await this.enqueueScoring(runId);
    const { run, created } = await this.start({ month }, 'schedule');
    this.logger.log(
      `Scheduled forecast for ${month}: run ${run.id} (${created ? 'started' : 'already running'})`,
    );
  }

  /** The current month in the configured time zone, `YYYY-MM`. */
  currentMonth(): string {
    return this.clock.month(this.env.FORECAST_TIMEZONE);
  }

  /** Accuracy of a run is computed in the background; one scoring job per run at a time. */
  async enqueueScoring(runId: string): Promise<void> {
    await this.queues.queue(FORECAST_QUEUE).add(
      'score-accuracy',
      { runId },
      {
        jobId: `score-${runId}`,
        attempts: 3,
        backoff: { type: 'exponential', delay: 5000 },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  async cancel(id: string): Promise<ForecastRunEntity> {
    const run = await this.get(id);
    if (run.state !== 'queued' && run.state !== 'running') {
      throw new AppError('CONFLICT', `Run ${id} is ${run.state} and cannot be cancelled`);
    }
    await this.runs.transaction(async (manager) => {
      await manager.update(ForecastRunEntity, { id }, { state: 'cancelled', finishedAt: new Date() });
      await recordAudit(manager, {
        action: 'cancel',
        entity: 'forecast_run',
        entityId: id,
        before: run,
        after: { ...run, state: 'cancelled' },
      });
    });
    return this.get(id);
  }

  /** Publishes a completed run for its month in one statement; the previous version stays readable. */
  async approve(id: string, approvedBy: string): Promise<ForecastRunEntity> {
    const run = await this.get(id);
    if (run.state !== 'completed')
      throw new AppError('CONFLICT', `Run ${id} is ${run.state}; only a completed run can be approved`);
    if (run.scope.districtIds?.length || run.scope.brandIds?.length) {
      throw new AppError('CONFLICT', 'Only a run over the whole market can be published');
    }
    await this.runs.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO forecast_publication (month, run_id, published_at, published_by) VALUES ($1, $2, now(), $3)
         ON CONFLICT (month) DO UPDATE SET run_id = excluded.run_id, published_at = now(), published_by = excluded.published_by`,
        [run.month, run.id, approvedBy],
      );
      await recordAudit(manager, {
        action: 'approve',
        entity: 'forecast_run',
        entityId: run.id,
        after: { month: run.month, version: run.version, published: true },
      });
      await manager.query('UPDATE forecast_run SET approved_at = now(), approved_by = $2 WHERE id = $1', [
        run.id,
        approvedBy,
      ]);
    });
    return this.get(id);
  }

  async get(id: string): Promise<ForecastRunEntity> {
    const run = /^[0-9a-f-]{36}$/i.test(id) ? await this.runs.findById(id) : null;
    if (!run) throw new NotFoundError('Forecast run', id);
    return run;
  }

  async list(query: { month?: string; state?: string; page?: number; pageSize?: number }) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [items, total] = await this.runs.manager.getRepository(ForecastRunEntity).findAndCount({
      where: {
        ...(query.month ? { month: `${query.month}-01` } : {}),
        ...(query.state ? { state: query.state as ForecastRunEntity['state'] } : {}),
      },
      order: { createdAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageSize };
  }

  async publishedRunIds(): Promise<Set<string>> {
    const rows = await this.runs.manager
      .getRepository(ForecastPublicationEntity)
      .find({ select: { runId: true } });
    return new Set(rows.map((row) => row.runId));
  }

  async publishedRunId(month: string): Promise<string | null> {
    const publication = await this.runs.manager
      .getRepository(ForecastPublicationEntity)
      .findOneBy({ month: `${month}-01` });
    return publication?.runId ?? null;
  }
}
