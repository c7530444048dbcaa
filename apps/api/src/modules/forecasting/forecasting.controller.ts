import { principalLabel, type Principal } from '../../common/http/request-context';
import { Allow, CurrentPrincipal } from '../identity/auth/access.decorators';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ForecastRunDto,
  ForecastRunListQuery,
  ForecastRunPageDto,
  StartForecastRunDto,
  toForecastRunDto,
} from './dto/forecast-run.dto';
import { ForecastAccuracyDto, ForecastAccuracyQuery } from './dto/forecast-accuracy.dto';
import { ForecastSeriesDto, ForecastSeriesQuery } from './dto/forecast-series.dto';
import { AccuracyService } from './accuracy/accuracy.service';
import { ForecastsService } from './forecasts.service';
import { ForecastRunsService } from './runs/forecast-runs.service';

@ApiTags('forecasting')
@Controller()
export class ForecastingController {
  constructor(
    private readonly runs: ForecastRunsService,
    private readonly forecasts: ForecastsService,
    private readonly accuracy: AccuracyService,
  ) {}

  @Allow('forecasting:read')
  @Get('forecast-runs')
  @ApiOkResponse({ type: ForecastRunPageDto })
  async list(@Query() query: ForecastRunListQuery): Promise<ForecastRunPageDto> {
    const [page, published] = await Promise.all([this.runs.list(query), this.runs.publishedRunIds()]);
    return { ...page, items: page.items.map((run) => toForecastRunDto(run, published)) };
  }

  @Allow('forecasting:run')
  @Post('forecast-runs')
  @ApiOperation({
    summary:
      'Start a month-end forecast run (or get the same run already queued or running: 200 instead of 201)',
  })
  @ApiCreatedResponse({ type: ForecastRunDto })
  async start(
    @Body() input: StartForecastRunDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ForecastRunDto> {
    const { run, created } = await this.runs.start(input, principalLabel(principal));
    response.status(created ? 201 : 200);
    return toForecastRunDto(run, await this.runs.publishedRunIds());
  }

  @Allow('forecasting:read')
  @Get('forecast-runs/:id')
  @ApiOkResponse({ type: ForecastRunDto })
  async get(@Param('id') id: string): Promise<ForecastRunDto> {
    return toForecastRunDto(await this.runs.get(id), await this.runs.publishedRunIds());
  }

  @Allow('forecasting:run')
  @Post('forecast-runs/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: ForecastRunDto })
  async cancel(@Param('id') id: string): Promise<ForecastRunDto> {
    return toForecastRunDto(await this.runs.cancel(id), await this.runs.publishedRunIds());
  }

  @Allow('forecasting:approve')
  @Post('forecast-runs/:id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a completed run for its month (the previous version stays readable)' })
  @ApiOkResponse({ type: ForecastRunDto })
  async approve(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ForecastRunDto> {
    return toForecastRunDto(
      await this.runs.approve(id, principalLabel(principal)),
      await this.runs.publishedRunIds(),
    );
  }

  @Allow('forecasting:run')
  @Post('forecast-runs/:id/score')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Score the run against the actuals of every month already complete (in the background)',
  })
  async score(@Param('id') id: string): Promise<{ queued: boolean }> {
    await this.runs.get(id);
    await this.runs.enqueueScoring(id);
    return { queued: true };
  }

  @Allow('forecasting:read')
  @Get('forecast-accuracy')
  @ApiOperation({ summary: 'Accuracy by level (吻合率, WAPE, bias, MASE/RMSSE) of runs against actuals' })
  @ApiOkResponse({ type: [ForecastAccuracyDto] })
  accuracyRows(@Query() query: ForecastAccuracyQuery): Promise<ForecastAccuracyDto[]> {
    return this.accuracy.find({ ...query, publishedOnly: query.published });
  }

  @Allow('forecasting:read')
  @Get('forecasts/series')
  @ApiOperation({
    summary:
      'History and forecast with 80 %/95 % intervals for the company, a brand, a district or a retailer',
  })
  @ApiOkResponse({ type: ForecastSeriesDto })
  series(@Query() query: ForecastSeriesQuery): Promise<ForecastSeriesDto> {
    return this.forecasts.series(query);
  }
}
