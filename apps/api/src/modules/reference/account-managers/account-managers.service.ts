import { insertAudited } from '../../../common/database/versioned-update';
import { updateVersioned } from '../../../common/database/versioned-update';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DuplicateError, NotFoundError, StaleVersionError } from '../../../common/errors/app-error';
import { pageWindow, type Page, type PageQuery } from '../../../common/pagination/page.dto';
import { DistrictsService } from '../districts/districts.service';
import { unknownReference } from '../shared/errors';
import { containsPattern, definedOnly } from '../shared/sql';
import { AccountManagerEntity } from './account-manager.entity';
import type {
  AccountManagerFilter,
  CreateAccountManagerDto,
  UpdateAccountManagerDto,
} from './dto/account-manager-input.dto';

@Injectable()
export class AccountManagersService {
  constructor(
    @InjectRepository(AccountManagerEntity) private readonly repository: Repository<AccountManagerEntity>,
    private readonly districts: DistrictsService,
  ) {}

  async list(query: AccountManagerFilter & PageQuery): Promise<Page<AccountManagerEntity>> {
    const { page, pageSize, offset } = pageWindow(query);
    const qb = this.repository.createQueryBuilder('m');
    if (query.districtId) {
      // The district's own path lists its ancestors and itself; the prefix match adds its descendants.
      qb.andWhere(
        `m.district_ids && ARRAY(
          SELECT d.id FROM district d, district target
          WHERE target.id = :districtId
            AND (target.path LIKE '%/' || d.id || '/%' OR d.path LIKE target.path || '%'))`,
        { districtId: query.districtId },
      );
    }
    if (query.active !== undefined) qb.andWhere('m.active = :active', { active: query.active });
    if (query.search) {
      qb.andWhere('(m.code ILIKE :pattern OR m.name ILIKE :pattern)', {
        pattern: containsPattern(query.search),
      });
    }
    const [items, total] = await qb
      .orderBy('m.code', query.order === 'desc' ? 'DESC' : 'ASC')
      .skip(offset)
      .take(pageSize)
      .getManyAndCount();
    return { items, total, page, pageSize };
  }

  async get(id: number): Promise<AccountManagerEntity> {
    const found = await this.repository.findOneBy({ id });
    if (!found) throw new NotFoundError('Account manager', id);
    return found;
  }

  async create(input: CreateAccountManagerDto): Promise<AccountManagerEntity> {
    if (await this.repository.existsBy({ code: input.code })) {
      throw new DuplicateError('Account manager', 'code', input.code);
    }
    await this.assertDistrictsExist(input.districtIds ?? []);
    return insertAudited(
      this.repository.manager,
      AccountManagerEntity,
      this.repository.create({ districtIds: [], active: true, ...definedOnly(input) }),
      'account_manager',
    );
  }

  async update(id: number, input: UpdateAccountManagerDto): Promise<AccountManagerEntity> {
    const current = await this.get(id);
    const { version, ...rest } = input;
    const changes = definedOnly(rest);
    if (current.version !== version)
      throw new StaleVersionError('Account manager', id, version, current.version);
    if (
      changes.code &&
      changes.code !== current.code &&
      (await this.repository.existsBy({ code: changes.code }))
    ) {
      throw new DuplicateError('Account manager', 'code', changes.code);
    }
    if (changes.districtIds) await this.assertDistrictsExist(changes.districtIds);
    await updateVersioned(
      this.repository.manager,
      AccountManagerEntity,
      'Account manager',
      id,
      version,
      changes,
    );
    return this.get(id);
  }

  deactivate(id: number, version: number): Promise<AccountManagerEntity> {
    return this.update(id, { active: false, version });
  }

  private async assertDistrictsExist(ids: readonly number[]): Promise<void> {
    const missing = await this.districts.missingIds(ids);
    if (missing.length) throw unknownReference('districtIds', 'District', missing);
  }
}
