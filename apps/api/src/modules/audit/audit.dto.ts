import { MAX_ENTITY_ID } from '../../common/validation/entity-id';
import { IsCalendarDateTime } from '../../common/validation/calendar';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { GraphQLJSONObject } from './json-scalar';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

@ObjectType('AuditEntry')
export class AuditEntryDto {
  @ApiProperty() @Field(() => String) id!: string;
  @ApiProperty() @Field() at!: Date;
  @ApiProperty({ enum: ['user', 'api_key', 'system'] }) @Field(() => String) actorKind!: string;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) actorId!:
    string | null;
  @ApiProperty() @Field(() => String) actorName!: string;
  @ApiProperty() @Field(() => String) action!: string;
  @ApiProperty() @Field(() => String) entity!: string;
  @ApiProperty() @Field(() => String) entityId!: string;
  @ApiProperty({ type: Object, nullable: true })
  @Field(() => GraphQLJSONObject, { nullable: true })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true })
  @Field(() => GraphQLJSONObject, { nullable: true })
  after!: Record<string, unknown> | null;
  @ApiProperty({ type: [String] }) @Field(() => [String]) changed!: string[];
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) reason!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true }) requestId!:
    string | null;
}

@ObjectType('AuditPage')
export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) @Field(() => [AuditEntryDto]) items!: AuditEntryDto[];
  @ApiProperty() @Field(() => Int) total!: number;
  @ApiProperty() @Field(() => Int) page!: number;
  @ApiProperty() @Field(() => Int) pageSize!: number;
}

@InputType()
export class AuditQuery {
  @ApiPropertyOptional({ example: 'customer' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/, { message: 'entity must be a record type such as customer' })
  entity?: string;

  @ApiPropertyOptional()
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ description: 'User name or API key name' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;

  @ApiPropertyOptional()
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  action?: string;

  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCalendarDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO date-time, exclusive' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsCalendarDateTime()
  to?: string;

  @ApiPropertyOptional()
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ENTITY_ID)
  page?: number;

  @ApiPropertyOptional({ maximum: 200 })
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
