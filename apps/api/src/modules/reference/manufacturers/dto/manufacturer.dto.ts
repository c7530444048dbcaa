import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../../../common/pagination/page.dto';

@ObjectType('Manufacturer')
export class ManufacturerDto {
  @ApiProperty() @Field(() => Int) id!: number;
  @ApiProperty() @Field() code!: string;
  @ApiProperty() @Field() name!: string;
  @ApiProperty() @Field() active!: boolean;
  @ApiProperty() @Field(() => Int) version!: number;
}

@InputType()
export class CreateManufacturerDto {
  @ApiProperty({ example: 'M01', description: 'Letters, digits, - and _' })
  @Field()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'code must be 1–32 letters, digits, - or _' })
  code!: string;

  @ApiProperty({ example: '湖北中烟' })
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ default: true })
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class UpdateManufacturerDto extends PartialType(CreateManufacturerDto) {
  @ApiProperty({ description: 'The version you read; a stale version is a conflict' })
  @Field(() => Int)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class ManufacturerListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Matches code or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class ManufacturerPageDto {
  @ApiProperty({ type: [ManufacturerDto] }) items!: ManufacturerDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
