import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { monthsBack } from '../customers/sales-series';
import type { ForecastSeriesDto, ForecastSeriesQuery } from './dto/forecast-series.dto';
import { ForecastsRepository } from './forecasts.repository';
import { ForecastRunsService } from './runs/forecast-runs.service';
import { addMonths } from './runs/chunk-forecaster';

const HISTORY_SHOWN = 36;

@Injectable()
export class ForecastsService {
  constructor(
    private readonly forecasts: ForecastsRepository,
    private readonly runs: ForecastRunsService,
  ) {}

  /** History (36 months before the forecast) and the forecast with intervals, at any level. */
  async series(query: ForecastSeriesQuery): Promise<ForecastSeriesDto> {
    if ((query.level === 'district' || query.level === 'retailer') && !query.id) {
      throw new AppError('BAD_REQUEST', `level ${query.level} needs an id`);
    }
    if (query.level === 'brand' && !query.brandId)
      throw new AppError('BAD_REQUEST', 'level brand needs a brandId');
    let runId = query.runId ?? null;
    let firstMonth: string | null;
    if (runId) {
      firstMonth = (await this.runs.get(runId)).month.slice(0, 7);
    } else {
      const latest = await this.forecasts.latestPublishedRun();
      runId = latest?.runId ?? null;
      firstMonth = latest?.month ?? null;
    }
    const end = firstMonth ?? (await this.forecasts.monthAfterLatestSales()) ?? this.runs.currentMonth();
    const historyMonths = monthsBack(addMonths(end, -1), HISTORY_SHOWN);
    const history = await this.forecasts.history(query, `${historyMonths[0]}-01`, `${end}-01`);
    const byMonth = new Map(history.map((row) => [row.month, row.cartons]));
    const forecast = runId ? await this.forecasts.forecast(query, runId) : [];
    return {
      runId,
      historyMonths,
      actual: historyMonths.map((month) => byMonth.get(month) ?? 0),
      forecastMonths: forecast.map((row) => row.month),
      mean: forecast.map((row) => row.mean),
      lo80: forecast.map((row) => row.lo80),
      hi80: forecast.map((row) => row.hi80),
      lo95: forecast.map((row) => row.lo95),
      hi95: forecast.map((row) => row.hi95),
    };
  }
}
