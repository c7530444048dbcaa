import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Environment } from '../../config/environment';
import { randomToken } from './auth/tokens';
import { UsersService } from './users/users.service';

/**
 * No default password: the first administrator comes from ADMIN_USERNAME / ADMIN_PASSWORD, or, in the
 * embedded demo, gets a random password printed once.
 */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdmin.name);

  constructor(
    private readonly users: UsersService,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.NODE_ENV === 'test' || (await this.users.count()) > 0) return;
    const password = this.env.ADMIN_PASSWORD ?? (this.env.DEMO_MODE ? `Demo-${randomToken(9)}7` : undefined);
    if (!password) {
      this.logger.warn(
        'There is no user yet: set ADMIN_PASSWORD (and ADMIN_USERNAME) to create the first administrator',
      );
      return;
    }
    try {
      await this.users.create(
        { username: this.env.ADMIN_USERNAME, displayName: '系统管理员', roles: ['admin'], password },
        { mustChangePassword: !this.env.DEMO_MODE },
      );
    } catch (error) {
      // Another process created it at the same moment.
      if ((await this.users.count()) > 0) return;
      throw error;
    }
    if (!this.env.ADMIN_PASSWORD) {
      console.log(
        `\n  First administrator created — sign in as "${this.env.ADMIN_USERNAME}" with password: ${password}\n  (shown once; set ADMIN_PASSWORD to choose it yourself)\n`,
      );
    }
  }
}
