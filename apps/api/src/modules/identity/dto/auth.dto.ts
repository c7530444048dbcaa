import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@tms/domain';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  username!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) currentPassword!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) newPassword!: string;
}

export class MeDto {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: [String], description: 'What the user may do: drives the navigation' })
  permissions!: string[];
  @ApiProperty() mustChangePassword!: boolean;
}

export class SessionDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header' }) accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ type: MeDto }) user!: MeDto;
}
