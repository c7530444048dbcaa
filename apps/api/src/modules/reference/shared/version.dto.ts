import { IsEntityId } from '../../../common/validation/entity-id';
import { Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined } from 'class-validator';
import { inputField } from './input-field';

const VERSION_DESCRIPTION = 'The version you read; a stale version is a conflict (409 STALE_VERSION)';

/** The `version` of every update input. */
export const versionField = inputField({
  api: { description: VERSION_DESCRIPTION, minimum: 1 },
  type: () => Int,
  validate: [IsEntityId()],
})('required');

/** Body of actions that change one record without other input, such as deactivation. */
export class VersionDto {
  @ApiProperty({ description: VERSION_DESCRIPTION, minimum: 1 })
  @IsDefined()
  @Type(() => Number)
  @IsEntityId()
  version!: number;
}
