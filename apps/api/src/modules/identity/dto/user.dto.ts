import { IsEntityId, MAX_ENTITY_ID } from '../../../common/validation/entity-id';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@tms/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export class UserDto {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: [Number] }) districtIds!: number[];
  @ApiProperty({ type: Number, nullable: true }) accountManagerId!: number | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() locked!: boolean;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CreateUserDto {
  @ApiProperty({ example: 'zhang.wei' })
  @Matches(/^[a-z][a-z0-9_.-]{2,49}$/, { message: 'username must be 3–50 lower-case letters, digits, . _ -' })
  username!: string;

  @ApiProperty({ example: '张伟' }) @IsString() @IsNotEmpty() @MaxLength(100) displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ type: [Number], description: 'District managers: the districts they manage' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsEntityId({ each: true })
  districtIds?: number[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Account managers: their register record',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEntityId()
  accountManagerId?: number | null;

  @ApiProperty({ description: 'Initial password; the user must change it at first sign-in' })
  @IsString()
  @MaxLength(128)
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsEntityId({ each: true })
  districtIds?: number[];

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEntityId()
  accountManagerId?: number | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;

  @ApiProperty() @Type(() => Number) @IsEntityId() @Min(1) version!: number;
}

export class ResetPasswordDto {
  @ApiProperty() @IsString() @MaxLength(128) password!: string;
}

export class UserListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) search?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ENTITY_ID) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}
