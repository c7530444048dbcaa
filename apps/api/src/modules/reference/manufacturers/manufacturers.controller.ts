import { ParseEntityIdPipe } from '../../../common/validation/entity-id';
import { Allow } from '../../identity/auth/access.decorators';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateManufacturerDto,
  ManufacturerDto,
  ManufacturerListQuery,
  ManufacturerPageDto,
  UpdateManufacturerDto,
} from './dto/manufacturer.dto';
import { ManufacturersService } from './manufacturers.service';

@ApiTags('reference')
@Controller('manufacturers')
export class ManufacturersController {
  constructor(private readonly manufacturers: ManufacturersService) {}

  @Allow('reference:read')
  @Get()
  @ApiOkResponse({ type: ManufacturerPageDto })
  list(@Query() query: ManufacturerListQuery): Promise<ManufacturerPageDto> {
    return this.manufacturers.list(query);
  }

  @Allow('reference:read')
  @Get(':id')
  @ApiOkResponse({ type: ManufacturerDto })
  get(@Param('id', ParseEntityIdPipe) id: number): Promise<ManufacturerDto> {
    return this.manufacturers.get(id);
  }

  @Allow('reference:write')
  @Post()
  @ApiCreatedResponse({ type: ManufacturerDto })
  create(@Body() input: CreateManufacturerDto): Promise<ManufacturerDto> {
    return this.manufacturers.create(input);
  }

  @Allow('reference:write')
  @Patch(':id')
  @ApiOkResponse({ type: ManufacturerDto })
  update(
    @Param('id', ParseEntityIdPipe) id: number,
    @Body() input: UpdateManufacturerDto,
  ): Promise<ManufacturerDto> {
    return this.manufacturers.update(id, input);
  }
}
