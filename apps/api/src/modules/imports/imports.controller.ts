import { Allow } from '../identity/auth/access.decorators';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { createReadStream } from 'node:fs';
import {
  CreateImportDto,
  CreateImportForm,
  ImportJobDto,
  ImportJobPageDto,
  ImportListQuery,
} from './dto/import-job.dto';
import type { HashedUpload } from './import-files';
import { DiscardUploadOnError } from './discard-upload.interceptor';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Allow('imports:run')
  @Post()
  @HttpCode(201)
  @UseInterceptors(FileInterceptor('file'), DiscardUploadOnError)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CreateImportForm })
  @ApiCreatedResponse({
    type: ImportJobDto,
    description: 'Small files are imported in the request (final state); large ones are queued',
  })
  async create(
    @UploadedFile() file: HashedUpload | undefined,
    @Body() input: CreateImportDto,
  ): Promise<ImportJobDto> {
    return ImportJobDto.from(await this.imports.create(file, input));
  }

  @Allow('imports:read')
  @Get()
  @ApiOkResponse({ type: ImportJobPageDto, description: 'Newest first' })
  async list(@Query() query: ImportListQuery): Promise<ImportJobPageDto> {
    const page = await this.imports.list(query);
    return { ...page, items: page.items.map((job) => ImportJobDto.from(job)) };
  }

  @Allow('imports:read')
  @Get(':id')
  @ApiOkResponse({ type: ImportJobDto })
  async get(@Param('id') id: string): Promise<ImportJobDto> {
    return ImportJobDto.from(await this.imports.get(id));
  }

  @Allow('imports:read')
  @Get(':id/errors.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Every error: line, field, value, reason (UTF-8 with BOM)' })
  async errors(@Param('id') id: string): Promise<StreamableFile> {
    const path = await this.imports.errorReport(id);
    return new StreamableFile(createReadStream(path), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="import-${id}-errors.csv"`,
    });
  }
}
