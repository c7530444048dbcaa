import { Injectable, Logger } from '@nestjs/common';
import { addMonths } from '../runs/chunk-forecaster';
import { ForecastRunsService, HISTORY_MONTHS } from '../runs/forecast-runs.service';
import { AccuracyAccumulator, type LevelScore } from './accuracy-accumulator';
import { AccuracyRepository } from './accuracy.repository';
import { sliceCells } from './slice-cells';

const SLICE = 2000;

@Injectable()
export class AccuracyService {
  private readonly logger = new Logger(AccuracyService.name);

  constructor(
    private readonly accuracy: AccuracyRepository,
    private readonly runs: ForecastRunsService,
  ) {}

  /**
   * Scores every month of a run that is over (before `currentMonth`) and whose actuals have arrived. A month
   * that has ended but has no sales imported yet is not scored: against zero actuals every forecast would
   * look wrong. Scoring again later, when its sales are in, adds it.
   */
  async scoreRun(
    runId: string,
    currentMonth: string,
  ): Promise<Array<{ period: string; scores: LevelScore[] }>> {
    const run = await this.runs.get(runId);
    const afterActuals = await this.accuracy.monthAfterLatestActuals();
    if (!afterActuals) return [];
    const before = afterActuals < currentMonth ? afterActuals : currentMonth;
    const periods = await this.accuracy.forecastPeriods(run.id, `${before}-01`);
    const out: Array<{ period: string; scores: LevelScore[] }> = [];
    for (const period of periods) {
      const scores = await this.scorePeriod(run.id, period);
      await this.accuracy.save(run.id, period, scores);
      out.push({ period, scores });
      this.logger.log(`Scored run ${run.id} for ${period.slice(0, 7)}`);
    }
    return out;
  }

  private async scorePeriod(runId: string, period: string): Promise<LevelScore[]> {
    const historyStart = `${addMonths(period.slice(0, 7), -HISTORY_MONTHS)}-01`;
    const accumulator = new AccuracyAccumulator();
    const range = await this.accuracy.retailerIdRange();
    if (range) {
      for (let first = range.min; first <= range.max; first += SLICE) {
        const rows = await this.accuracy.slice(runId, period, historyStart, first, first + SLICE - 1);
        for (const cell of sliceCells(rows, HISTORY_MONTHS)) accumulator.add(cell);
      }
    }
    return accumulator.results();
  }

  find(filter: { runId?: string; period?: string; level?: string; publishedOnly?: boolean }) {
    return this.accuracy.find(filter);
  }
}
