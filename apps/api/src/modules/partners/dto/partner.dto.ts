import {
  Field,
  Float,
  GraphQLISODateTime,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/**
 * The manufacturers' GraphQL contract. Output types of their own, never the staff types: nothing here can
 * name, identify or locate a retailer.
 */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export enum PartnerGroupBy {
  MONTH = 'MONTH',
  COUNTY = 'COUNTY',
  MARKET_AREA = 'MARKET_AREA',
  BUSINESS_TYPE = 'BUSINESS_TYPE',
  MARKET_TYPE = 'MARKET_TYPE',
  TIER_BAND = 'TIER_BAND',
}
registerEnumType(PartnerGroupBy, {
  name: 'PartnerGroupBy',
  description:
    'Dimensions of an aggregate. COUNTY and MARKET_AREA exclude each other; TIER_BAND groups tiers 1–5, 6–10 … 26–30',
});

export enum PartnerForecastGroupBy {
  MONTH = 'MONTH',
  COUNTY = 'COUNTY',
}
registerEnumType(PartnerForecastGroupBy, { name: 'PartnerForecastGroupBy' });

@ObjectType('PartnerBrand', { description: "One of the calling manufacturer's brands" })
export class PartnerBrandDto {
  @Field(() => Int) id!: number;
  @Field() code!: string;
  @Field() name!: string;
  @Field({ description: 'active, withdrawn …' }) status!: string;
  @Field(() => Int, { description: 'Price class 1 (highest) to 5' }) priceClass!: number;
  @Field({ description: 'Short in supply (紧俏)' }) scarce!: boolean;
  @Field() packType!: string;
}

@InputType('PartnerSalesFilter')
export class PartnerSalesFilter {
  @Field(() => [Int], { nullable: true, description: 'Your brands by id; with brandCodes: the union' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  brandIds?: number[];

  @Field(() => [String], { nullable: true, description: 'Your brands by code' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  brandCodes?: string[];

  @Field({ description: 'First month, YYYY-MM' })
  @Matches(MONTH, { message: 'fromMonth must be YYYY-MM' })
  fromMonth!: string;

  @Field({ description: 'Last month, YYYY-MM (at most 36 months after fromMonth)' })
  @Matches(MONTH, { message: 'toMonth must be YYYY-MM' })
  toMonth!: string;

  @Field(() => [PartnerGroupBy], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(6)
  groupBy!: PartnerGroupBy[];
}

@ObjectType('PartnerSalesRow', {
  description:
    'Sales of one brand in one group. A group covering fewer than the minimum number of retailers, or needed to ' +
    'protect such a group from being recomputed by subtraction, has suppressed = true and null figures.',
})
export class PartnerSalesRowDto {
  @Field(() => Int) brandId!: number;
  @Field() brandCode!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM, when grouped by MONTH' }) month!:
    string | null;
  @Field(() => String, { nullable: true, description: 'County or market area, when grouped by one' })
  districtCode!: string | null;
  @Field(() => String, { nullable: true }) districtName!: string | null;
  @Field(() => String, { nullable: true }) businessType!: string | null;
  @Field(() => String, { nullable: true, description: 'urban or rural' }) marketType!: string | null;
  @Field(() => String, { nullable: true, description: 'Tiers, e.g. 26-30' }) tierBand!: string | null;
  @Field() suppressed!: boolean;
  @Field(() => Float, {
    nullable: true,
    description: 'Cartons, perturbed: within ±(¼ of the largest single retailer’s cartons + 1), hundredths',
  })
  cartons!: number | null;
  @Field(() => Float, { nullable: true, description: 'Amount (yuan), perturbed as cartons, independently' })
  amount!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Distinct retailers that ordered the brand in the group, perturbed (±3, never under the minimum)',
  })
  orderingRetailers!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Active retailers in the group (the register today), perturbed as orderingRetailers; null under the minimum',
  })
  retailerCount!: number | null;
  @Field(() => Float, { nullable: true, description: 'Coverage (覆盖率): orderingRetailers / retailerCount' })
  coverage!: number | null;
}

@ObjectType('PartnerForecastRow')
export class PartnerForecastRowDto {
  @Field(() => Int) brandId!: number;
  @Field() brandCode!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM, when grouped by MONTH' }) month!:
    string | null;
  @Field(() => String, { nullable: true }) districtCode!: string | null;
  @Field(() => String, { nullable: true }) districtName!: string | null;
  @Field() suppressed!: boolean;
  @Field(() => Float, { nullable: true, description: 'Forecast cartons' }) mean!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Sum of the retailers’ 80% lower bounds (conservative)',
  })
  lo80!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Sum of the retailers’ 80% upper bounds (conservative)',
  })
  hi80!: number | null;
  @Field(() => Int, { nullable: true, description: 'Retailers with a positive forecast' })
  retailers!: number | null;
}

@ObjectType('PartnerForecast', { description: 'The latest published month-end forecast' })
export class PartnerForecastDto {
  @Field({ description: 'Month the forecast run starts at, YYYY-MM' }) runMonth!: string;
  @Field(() => GraphQLISODateTime) publishedAt!: Date;
  @Field(() => [PartnerForecastRowDto]) rows!: PartnerForecastRowDto[];
}
