import { IsEntityId } from '../../../../common/validation/entity-id';
import { Field, Float, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { BRAND_STATUSES, PACK_TYPES, PRICE_CLASSES, type BrandStatus, type PackType } from '@tms/domain';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsPositive,
  Matches,
  Max,
} from 'class-validator';
import { PageQuery } from '../../../../common/pagination/page.dto';
import { apiEnum, BrandStatusEnum, PackTypeEnum } from '../../shared/enums';
import { codeField, inputField, nameField } from '../../shared/input-field';
import { QueryBoolean } from '../../shared/query-transforms';
import { versionField } from '../../shared/version.dto';
import { SearchFilter } from '../../shared/filter-fields';

/** numeric(10, 2) */
const MAX_PRICE = 99_999_999.99;

const price = (example: number) =>
  inputField({
    api: { example, description: 'Yuan per carton, up to 2 decimals' },
    type: () => Float,
    validate: [
      IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }),
      IsPositive(),
      Max(MAX_PRICE),
    ],
  });

const date = (description: string) =>
  inputField({
    api: { type: String, format: 'date', example: '2024-03-01', description },
    type: () => String,
    nullable: true,
    validate: [
      Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
      IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
    ],
  });

const field = {
  code: codeField('6901028001'),
  name: nameField('黄鹤楼(硬金砂)'),
  manufacturerId: inputField({ type: () => Int, validate: [IsEntityId()] }),
  priceClass: inputField({
    api: { minimum: 1, maximum: 5, description: '1 (premium) … 5 (economy)' },
    type: () => Int,
    validate: [IsInt(), IsIn(PRICE_CLASSES, { message: 'priceClass must be an integer from 1 to 5' })],
  }),
  wholesalePrice: price(230.5),
  retailPrice: price(260),
  packType: inputField({
    api: { enum: apiEnum.packType, enumName: 'PackType' },
    type: () => PackTypeEnum,
    validate: [IsIn(PACK_TYPES)],
  }),
  status: inputField({
    api: { enum: apiEnum.brandStatus, enumName: 'BrandStatus', default: 'new' },
    type: () => BrandStatusEnum,
    validate: [IsIn(BRAND_STATUSES)],
  }),
  scarce: inputField({
    api: { default: false, description: 'Short supply (紧俏)' },
    validate: [IsBoolean()],
  }),
  launchedOn: date('Launch date'),
  withdrawnOn: date('Required when the status is withdrawn; not before launchedOn'),
};

@InputType('CreateBrandInput')
export class CreateBrandDto {
  @field.code('required') code!: string;
  @field.name('required') name!: string;
  @field.manufacturerId('required') manufacturerId!: number;
  @field.priceClass('required') priceClass!: number;
  @field.wholesalePrice('required') wholesalePrice!: number;
  @field.retailPrice('required') retailPrice!: number;
  @field.packType('required') packType!: PackType;
  @field.status('optional') status?: BrandStatus;
  @field.scarce('optional') scarce?: boolean;
  @field.launchedOn('optional') launchedOn?: string | null;
  @field.withdrawnOn('optional') withdrawnOn?: string | null;
}

@InputType('UpdateBrandInput')
export class UpdateBrandDto {
  @field.code('optional') code?: string;
  @field.name('optional') name?: string;
  @field.manufacturerId('optional') manufacturerId?: number;
  @field.priceClass('optional') priceClass?: number;
  @field.wholesalePrice('optional') wholesalePrice?: number;
  @field.retailPrice('optional') retailPrice?: number;
  @field.packType('optional') packType?: PackType;
  @field.status('optional') status?: BrandStatus;
  @field.scarce('optional') scarce?: boolean;
  @field.launchedOn('optional') launchedOn?: string | null;
  @field.withdrawnOn('optional') withdrawnOn?: string | null;
  @versionField version!: number;
}

export const BRAND_SORT_FIELDS = ['code', 'name', 'wholesalePrice'] as const;
export type BrandSortField = (typeof BRAND_SORT_FIELDS)[number];
export const BrandSortFieldEnum = { code: 'code', name: 'name', wholesalePrice: 'wholesalePrice' } as const;
registerEnumType(BrandSortFieldEnum, { name: 'BrandSortField' });

@InputType('BrandFilter')
export class BrandFilter {
  @ApiPropertyOptional()
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsEntityId()
  manufacturerId?: number;

  @ApiPropertyOptional({ enum: apiEnum.brandStatus, enumName: 'BrandStatus' })
  @Field(() => BrandStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(BRAND_STATUSES)
  status?: BrandStatus;

  @ApiPropertyOptional()
  @Field({ nullable: true })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  scarce?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @IsIn(PRICE_CLASSES, { message: 'priceClass must be an integer from 1 to 5' })
  priceClass?: number;

  @ApiPropertyOptional({ enum: apiEnum.packType, enumName: 'PackType' })
  @Field(() => PackTypeEnum, { nullable: true })
  @IsOptional()
  @IsIn(PACK_TYPES)
  packType?: PackType;

  @SearchFilter() search?: string;
}

export class BrandSortQuery {
  @ApiPropertyOptional({ enum: [...BRAND_SORT_FIELDS], enumName: 'BrandSortField', default: 'code' })
  @IsOptional()
  @IsIn(BRAND_SORT_FIELDS)
  sort?: BrandSortField;
}

/** `GET /api/brands`: filters, sort (with `order`) and paging. */
export class BrandListQuery extends IntersectionType(PageQuery, BrandFilter, BrandSortQuery) {}
