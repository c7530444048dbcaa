import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import type { BrandStatus, PackType } from '@tms/domain';
import { apiEnum, BrandStatusEnum, PackTypeEnum } from '../../shared/enums';

@ObjectType('Brand', { description: 'A cigarette specification (规格); prices per carton (条) in yuan' })
export class BrandDto {
  @ApiProperty() @Field(() => Int) id!: number;
  @ApiProperty() @Field() code!: string;
  @ApiProperty() @Field() name!: string;
  @ApiProperty() @Field(() => Int) manufacturerId!: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: '1 (premium) … 5 (economy)' })
  @Field(() => Int)
  priceClass!: number;

  @ApiProperty({ example: 230.5 }) @Field(() => Float) wholesalePrice!: number;
  @ApiProperty({ example: 260 }) @Field(() => Float) retailPrice!: number;

  @ApiProperty({ enum: apiEnum.packType, enumName: 'PackType' })
  @Field(() => PackTypeEnum)
  packType!: PackType;

  @ApiProperty({ enum: apiEnum.brandStatus, enumName: 'BrandStatus' })
  @Field(() => BrandStatusEnum)
  status!: BrandStatus;

  @ApiProperty({ description: 'Short supply (紧俏)' }) @Field() scarce!: boolean;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  @Field(() => String, { nullable: true })
  launchedOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  @Field(() => String, { nullable: true })
  withdrawnOn!: string | null;

  @ApiProperty() @Field(() => Int) version!: number;
}

@ObjectType('BrandPage')
export class BrandPageDto {
  @ApiProperty({ type: [BrandDto] }) @Field(() => [BrandDto]) items!: BrandDto[];
  @ApiProperty() @Field(() => Int) total!: number;
  @ApiProperty() @Field(() => Int) page!: number;
  @ApiProperty() @Field(() => Int) pageSize!: number;
}
