import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { QueryBoolean } from './query-transforms';

/** The `search` filter of a reference list, for REST query strings and GraphQL alike. */
export function SearchFilter(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, description: 'Matches code or name' }),
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(100),
  );
}

/** The `active` filter of a reference list; the query string's `true`/`false` become booleans. */
export function ActiveFilter(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean }),
    Field(() => Boolean, { nullable: true }),
    IsOptional(),
    QueryBoolean(),
    IsBoolean(),
  );
}
