import { ParseEntityIdPipe } from '../../../common/validation/entity-id';
import { Allow } from '../../identity/auth/access.decorators';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VersionDto } from '../shared/version.dto';
import { AccountManagerDto, AccountManagerPageDto } from './dto/account-manager.dto';
import {
  AccountManagerListQuery,
  CreateAccountManagerDto,
  UpdateAccountManagerDto,
} from './dto/account-manager-input.dto';
import { AccountManagersService } from './account-managers.service';

@ApiTags('reference')
@Controller('account-managers')
export class AccountManagersController {
  constructor(private readonly accountManagers: AccountManagersService) {}

  @Allow('reference:read')
  @Get()
  @ApiOperation({ summary: 'Account managers, filtered and paged, sorted by code' })
  @ApiOkResponse({ type: AccountManagerPageDto })
  list(@Query() query: AccountManagerListQuery): Promise<AccountManagerPageDto> {
    return this.accountManagers.list(query);
  }

  @Allow('reference:read')
  @Get(':id')
  @ApiOkResponse({ type: AccountManagerDto })
  get(@Param('id', ParseEntityIdPipe) id: number): Promise<AccountManagerDto> {
    return this.accountManagers.get(id);
  }

  @Allow('reference:write')
  @Post()
  @ApiCreatedResponse({ type: AccountManagerDto })
  create(@Body() input: CreateAccountManagerDto): Promise<AccountManagerDto> {
    return this.accountManagers.create(input);
  }

  @Allow('reference:write')
  @Patch(':id')
  @ApiOkResponse({ type: AccountManagerDto })
  update(
    @Param('id', ParseEntityIdPipe) id: number,
    @Body() input: UpdateAccountManagerDto,
  ): Promise<AccountManagerDto> {
    return this.accountManagers.update(id, input);
  }

  @Allow('reference:write')
  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate an account manager (never deleted)' })
  @ApiOkResponse({ type: AccountManagerDto })
  deactivate(
    @Param('id', ParseEntityIdPipe) id: number,
    @Body() input: VersionDto,
  ): Promise<AccountManagerDto> {
    return this.accountManagers.deactivate(id, input.version);
  }
}
