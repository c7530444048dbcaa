import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ApiKeyDto {
  @ApiProperty() id!: number;
  @ApiProperty() manufacturerId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Public part, to tell keys apart' }) prefix!: string;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) revokedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) lastUsedAt!: Date | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: Date;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The whole key. Shown this once: only its hash is kept.' }) key!: string;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'production ERP' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 730, default: 365 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(730)
  expiresInDays?: number;
}
