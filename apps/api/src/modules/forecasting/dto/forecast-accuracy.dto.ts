import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ACCURACY_LEVELS } from '../forecast-accuracy.entity';

export class ForecastAccuracyQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() runId?: string;

  @ApiPropertyOptional({ example: '2026-10' })
  @IsOptional()
  @Matches(/^20\d\d-(0[1-9]|1[0-2])$/, { message: 'period must be YYYY-MM' })
  period?: string;

  @ApiPropertyOptional({ enum: ACCURACY_LEVELS }) @IsOptional() @IsIn(ACCURACY_LEVELS) level?: string;

  @ApiPropertyOptional({ description: 'Only published runs (accuracy over time)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  published?: boolean;
}

@ObjectType('ForecastAccuracy')
export class ForecastAccuracyDto {
  @ApiProperty() @Field(() => String) runId!: string;
  @ApiProperty({ example: '2026-10' }) @Field(() => String) period!: string;
  @ApiProperty({ enum: ACCURACY_LEVELS }) @Field(() => String) level!: string;
  @ApiProperty({ description: '`*` for the level as a whole, else a brand id' })
  @Field(() => String)
  key!: string;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) keyName!:
    string | null;
  @ApiProperty() @Field(() => Int) seriesCount!: number;
  @ApiProperty() @Field(() => Float) actual!: number;
  @ApiProperty() @Field(() => Float) forecast!: number;
  @ApiProperty({ description: '吻合率, volume-weighted over the level’s units' })
  @Field(() => Float)
  agreement!: number;
  @ApiProperty() @Field(() => Float) wape!: number;
  @ApiProperty() @Field(() => Float) bias!: number;
  @ApiProperty({ type: Number, nullable: true }) @Field(() => Float, { nullable: true }) scaledError!:
    number | null;
}
