import { IsEntityId } from '../../../common/validation/entity-id';
import { Field, Float, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class ForecastSeriesQuery {
  @ApiProperty({ enum: ['company', 'brand', 'district', 'retailer'] })
  @IsIn(['company', 'brand', 'district', 'retailer'])
  level!: 'company' | 'brand' | 'district' | 'retailer';

  @ApiPropertyOptional({ description: 'District id (level district) or retailer id (level retailer)' })
  @IsOptional()
  @Type(() => Number)
  @IsEntityId()
  id?: number;

  @ApiPropertyOptional({ description: 'Only this brand (required for level brand)' })
  @IsOptional()
  @Type(() => Number)
  @IsEntityId()
  brandId?: number;

  @ApiPropertyOptional({ description: 'A run id; default: the latest published run' })
  @IsOptional()
  @IsUUID()
  runId?: string;
}

@ObjectType('ForecastSeries')
export class ForecastSeriesDto {
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) runId!:
    string | null;
  @ApiProperty({ type: [String] }) @Field(() => [String]) historyMonths!: string[];
  @ApiProperty({ type: [Number] }) @Field(() => [Float]) actual!: number[];
  @ApiProperty({ type: [String] }) @Field(() => [String]) forecastMonths!: string[];
  @ApiProperty({ type: [Number] }) @Field(() => [Float]) mean!: number[];
  @ApiProperty({ type: [Number] }) @Field(() => [Float]) lo80!: number[];
  @ApiProperty({ type: [Number] }) @Field(() => [Float]) hi80!: number[];
  @ApiProperty({ type: [Number] }) @Field(() => [Float]) lo95!: number[];
  @ApiProperty({ type: [Number] }) @Field(() => [Float]) hi95!: number[];
}
