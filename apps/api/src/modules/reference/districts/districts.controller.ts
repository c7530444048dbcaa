import { ParseEntityIdPipe } from '../../../common/validation/entity-id';
import { Allow } from '../../identity/auth/access.decorators';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VersionDto } from '../shared/version.dto';
import { DistrictDto, DistrictPageDto, DistrictTreeNodeDto } from './dto/district.dto';
import { CreateDistrictDto, DistrictListQuery, UpdateDistrictDto } from './dto/district-input.dto';
import { DistrictsService } from './districts.service';

@ApiTags('reference')
@Controller('districts')
export class DistrictsController {
  constructor(private readonly districts: DistrictsService) {}

  @Allow('reference:read')
  @Get()
  @ApiOperation({ summary: 'Districts, filtered and paged, sorted by code' })
  @ApiOkResponse({ type: DistrictPageDto })
  list(@Query() query: DistrictListQuery): Promise<DistrictPageDto> {
    return this.districts.list(query);
  }

  // Declared before `:id` so that "tree" is not taken for an id.
  @Allow('reference:read')
  @Get('tree')
  @ApiOperation({ summary: 'The whole active hierarchy, nested (cities at the top)' })
  @ApiOkResponse({ type: DistrictTreeNodeDto, isArray: true })
  tree(): Promise<DistrictTreeNodeDto[]> {
    return this.districts.tree();
  }

  @Allow('reference:read')
  @Get(':id')
  @ApiOkResponse({ type: DistrictDto })
  get(@Param('id', ParseEntityIdPipe) id: number): Promise<DistrictDto> {
    return this.districts.get(id);
  }

  @Allow('reference:write')
  @Post()
  @ApiOperation({ summary: 'Create a district under a parent one level up (a city has no parent)' })
  @ApiCreatedResponse({ type: DistrictDto })
  create(@Body() input: CreateDistrictDto): Promise<DistrictDto> {
    return this.districts.create(input);
  }

  @Allow('reference:write')
  @Patch(':id')
  @ApiOperation({ summary: 'Rename, re-type, (de)activate or move a district with everything below it' })
  @ApiOkResponse({ type: DistrictDto })
  update(@Param('id', ParseEntityIdPipe) id: number, @Body() input: UpdateDistrictDto): Promise<DistrictDto> {
    return this.districts.update(id, input);
  }

  @Allow('reference:write')
  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a district (districts are never deleted)' })
  @ApiOkResponse({ type: DistrictDto })
  deactivate(@Param('id', ParseEntityIdPipe) id: number, @Body() input: VersionDto): Promise<DistrictDto> {
    return this.districts.deactivate(id, input.version);
  }
}
