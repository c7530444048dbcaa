import { ParseEntityIdPipe } from '../../../common/validation/entity-id';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import {
  CreateUserDto,
  ResetPasswordDto,
  UpdateUserDto,
  UserDto,
  UserListQuery,
  UserPageDto,
} from '../dto/user.dto';
import { toUserDto, UsersService } from './users.service';

@ApiTags('identity')
@Controller('users')
@Allow('users:manage')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserListQuery): Promise<UserPageDto> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  async get(@Param('id', ParseEntityIdPipe) id: number): Promise<UserDto> {
    return toUserDto(await this.users.entity(id));
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  create(@Body() input: CreateUserDto): Promise<UserDto> {
    return this.users.create(input);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  update(@Param('id', ParseEntityIdPipe) id: number, @Body() input: UpdateUserDto): Promise<UserDto> {
    return this.users.update(id, input);
  }

  @Post(':id/password')
  @ApiOkResponse({ type: UserDto })
  resetPassword(
    @Param('id', ParseEntityIdPipe) id: number,
    @Body() input: ResetPasswordDto,
  ): Promise<UserDto> {
    return this.users.resetPassword(id, input.password);
  }
}
