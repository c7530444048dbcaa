import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import type { DistrictLevel, MarketType } from '@tms/domain';
import { apiEnum, DistrictLevelEnum, MarketTypeEnum } from '../../shared/enums';

@ObjectType('District', { description: 'A node of the sales territory: city → county → market area → route' })
export class DistrictDto {
  @ApiProperty() @Field(() => Int) id!: number;
  @ApiProperty() @Field() code!: string;
  @ApiProperty() @Field() name!: string;

  @ApiProperty({ enum: apiEnum.districtLevel, enumName: 'DistrictLevel' })
  @Field(() => DistrictLevelEnum)
  level!: DistrictLevel;

  @ApiProperty({ type: Number, nullable: true, description: 'Null for a city' })
  @Field(() => Int, { nullable: true })
  parentId!: number | null;

  @ApiProperty({ example: '/1/4/17/', description: 'Ids from the city down to this district' })
  @Field({ description: 'Ids from the city down to this district, e.g. /1/4/17/' })
  path!: string;

  @ApiProperty({ enum: apiEnum.marketType, enumName: 'MarketType', nullable: true })
  @Field(() => MarketTypeEnum, { nullable: true })
  marketType!: MarketType | null;

  @ApiProperty() @Field() active!: boolean;
  @ApiProperty() @Field(() => Int) version!: number;
}

/** One node of `GET /api/districts/tree`: the active hierarchy, nested for a tree-select. */
export class DistrictTreeNodeDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: apiEnum.districtLevel, enumName: 'DistrictLevel' }) level!: DistrictLevel;
  @ApiProperty({ enum: apiEnum.marketType, enumName: 'MarketType', nullable: true })
  marketType!: MarketType | null;
  @ApiProperty({ type: () => DistrictTreeNodeDto, isArray: true }) children!: DistrictTreeNodeDto[];
}

@ObjectType('DistrictPage')
export class DistrictPageDto {
  @ApiProperty({ type: [DistrictDto] }) @Field(() => [DistrictDto]) items!: DistrictDto[];
  @ApiProperty() @Field(() => Int) total!: number;
  @ApiProperty() @Field(() => Int) page!: number;
  @ApiProperty() @Field(() => Int) pageSize!: number;
}
