import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Environment } from '../../config/environment';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle';
import { PrincipalsService } from './auth/principals.service';
import { FirstAdmin } from './first-admin';
import { RefreshSessionEntity } from './refresh-session.entity';
import { UserEntity } from './user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** Staff users, sign-in sessions, manufacturers' API keys, and the guard every route goes through. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshSessionEntity, ApiKeyEntity]),
    JwtModule.registerAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        // Without a configured secret (demo, tests) each process start signs with a new random one.
        secret: env.JWT_SECRET ?? randomBytes(48).toString('base64'),
        signOptions: { expiresIn: env.ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, UsersController, ApiKeysController],
  providers: [
    PrincipalsService,
    AuthService,
    LoginThrottle,
    UsersService,
    ApiKeysService,
    FirstAdmin,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, PrincipalsService],
})
export class IdentityModule {}
