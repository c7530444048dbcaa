import { recordAudit } from '../../audit/audit-writer';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AppError, DuplicateError, NotFoundError } from '../../../common/errors/app-error';
import { insertAudited, updateVersioned } from '../../../common/database/versioned-update';
import { AccountManagerEntity } from '../../reference/account-managers/account-manager.entity';
import { DistrictEntity } from '../../reference/districts/district.entity';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords';
import { sha256 } from '../auth/tokens';
import type { CreateUserDto, UpdateUserDto, UserDto, UserListQuery } from '../dto/user.dto';
import { RefreshSessionEntity } from '../refresh-session.entity';
import { UserEntity } from '../user.entity';

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    districtIds: user.districtIds,
    accountManagerId: user.accountManagerId,
    active: user.active,
    locked: !!user.lockedUntil && user.lockedUntil.getTime() > Date.now(),
    mustChangePassword: user.mustChangePassword,
    version: user.version,
    createdAt: user.createdAt,
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(RefreshSessionEntity) private readonly sessions: Repository<RefreshSessionEntity>,
  ) {}

  async entity(id: number): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  count(): Promise<number> {
    return this.users.count();
  }

  async list(query: UserListQuery) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const builder = this.users
      .createQueryBuilder('u')
      .orderBy('u.username')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    if (query.search) {
      builder.andWhere('(u.username ILIKE :s OR u.display_name ILIKE :s)', {
        s: `%${query.search.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    if (query.role) builder.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.active !== undefined) builder.andWhere('u.active = :active', { active: query.active });
    const [items, total] = await builder.getManyAndCount();
    const throttled = await this.throttledUsernames(items.map((user) => user.username));
    return {
      items: items.map((user) => ({ ...toUserDto(user), locked: throttled.has(user.username) })),
      total,
      page,
      pageSize,
    };
  }

  /** The usernames whose sign-ins must currently wait (the throttle keys a username by its hash). */
  private async throttledUsernames(usernames: string[]): Promise<Set<string>> {
    const byKey = new Map(usernames.map((username) => [`user:${sha256(username.toLowerCase())}`, username]));
    if (!byKey.size) return new Set();
    const rows: Array<{ key: string }> = await this.users.query(
      `SELECT key FROM login_throttle WHERE key = ANY($1) AND blocked_until > $2`,
      [[...byKey.keys()], new Date(Date.now())],
    );
    return new Set(rows.map((row) => byKey.get(row.key)!));
  }

  async create(input: CreateUserDto, options: { mustChangePassword?: boolean } = {}): Promise<UserDto> {
    if (await this.users.existsBy({ username: input.username })) {
      throw new DuplicateError('User', 'username', input.username);
    }
    assertPasswordPolicy(input.password, input.username);
    await this.assertLinks(input.districtIds, input.accountManagerId);
    const user = await insertAudited(
      this.users.manager,
      UserEntity,
      this.users.create({
        username: input.username,
        displayName: input.displayName,
        roles: [...new Set(input.roles)],
        districtIds: input.districtIds ?? [],
        accountManagerId: input.accountManagerId ?? null,
        passwordHash: await hashPassword(input.password),
        mustChangePassword: options.mustChangePassword ?? true,
      }),
      'user',
    );
    return toUserDto(user);
  }

  async update(id: number, input: UpdateUserDto): Promise<UserDto> {
    const { version, ...changes } = input;
    const current = await this.entity(id);
    await this.assertLinks(changes.districtIds, changes.accountManagerId);
    const disabling = changes.active === false && current.active;
    await updateVersioned(this.users.manager, UserEntity, 'User', id, version, {
      ...changes,
      ...(changes.roles ? { roles: [...new Set(changes.roles)] } : {}),
      ...(disabling ? { tokensValidAfter: new Date() } : {}),
    });
    if (disabling) await this.revokeSessions(id);
    return toUserDto(await this.entity(id));
  }

  /** An administrator sets a new password: every session ends and the user must change it. */
  async resetPassword(id: number, password: string): Promise<UserDto> {
    const user = await this.entity(id);
    assertPasswordPolicy(password, user.username);
    const passwordHash = await hashPassword(password);
    await this.users.manager.transaction(async (tx) => {
      await tx.update(
        UserEntity,
        { id },
        {
          passwordHash,
          mustChangePassword: true,
          tokensValidAfter: new Date(),
          failedLogins: 0,
          lockedUntil: null,
        },
      );
      await recordAudit(tx, {
        action: 'reset_password',
        entity: 'user',
        entityId: id,
        after: { mustChangePassword: true },
      });
    });
    await this.revokeSessions(id);
    return toUserDto(await this.entity(id));
  }

  private async revokeSessions(userId: number): Promise<void> {
    await this.sessions.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async assertLinks(districtIds?: number[], accountManagerId?: number | null): Promise<void> {
    if (districtIds?.length) {
      const found = await this.users.manager
        .getRepository(DistrictEntity)
        .countBy(districtIds.map((id) => ({ id })));
      if (found !== new Set(districtIds).size) {
        throw new AppError('UNPROCESSABLE', 'Some districts do not exist', { field: 'districtIds' });
      }
    }
    if (accountManagerId) {
      const exists = await this.users.manager
        .getRepository(AccountManagerEntity)
        .existsBy({ id: accountManagerId });
      if (!exists)
        throw new AppError('UNPROCESSABLE', `Account manager ${accountManagerId} does not exist`, {
          field: 'accountManagerId',
        });
    }
  }
}
