import { IsEntityId, MAX_ENTITY_ID } from '../../../common/validation/entity-id';
import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { METHODS } from '@tms/forecasting';
import { FORECAST_RUN_STATES, type ForecastRunEntity } from '../forecast-run.entity';

@InputType()
export class StartForecastRunDto {
  @ApiProperty({ example: '2026-11', description: 'First month to forecast' })
  @Field(() => String)
  @Matches(/^20\d\d-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 12, default: 3 })
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  horizon?: number;

  @ApiPropertyOptional({ enum: METHODS, default: 'ensemble' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(METHODS)
  method?: (typeof METHODS)[number];

  @ApiPropertyOptional({ enum: ['spring-festival', 'none'], default: 'spring-festival' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(['spring-festival', 'none'])
  holidays?: 'spring-festival' | 'none';

  @ApiPropertyOptional({ type: [Number], description: 'Only these districts (and everything below them)' })
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsEntityId({ each: true })
  districtIds?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'Only these brands' })
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsEntityId({ each: true })
  brandIds?: number[];
}

@ObjectType('FestivalProfile')
export class FestivalProfileDto {
  @ApiProperty({
    type: 'integer',
    example: -6,
    description: 'Bin of factors[0], in weeks from New Year’s day',
  })
  @Field(() => Int)
  firstBin!: number;

  @ApiProperty({
    type: [Number],
    description: 'Sales of each 7-day bin relative to normal weeks (1 = no festival effect)',
  })
  @Field(() => [Float])
  factors!: number[];

  @ApiProperty({ type: 'integer', isArray: true, example: [2024, 2025] })
  @Field(() => [Int])
  years!: number[];
}

@ObjectType('ForecastRun')
export class ForecastRunDto {
  @ApiProperty() @Field(() => String) id!: string;
  @ApiProperty({ example: '2026-11' }) @Field(() => String) month!: string;
  @ApiProperty() @Field(() => Int) version!: number;
  @ApiProperty({ enum: FORECAST_RUN_STATES }) @Field(() => String) state!: string;
  @ApiProperty() @Field(() => Int) horizon!: number;
  @ApiProperty() @Field(() => String) method!: string;
  @ApiProperty() @Field(() => String) holidays!: string;
  @ApiProperty({ type: [Number] }) @Field(() => [Int]) districtIds!: number[];
  @ApiProperty({ type: [Number] }) @Field(() => [Int]) brandIds!: number[];
  @ApiProperty() @Field(() => String) engineVersion!: string;
  @ApiProperty() @Field(() => String) startedBy!: string;
  @ApiProperty() @Field(() => Int) chunksTotal!: number;
  @ApiProperty() @Field(() => Int) chunksDone!: number;
  @ApiProperty() @Field(() => Int) retailersTotal!: number;
  @ApiProperty() @Field(() => Int) seriesDone!: number;
  @ApiProperty({ description: '0–100' }) @Field(() => Float) percent!: number;
  @ApiProperty({ type: Number, nullable: true }) @Field(() => Float, { nullable: true }) seriesPerSecond!:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) @Field(() => Int, { nullable: true }) etaSeconds!:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) @Field(() => Float, { nullable: true }) durationSeconds!:
    number | null;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) error!:
    string | null;
  @ApiProperty({
    type: () => FestivalProfileDto,
    nullable: true,
    description:
      'Spring Festival profile learnt from daily sales; null with holidays off or too little daily history (monthly regressors used)',
  })
  @Field(() => FestivalProfileDto, { nullable: true })
  festivalProfile!: FestivalProfileDto | null;
  @ApiProperty() @Field(() => Boolean) published!: boolean;
  @ApiProperty() @Field() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  approvedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) approvedBy!:
    string | null;
}

@ObjectType('ForecastRunPage')
export class ForecastRunPageDto {
  @ApiProperty({ type: [ForecastRunDto] }) @Field(() => [ForecastRunDto]) items!: ForecastRunDto[];
  @ApiProperty() @Field(() => Int) total!: number;
  @ApiProperty() @Field(() => Int) page!: number;
  @ApiProperty() @Field(() => Int) pageSize!: number;
}

export class ForecastRunListQuery {
  @ApiPropertyOptional({ example: '2026-11' })
  @IsOptional()
  @Matches(/^20\d\d-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month?: string;

  @ApiPropertyOptional({ enum: FORECAST_RUN_STATES })
  @IsOptional()
  @IsIn(FORECAST_RUN_STATES)
  state?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ENTITY_ID)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

/** Progress figures derived from the run record: share done, speed and the time left at that speed. */
export function toForecastRunDto(
  run: ForecastRunEntity,
  publishedRunIds: ReadonlySet<string>,
): ForecastRunDto {
  const end = run.finishedAt ?? new Date();
  const elapsed = run.startedAt ? (end.getTime() - run.startedAt.getTime()) / 1000 : null;
  const percent =
    run.chunksTotal === 0 ? (run.state === 'completed' ? 100 : 0) : (100 * run.chunksDone) / run.chunksTotal;
  const running = run.state === 'running' && elapsed !== null && run.chunksDone > 0;
  return {
    id: run.id,
    month: run.month.slice(0, 7),
    version: run.version,
    state: run.state,
    horizon: run.horizon,
    method: run.method,
    holidays: run.holidays,
    districtIds: run.scope.districtIds ?? [],
    brandIds: run.scope.brandIds ?? [],
    engineVersion: run.engineVersion,
    startedBy: run.startedBy,
    chunksTotal: run.chunksTotal,
    chunksDone: run.chunksDone,
    retailersTotal: run.retailersTotal,
    seriesDone: run.seriesDone,
    percent: Math.round(percent * 10) / 10,
    seriesPerSecond: elapsed && elapsed > 0 ? Math.round(run.seriesDone / elapsed) : null,
    etaSeconds: running ? Math.round((elapsed! / run.chunksDone) * (run.chunksTotal - run.chunksDone)) : null,
    durationSeconds: run.finishedAt && run.startedAt ? elapsed : null,
    error: run.error,
    festivalProfile: run.festivalProfile && {
      firstBin: run.festivalProfile.firstBin,
      factors: run.festivalProfile.factors,
      years: run.festivalProfile.years,
    },
    published: publishedRunIds.has(run.id),
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    approvedAt: run.approvedAt,
    approvedBy: run.approvedBy,
  };
}
