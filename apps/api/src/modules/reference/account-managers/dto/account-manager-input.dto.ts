import { IsEntityId } from '../../../../common/validation/entity-id';
import { Field, InputType, Int } from '@nestjs/graphql';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
} from 'class-validator';
import { PageQuery } from '../../../../common/pagination/page.dto';
import { codeField, inputField, nameField } from '../../shared/input-field';

import { versionField } from '../../shared/version.dto';
import { ActiveFilter, SearchFilter } from '../../shared/filter-fields';

const field = {
  code: codeField('AM001'),
  name: nameField('王建国', 50),
  phone: inputField({
    api: { example: '13912345678', description: 'An 11-digit mainland mobile number' },
    validate: [
      IsString(),
      Matches(/^1[3-9]\d{9}$/, {
        message: 'phone must be an 11-digit mainland mobile number (1[3-9]xxxxxxxxx)',
      }),
    ],
  }),
  districtIds: inputField({
    api: { type: [Number], description: 'Districts served; each must exist' },
    type: () => [Int],
    validate: [IsArray(), ArrayMaxSize(200), ArrayUnique(), IsEntityId({ each: true })],
  }),
  active: inputField({ api: { default: true }, validate: [IsBoolean()] }),
};

@InputType('CreateAccountManagerInput')
export class CreateAccountManagerDto {
  @field.code('required') code!: string;
  @field.name('required') name!: string;
  @field.phone('required') phone!: string;
  @field.districtIds('optional') districtIds?: number[];
  @field.active('optional') active?: boolean;
}

@InputType('UpdateAccountManagerInput')
export class UpdateAccountManagerDto {
  @field.code('optional') code?: string;
  @field.name('optional') name?: string;
  @field.phone('optional') phone?: string;
  @field.districtIds('optional') districtIds?: number[];
  @field.active('optional') active?: boolean;
  @versionField version!: number;
}

@InputType('AccountManagerFilter')
export class AccountManagerFilter {
  @ApiPropertyOptional({
    description: 'Managers serving this district, a district above it, or any district below it',
  })
  @Field(() => Int, {
    nullable: true,
    description: 'Managers serving this district, a district above it, or any district below it',
  })
  @IsOptional()
  @Type(() => Number)
  @IsEntityId()
  districtId?: number;

  @ActiveFilter() active?: boolean;

  @SearchFilter() search?: string;
}

/** `GET /api/account-managers`: filters and paging, sorted by code. */
export class AccountManagerListQuery extends IntersectionType(PageQuery, AccountManagerFilter) {}
