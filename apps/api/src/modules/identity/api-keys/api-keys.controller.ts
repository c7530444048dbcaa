import { ParseEntityIdPipe } from '../../../common/validation/entity-id';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../common/http/request-context';
import { Allow, CurrentPrincipal } from '../auth/access.decorators';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from '../dto/api-key.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('identity')
@Controller('manufacturers/:manufacturerId/api-keys')
@Allow('apikeys:manage')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(@Param('manufacturerId', ParseEntityIdPipe) manufacturerId: number): Promise<ApiKeyDto[]> {
    return this.keys.list(manufacturerId);
  }

  @Post()
  @ApiOperation({ summary: 'Create a key; the response carries the whole key, which is never shown again' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(
    @Param('manufacturerId', ParseEntityIdPipe) manufacturerId: number,
    @Body() input: CreateApiKeyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiKeyDto> {
    return this.keys.create(manufacturerId, input, principal.kind === 'user' ? principal.username : 'system');
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyDto })
  revoke(
    @Param('manufacturerId', ParseEntityIdPipe) manufacturerId: number,
    @Param('id', ParseEntityIdPipe) id: number,
  ): Promise<ApiKeyDto> {
    return this.keys.revoke(manufacturerId, id);
  }
}
