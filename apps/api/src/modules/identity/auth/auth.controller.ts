import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { permissionsOf } from '@tms/domain';
import type { Request, Response } from 'express';
import type { Principal } from '../../../common/http/request-context';
import { ChangePasswordDto, LoginDto, MeDto, SessionDto } from '../dto/auth.dto';
import type { UserEntity } from '../user.entity';
import { CurrentPrincipal, Public, SignedInDuringPasswordChange } from './access.decorators';
import { AuthService, type IssuedTokens } from './auth.service';
import { QUEUE_DASHBOARD_COOKIE } from './queue-dashboard-access';
import { UsersService } from '../users/users.service';

export const REFRESH_COOKIE = 'tms_refresh';
const COOKIE_PATH = '/api/auth';

export function meOf(user: UserEntity): MeDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    permissions: [...permissionsOf(user.roles)].sort(),
    mustChangePassword: user.mustChangePassword,
  };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: an access token in the body, the refresh token in an httpOnly cookie' })
  @ApiOkResponse({ type: SessionDto })
  async login(
    @Body() input: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer(await this.auth.login(input.username, input.password, request.ip), request, response);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A new access token from the refresh cookie (which is rotated)' })
  @ApiOkResponse({ type: SessionDto })
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const token = (request.cookies as Record<string, string> | undefined)?.[REFRESH_COOKIE];
    try {
      return this.answer(await this.auth.refresh(token), request, response);
    } catch (error) {
      response.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session is revoked' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout((request.cookies as Record<string, string> | undefined)?.[REFRESH_COOKIE]);
    response.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
    response.clearCookie(QUEUE_DASHBOARD_COOKIE, { path: '/admin/queues' });
  }

  @Get('me')
  @SignedInDuringPasswordChange()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return meOf(await this.users.entity(principalUserId(principal)));
  }

  @Post('password')
  @SignedInDuringPasswordChange()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password (every session ends)' })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() input: ChangePasswordDto,
    @Req() request: Request,
  ): Promise<void> {
    await this.auth.changePassword(
      principalUserId(principal),
      input.currentPassword,
      input.newPassword,
      request.ip,
    );
  }

  private answer(tokens: IssuedTokens, request: Request, response: Response): SessionDto {
    response.cookie(REFRESH_COOKIE, tokens.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: COOKIE_PATH,
      expires: tokens.refreshExpiresAt,
    });
    const me = meOf(tokens.user);
    if (me.permissions.includes('queues:admin')) {
      response.cookie(QUEUE_DASHBOARD_COOKIE, tokens.accessToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.secure,
        path: '/admin/queues',
        maxAge: tokens.expiresIn * 1000,
      });
    }
    return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, user: me };
  }
}

function principalUserId(principal: Principal): number {
  if (principal.kind !== 'user') throw new Error('Only staff users have a profile');
  return principal.id;
}
