import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  BUSINESS_TYPES,
  CUSTOMER_STATUSES,
  LICENCE_STATUSES,
  MARKET_TYPES,
  TERMINAL_STATUSES,
  TRADE_AREAS,
  VISIT_CYCLES,
  type BusinessType,
  type CustomerStatus,
  type LicenceStatus,
  type MarketType,
  type TerminalStatus,
  type TradeArea,
  type VisitCycle,
} from '@tms/domain';

/** A retailer as a list row. */
@ObjectType('CustomerSummary')
export class CustomerSummaryDto {
  @ApiProperty() @Field(() => Int) id!: number;
  @ApiProperty() @Field(() => String) licenceNo!: string;
  @ApiProperty() @Field(() => String) shopName!: string;
  @ApiProperty() @Field(() => String) ownerName!: string;
  @ApiProperty() @Field(() => String) phone!: string;
  @ApiProperty() @Field(() => Int) districtId!: number;
  @ApiProperty() @Field(() => String) districtCode!: string;
  @ApiProperty() @Field(() => String) districtName!: string;
  @ApiProperty({ enum: MARKET_TYPES }) @Field(() => String) marketType!: MarketType;
  @ApiProperty({ enum: BUSINESS_TYPES }) @Field(() => String) businessType!: BusinessType;
  @ApiProperty({ enum: TRADE_AREAS }) @Field(() => String) tradeArea!: TradeArea;
  @ApiProperty({ enum: [1, 2, 3], description: '1 large, 2 medium, 3 small' })
  @Field(() => Int)
  scale!: number;
  @ApiProperty({ example: 'CZ1' }) @Field(() => String) classificationCode!: string;
  @ApiProperty({ enum: LICENCE_STATUSES }) @Field(() => String) licenceStatus!: LicenceStatus;
  @ApiProperty({ enum: CUSTOMER_STATUSES }) @Field(() => String) status!: CustomerStatus;
  @ApiProperty() @Field(() => String) integrityGrade!: string;
  @ApiProperty({ minimum: 1, maximum: 30 }) @Field(() => Int) tier!: number;
  @ApiProperty({ enum: TERMINAL_STATUSES }) @Field(() => String) terminalStatus!: TerminalStatus;
  @ApiProperty({ type: Number, nullable: true }) @Field(() => Int, { nullable: true }) accountManagerId!:
    number | null;
  @ApiProperty({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  accountManagerCode!: string | null;
  @ApiProperty({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  accountManagerName!: string | null;
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday' }) @Field(() => Int) orderDay!: number;
  @ApiProperty({ enum: VISIT_CYCLES }) @Field(() => String) visitCycle!: VisitCycle;
  @ApiProperty() @Field(() => Int) version!: number;
}

/** A retailer with every field, for the profile page. */
@ObjectType('Customer')
export class CustomerDetailDto extends CustomerSummaryDto {
  @ApiProperty() @Field(() => String) address!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' })
  @Field(() => String, { nullable: true })
  birthday!: string | null;
  @ApiProperty({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  preferences!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' })
  @Field(() => String, { nullable: true })
  openedOn!: string | null;
  @ApiProperty() @Field() createdAt!: Date;
  @ApiProperty() @Field() updatedAt!: Date;
}

@ObjectType('CustomerPage')
export class CustomerPageDto {
  @ApiProperty({ type: [CustomerSummaryDto] })
  @Field(() => [CustomerSummaryDto])
  items!: CustomerSummaryDto[];
  @ApiProperty() @Field(() => Int) total!: number;
  @ApiProperty() @Field(() => Int) page!: number;
  @ApiProperty() @Field(() => Int) pageSize!: number;
}

@ObjectType('BrandSalesSeries')
export class BrandSalesSeriesDto {
  @ApiProperty() @Field(() => Int) brandId!: number;
  @ApiProperty() @Field(() => String) brandCode!: string;
  @ApiProperty() @Field(() => String) brandName!: string;
  @ApiProperty({ type: [Number], description: 'Cartons per month, aligned with `months`' })
  @Field(() => [Int])
  cartons!: number[];
  @ApiProperty({ type: [Number], description: 'Amount (yuan) per month, aligned with `months`' })
  @Field(() => [Float])
  amount!: number[];
}

/** Monthly sales of one retailer: totals and one series per brand, aligned on `months` (oldest first). */
@ObjectType('CustomerSales')
export class CustomerSalesDto {
  @ApiProperty({ type: [String], example: ['2024-11', '2024-12'] }) @Field(() => [String]) months!: string[];
  @ApiProperty({ type: [Number] }) @Field(() => [Int]) totalCartons!: number[];
  @ApiProperty({ type: [Number] }) @Field(() => [Float]) totalAmount!: number[];
  @ApiProperty({ type: [BrandSalesSeriesDto] })
  @Field(() => [BrandSalesSeriesDto])
  brands!: BrandSalesSeriesDto[];
}

export class CustomerSalesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 120, default: 36 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  months?: number;
}
