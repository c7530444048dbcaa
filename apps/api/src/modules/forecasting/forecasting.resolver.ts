import { ParseOptionalMonthPipe } from '../../common/validation/calendar';
import { Allow } from '../identity/auth/access.decorators';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  ForecastRunDto,
  ForecastRunPageDto,
  StartForecastRunDto,
  toForecastRunDto,
} from './dto/forecast-run.dto';
import { ForecastRunsService } from './runs/forecast-runs.service';

@Resolver(() => ForecastRunDto)
export class ForecastingResolver {
  constructor(private readonly runs: ForecastRunsService) {}

  @Allow('forecasting:read')
  @Query(() => ForecastRunPageDto)
  async forecastRuns(
    @Args('month', { type: () => String, nullable: true }, ParseOptionalMonthPipe) month?: string,
    @Args('page', { type: () => Int, nullable: true }) page?: number,
  ): Promise<ForecastRunPageDto> {
    const [result, published] = await Promise.all([
      this.runs.list({ month, page, pageSize: 20 }),
      this.runs.publishedRunIds(),
    ]);
    return { ...result, items: result.items.map((run) => toForecastRunDto(run, published)) };
  }

  @Allow('forecasting:read')
  @Query(() => ForecastRunDto)
  async forecastRun(@Args('id') id: string): Promise<ForecastRunDto> {
    return toForecastRunDto(await this.runs.get(id), await this.runs.publishedRunIds());
  }

  @Allow('forecasting:run')
  @Mutation(() => ForecastRunDto, {
    description: 'Start a month-end run, or return the same one already running',
  })
  async startForecastRun(@Args('input') input: StartForecastRunDto): Promise<ForecastRunDto> {
    const { run } = await this.runs.start(input, 'graphql');
    return toForecastRunDto(run, await this.runs.publishedRunIds());
  }
}
