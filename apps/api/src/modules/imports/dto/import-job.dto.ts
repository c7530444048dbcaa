import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.dto';
import {
  IMPORT_KINDS,
  IMPORT_STATES,
  type ImportJobEntity,
  type ImportKind,
  type ImportState,
} from '../import-job.entity';

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off', ''].includes(text)) return false;
  return value;
};

/** The form fields that come with the multipart upload (`file` is the CSV). */
export class CreateImportDto {
  @ApiProperty({ enum: [...IMPORT_KINDS] })
  @IsIn([...IMPORT_KINDS], { message: `kind must be one of ${IMPORT_KINDS.join(', ')}` })
  kind!: ImportKind;

  @ApiPropertyOptional({ default: false, description: 'Validate and count, write nothing' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun?: boolean;
}

/** Multipart body as documented in OpenAPI. */
export class CreateImportForm extends CreateImportDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'CSV file, UTF-8, header on line 1' })
  file!: unknown;
}

export class ImportListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: [...IMPORT_KINDS] })
  @IsOptional()
  @IsIn([...IMPORT_KINDS])
  kind?: ImportKind;

  @ApiPropertyOptional({ enum: [...IMPORT_STATES] })
  @IsOptional()
  @IsIn([...IMPORT_STATES])
  state?: ImportState;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Line in the file; the header is line 1' }) line!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Column, or null for the whole row' })
  field!: string | null;
  @ApiProperty({ type: String, nullable: true }) value!: string | null;
  @ApiProperty() reason!: string;
}

export class ImportJobDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: [...IMPORT_KINDS] }) kind!: ImportKind;
  @ApiProperty({ enum: [...IMPORT_STATES] }) state!: ImportState;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'Bytes' }) fileSize!: number;
  @ApiProperty() fileSha256!: string;
  @ApiProperty({ description: 'Bytes of the file read so far' }) bytesRead!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ description: 'Data rows read (header and blank lines excluded)' }) rowsRead!: number;
  @ApiProperty() rowsInvalid!: number;
  @ApiProperty({ description: 'Inserted (or, in a dry run, would be)' }) rowsInserted!: number;
  @ApiProperty() rowsUpdated!: number;
  @ApiProperty() rowsUnchanged!: number;
  @ApiProperty({ type: [ImportRowErrorDto], description: 'The first 100 errors' })
  errorSample!: ImportRowErrorDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Download path of the full error report' })
  errorReportUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'user:li.ming',
    description: 'Who uploaded the file',
  })
  createdBy!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt!: Date | null;

  static from(job: ImportJobEntity): ImportJobDto {
    const fileSize = Number(job.fileSize);
    const bytesRead = Number(job.bytesRead);
    const finished = ['succeeded', 'rejected', 'failed'].includes(job.state);
    const progress = finished
      ? 100
      : fileSize > 0
        ? Math.min(99, Math.floor((bytesRead / fileSize) * 100))
        : 0;
    return {
      id: job.id,
      kind: job.kind,
      state: job.state,
      dryRun: job.dryRun,
      fileName: job.fileName,
      fileSize,
      fileSha256: job.fileSha256,
      bytesRead,
      progress,
      rowsRead: job.rowsRead,
      rowsInvalid: job.rowsInvalid,
      rowsInserted: job.rowsInserted,
      rowsUpdated: job.rowsUpdated,
      rowsUnchanged: job.rowsUnchanged,
      errorSample: job.errorSample,
      errorReportUrl:
        job.state === 'succeeded' || job.state === 'rejected' ? `/api/imports/${job.id}/errors.csv` : null,
      message: job.message,
      createdBy: job.createdBy,
      createdAt: job.createdAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
    };
  }
}

export class ImportJobPageDto {
  @ApiProperty({ type: [ImportJobDto] }) items!: ImportJobDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
