import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../../common/pagination/page.dto';
import { inputField } from '../../shared/input-field';
import { versionField } from '../../shared/version.dto';

@ObjectType('Manufacturer')
export class ManufacturerDto {
  @ApiProperty() @Field(() => Int) id!: number;
  @ApiProperty() @Field() code!: string;
  @ApiProperty() @Field() name!: string;
  @ApiProperty() @Field() active!: boolean;
  @ApiProperty() @Field(() => Int) version!: number;
}

const field = {
  code: inputField({
    api: { example: 'M01', description: 'Letters, digits, - and _' },
    validate: [
      IsString(),
      Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'code must be 1–32 letters, digits, - or _' }),
    ],
  }),
  name: inputField({ api: { example: '湖北中烟' }, validate: [IsString(), IsNotEmpty(), MaxLength(100)] }),
  active: inputField({ api: { default: true }, validate: [IsBoolean()] }),
};

@InputType('CreateManufacturerInput')
export class CreateManufacturerDto {
  @field.code('required') code!: string;
  @field.name('required') name!: string;
  @field.active('optional') active?: boolean;
}

@InputType('UpdateManufacturerInput')
export class UpdateManufacturerDto {
  @field.code('optional') code?: string;
  @field.name('optional') name?: string;
  @field.active('optional') active?: boolean;
  @versionField version!: number;
}

@InputType('ManufacturerFilter')
export class ManufacturerFilter {
  @ApiPropertyOptional({ description: 'Matches code or name' })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class ManufacturerListQuery extends IntersectionType(PageQuery, ManufacturerFilter) {}

@ObjectType('ManufacturerPage')
export class ManufacturerPageDto {
  @ApiProperty({ type: [ManufacturerDto] }) @Field(() => [ManufacturerDto]) items!: ManufacturerDto[];
  @ApiProperty() @Field(() => Int) total!: number;
  @ApiProperty() @Field(() => Int) page!: number;
  @ApiProperty() @Field(() => Int) pageSize!: number;
}
