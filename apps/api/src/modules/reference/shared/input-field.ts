import { applyDecorators } from '@nestjs/common';
import { Field, type ReturnTypeFunc } from '@nestjs/graphql';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

export type Presence = 'required' | 'optional';

interface InputFieldOptions {
  api?: ApiPropertyOptions;
  /** GraphQL type; needed whenever TypeScript's reflected type is not enough (numbers, enums, unions). */
  type?: ReturnTypeFunc;
  /** `null` is a meaningful value (it clears the field); otherwise `null` is rejected like a wrong type. */
  nullable?: boolean;
  validate: PropertyDecorator[];
}

/**
 * One input field's OpenAPI, GraphQL and validation decorators, written once and applied to both the create
 * input (required) and the update input (optional). The mapped types of @nestjs/swagger and @nestjs/graphql
 * each copy only their own metadata, so `PartialType` cannot serve both contracts at once.
 */
export function inputField(options: InputFieldOptions): (presence: Presence) => PropertyDecorator {
  return (presence) => {
    const nullable = options.nullable ?? false;
    const required = presence === 'required' && !nullable;
    const fieldOptions = { nullable: !required };
    // An omitted optional field is skipped, but an explicit null on a NOT NULL column must fail validation
    // rather than reach the database.
    const presenceCheck = nullable
      ? IsOptional()
      : required
        ? IsDefined()
        : ValidateIf((_object: unknown, value: unknown) => value !== undefined);
    return applyDecorators(
      ApiProperty({
        ...options.api,
        required,
        ...(nullable ? { nullable: true } : {}),
      } as ApiPropertyOptions),
      options.type ? Field(options.type, fieldOptions) : Field(fieldOptions),
      presenceCheck,
      ...options.validate,
    );
  };
}

/** The code every reference record has: what imports and integrations match on. */
export function codeField(example: string): (presence: Presence) => PropertyDecorator {
  return inputField({
    api: { example, description: 'Letters, digits, - and _' },
    validate: [
      IsString(),
      Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'code must be 1–32 letters, digits, - or _' }),
    ],
  });
}

/** A record's display name: not blank, at most `maxLength` characters. */
export function nameField(example: string, maxLength = 100): (presence: Presence) => PropertyDecorator {
  return inputField({ api: { example }, validate: [IsString(), IsNotEmpty(), MaxLength(maxLength)] });
}
