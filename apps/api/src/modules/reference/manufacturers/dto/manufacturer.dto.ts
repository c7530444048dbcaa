import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { PageQuery } from '../../../../common/pagination/page.dto';
import { codeField, inputField, nameField } from '../../shared/input-field';
import { versionField } from '../../shared/version.dto';
import { SearchFilter } from '../../shared/filter-fields';

@ObjectType('Manufacturer')
export class ManufacturerDto {
  @ApiProperty() @Field(() => Int) id!: number;
  @ApiProperty() @Field() code!: string;
  @ApiProperty() @Field() name!: string;
  @ApiProperty() @Field() active!: boolean;
  @ApiProperty() @Field(() => Int) version!: number;
}

const field = {
  code: codeField('M01'),
  name: nameField('湖北中烟'),
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
  @SearchFilter() search?: string;
}

export class ManufacturerListQuery extends IntersectionType(PageQuery, ManufacturerFilter) {}

@ObjectType('ManufacturerPage')
export class ManufacturerPageDto {
  @ApiProperty({ type: [ManufacturerDto] }) @Field(() => [ManufacturerDto]) items!: ManufacturerDto[];
  @ApiProperty() @Field(() => Int) total!: number;
  @ApiProperty() @Field(() => Int) page!: number;
  @ApiProperty() @Field(() => Int) pageSize!: number;
}
