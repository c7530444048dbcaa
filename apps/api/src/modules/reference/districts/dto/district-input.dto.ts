import { IsEntityId } from '../../../../common/validation/entity-id';
import { Field, InputType, Int } from '@nestjs/graphql';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { DISTRICT_LEVELS, MARKET_TYPES, type DistrictLevel, type MarketType } from '@tms/domain';
import { PageQuery } from '../../../../common/pagination/page.dto';
import { apiEnum, DistrictLevelEnum, MarketTypeEnum } from '../../shared/enums';
import { codeField, inputField, nameField } from '../../shared/input-field';

import { versionField } from '../../shared/version.dto';
import { ActiveFilter, SearchFilter } from '../../shared/filter-fields';

const field = {
  code: codeField('HB-WH-01'),
  name: nameField('江岸区'),
  level: inputField({
    api: { enum: apiEnum.districtLevel, enumName: 'DistrictLevel' },
    type: () => DistrictLevelEnum,
    validate: [IsIn(DISTRICT_LEVELS)],
  }),
  parentId: inputField({
    api: { type: Number, description: 'Omit (or null) for a city; otherwise a district one level up' },
    type: () => Int,
    nullable: true,
    validate: [IsEntityId()],
  }),
  marketType: inputField({
    api: {
      enum: apiEnum.marketType,
      enumName: 'MarketType',
      description: "On create, omitted means the parent's market type",
    },
    type: () => MarketTypeEnum,
    nullable: true,
    validate: [IsIn(MARKET_TYPES)],
  }),
  active: inputField({ api: { default: true }, validate: [IsBoolean()] }),
};

@InputType('CreateDistrictInput')
export class CreateDistrictDto {
  @field.code('required') code!: string;
  @field.name('required') name!: string;
  @field.level('required') level!: DistrictLevel;
  @field.parentId('optional') parentId?: number | null;
  @field.marketType('optional') marketType?: MarketType | null;
  @field.active('optional') active?: boolean;
}

/** Code and level are fixed once created; a new parent moves the district with everything below it. */
@InputType('UpdateDistrictInput')
export class UpdateDistrictDto {
  @field.name('optional') name?: string;
  @field.parentId('optional') parentId?: number | null;
  @field.marketType('optional') marketType?: MarketType | null;
  @field.active('optional') active?: boolean;

  @versionField version!: number;
}

@InputType('DistrictFilter')
export class DistrictFilter {
  @ApiPropertyOptional({ enum: apiEnum.districtLevel, enumName: 'DistrictLevel' })
  @Field(() => DistrictLevelEnum, { nullable: true })
  @IsOptional()
  @IsIn(DISTRICT_LEVELS)
  level?: DistrictLevel;

  @ApiPropertyOptional({ description: 'Direct children of this district' })
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsEntityId()
  parentId?: number;

  @ApiPropertyOptional({ description: 'This district and everything below it' })
  @Field(() => Int, { nullable: true, description: 'This district and everything below it' })
  @IsOptional()
  @Type(() => Number)
  @IsEntityId()
  under?: number;

  @ApiPropertyOptional({ enum: apiEnum.marketType, enumName: 'MarketType' })
  @Field(() => MarketTypeEnum, { nullable: true })
  @IsOptional()
  @IsIn(MARKET_TYPES)
  marketType?: MarketType;

  @ActiveFilter() active?: boolean;

  @SearchFilter() search?: string;
}

/** `GET /api/districts`: filters and paging, sorted by code. */
export class DistrictListQuery extends IntersectionType(PageQuery, DistrictFilter) {}
