import { ParseEntityIdPipe } from '../../../common/validation/entity-id';
import { Allow } from '../../identity/auth/access.decorators';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BrandDto, BrandPageDto } from './dto/brand.dto';
import { BrandListQuery, CreateBrandDto, UpdateBrandDto } from './dto/brand-input.dto';
import { BrandsService } from './brands.service';

@ApiTags('reference')
@Controller('brands')
export class BrandsController {
  constructor(private readonly brands: BrandsService) {}

  @Allow('reference:read')
  @Get()
  @ApiOperation({ summary: 'Brands (specifications), filtered, sorted and paged' })
  @ApiOkResponse({ type: BrandPageDto })
  list(@Query() query: BrandListQuery): Promise<BrandPageDto> {
    return this.brands.list(query);
  }

  @Allow('reference:read')
  @Get(':id')
  @ApiOkResponse({ type: BrandDto })
  get(@Param('id', ParseEntityIdPipe) id: number): Promise<BrandDto> {
    return this.brands.get(id);
  }

  @Allow('reference:write')
  @Post()
  @ApiCreatedResponse({ type: BrandDto })
  create(@Body() input: CreateBrandDto): Promise<BrandDto> {
    return this.brands.create(input);
  }

  @Allow('reference:write')
  @Patch(':id')
  @ApiOperation({ summary: 'Change a brand; withdraw it with status withdrawn and withdrawnOn' })
  @ApiOkResponse({ type: BrandDto })
  update(@Param('id', ParseEntityIdPipe) id: number, @Body() input: UpdateBrandDto): Promise<BrandDto> {
    return this.brands.update(id, input);
  }
}
