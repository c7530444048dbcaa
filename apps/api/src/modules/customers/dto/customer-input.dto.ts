import { IsEntityId } from '../../../common/validation/entity-id';
import { Field, PartialType as GraphQLPartialType, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  BUSINESS_TYPES,
  INITIAL_GRADING,
  LICENCE_STATUSES,
  MARKET_TYPES,
  TERMINAL_STATUSES,
  TRADE_AREAS,
  VISIT_CYCLES,
  type BusinessType,
  type LicenceStatus,
  type MarketType,
  type TerminalStatus,
  type TradeArea,
  type VisitCycle,
} from '@tms/domain';

export const LICENCE_NO_PATTERN = /^[0-9A-Za-z]{6,32}$/;
export const MOBILE_OR_LANDLINE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

@InputType()
export class CreateCustomerDto {
  @ApiProperty({ example: '420100123456', description: 'Tobacco retail licence number (unique)' })
  @Field(() => String)
  @Matches(LICENCE_NO_PATTERN, { message: 'licenceNo must be 6–32 letters or digits' })
  licenceNo!: string;

  @ApiProperty({ example: '惠民便利店' })
  @Field(() => String)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  shopName!: string;

  @ApiProperty({ example: '张三' })
  @Field(() => String)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  ownerName!: string;

  @ApiProperty({ example: '13800138000' })
  @Field(() => String)
  @Matches(MOBILE_OR_LANDLINE_PATTERN, {
    message: 'phone must be an 11-digit mobile or an area-code landline',
  })
  phone!: string;

  @ApiProperty()
  @Field(() => String)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address!: string;

  @ApiProperty()
  @Field(() => Int)
  @Type(() => Number)
  @IsEntityId()
  districtId!: number;

  @ApiProperty({ enum: MARKET_TYPES })
  @Field(() => String)
  @IsIn(MARKET_TYPES)
  marketType!: MarketType;

  @ApiProperty({ enum: BUSINESS_TYPES })
  @Field(() => String)
  @IsIn(BUSINESS_TYPES)
  businessType!: BusinessType;

  @ApiProperty({ enum: TRADE_AREAS })
  @Field(() => String)
  @IsIn(TRADE_AREAS)
  tradeArea!: TradeArea;

  @ApiProperty({ enum: [1, 2, 3] })
  @Field(() => Int)
  @IsIn([1, 2, 3])
  scale!: number;

  @ApiPropertyOptional({ enum: LICENCE_STATUSES, default: 'valid' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(LICENCE_STATUSES)
  licenceStatus?: LicenceStatus;

  @ApiPropertyOptional({
    example: 'A',
    description: `Administrators only; a new retailer without one starts at ${INITIAL_GRADING.integrityGrade}`,
  })
  @Field(() => String, { nullable: true, description: 'Administrators only' })
  @ValidateIf((_, value) => value !== undefined)
  @Matches(/^[A-Z]{1,3}$/, { message: 'integrityGrade must be a grade code such as A or AA' })
  integrityGrade?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 30,
    description: `Administrators only; a new retailer without one starts at ${INITIAL_GRADING.tier}`,
  })
  @Field(() => Int, { nullable: true, description: 'Administrators only' })
  @ValidateIf((_, value) => value !== undefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  tier?: number;

  @ApiPropertyOptional({ enum: TERMINAL_STATUSES, default: 'none' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(TERMINAL_STATUSES)
  terminalStatus?: TerminalStatus;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Type(() => Number)
  @IsEntityId()
  accountManagerId?: number | null;

  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday … 7 Sunday' })
  @Field(() => Int)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7)
  orderDay!: number;

  @ApiProperty({ enum: VISIT_CYCLES })
  @Field(() => String)
  @IsIn(VISIT_CYCLES)
  visitCycle!: VisitCycle;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'birthday must be a real date YYYY-MM-DD' })
  birthday?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(500)
  preferences?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'openedOn must be a real date YYYY-MM-DD' })
  openedOn?: string | null;
}

/** REST body of PATCH: any subset of the fields, and the version read. */
export class UpdateCustomerDto extends PartialType(CreateCustomerDto) {
  @ApiProperty({
    description: 'The version you read; if someone changed the record since, the update is refused',
  })
  @Type(() => Number)
  @IsEntityId()
  version!: number;
}

/** The same for GraphQL (swagger's and GraphQL's mapped types each copy only their own metadata). */
@InputType()
export class UpdateCustomerInput extends GraphQLPartialType(CreateCustomerDto) {
  @Field(() => Int)
  @Type(() => Number)
  @IsEntityId()
  version!: number;
}

@InputType()
export class DeactivateCustomerDto {
  @ApiProperty()
  @Field(() => Int)
  @Type(() => Number)
  @IsEntityId()
  version!: number;

  @ApiProperty({ example: 'Licence cancelled', description: 'Why the retailer is deactivated' })
  @Field(() => String)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
