import { IsEntityId } from '../../../common/validation/entity-id';
import { Field, InputType, Int } from '@nestjs/graphql';
import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  BUSINESS_TYPES,
  CUSTOMER_STATUSES,
  LICENCE_STATUSES,
  MARKET_TYPES,
  TERMINAL_STATUSES,
  TRADE_AREAS,
  type BusinessType,
  type CustomerStatus,
  type LicenceStatus,
  type MarketType,
  type TerminalStatus,
  type TradeArea,
} from '@tms/domain';
import { PageQuery } from '../../../common/pagination/page.dto';

/** Query strings carry lists as `a,b` or as a repeated parameter. */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter((item) => item !== '') : value;
const toNumberList = ({ value }: { value: unknown }) => {
  const list = toList({ value });
  return Array.isArray(list) ? list.map((item) => (typeof item === 'string' ? Number(item) : item)) : list;
};

export const CUSTOMER_SORT_FIELDS = [
  'licenceNo',
  'shopName',
  'tier',
  'districtCode',
  'businessType',
  'integrityGrade',
  'updatedAt',
] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

@InputType()
export class CustomerFilter {
  @ApiPropertyOptional({ description: 'Shop name, owner name, licence number or phone (substring)' })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ description: 'This district and everything below it' })
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsEntityId()
  districtId?: number;

  @ApiPropertyOptional({ enum: BUSINESS_TYPES, isArray: true })
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @Transform(toList)
  @IsIn(BUSINESS_TYPES, { each: true })
  businessType?: BusinessType[];

  @ApiPropertyOptional({ enum: TRADE_AREAS, isArray: true })
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @Transform(toList)
  @IsIn(TRADE_AREAS, { each: true })
  tradeArea?: TradeArea[];

  @ApiPropertyOptional({ enum: MARKET_TYPES })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(MARKET_TYPES)
  marketType?: MarketType;

  @ApiPropertyOptional({ type: [Number], description: '1 large, 2 medium, 3 small' })
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @Transform(toNumberList)
  @IsIn([1, 2, 3], { each: true })
  scale?: number[];

  @ApiPropertyOptional({ minimum: 1, maximum: 30 })
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  tierMin?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 30 })
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  tierMax?: number;

  @ApiPropertyOptional({ type: [String], example: ['A', 'B'] })
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @Transform(toList)
  @Matches(/^[A-Z]{1,3}$/, { each: true, message: 'integrityGrade must be grade codes such as A or AA' })
  integrityGrade?: string[];

  @ApiPropertyOptional()
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsEntityId()
  accountManagerId?: number;

  @ApiPropertyOptional({ enum: CUSTOMER_STATUSES })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(CUSTOMER_STATUSES)
  status?: CustomerStatus;

  @ApiPropertyOptional({ enum: LICENCE_STATUSES })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(LICENCE_STATUSES)
  licenceStatus?: LicenceStatus;

  @ApiPropertyOptional({ enum: TERMINAL_STATUSES })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(TERMINAL_STATUSES)
  terminalStatus?: TerminalStatus;
}

/** Paging (page, pageSize ≤ 200, order) and the sort field. */
@InputType()
export class CustomerListOptions extends PageQuery {
  @ApiPropertyOptional({ enum: CUSTOMER_SORT_FIELDS, default: 'licenceNo' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(CUSTOMER_SORT_FIELDS)
  sort?: CustomerSortField;
}

/** REST list query: filters and paging in one query string. */
export class CustomerListQuery extends IntersectionType(CustomerFilter, CustomerListOptions) {}

/** REST export query: the list's filters and sort, no paging (the whole list is exported). */
export class CustomerExportQuery extends IntersectionType(
  CustomerFilter,
  PickType(CustomerListOptions, ['sort', 'order'] as const),
) {}
