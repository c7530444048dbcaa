import { insertAudited } from '../../../common/database/versioned-update';
import { updateVersioned } from '../../../common/database/versioned-update';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ILike, In, Repository } from 'typeorm';
import { DuplicateError, NotFoundError, StaleVersionError } from '../../../common/errors/app-error';
import { pageWindow, type Page, type PageQuery } from '../../../common/pagination/page.dto';
import { containsPattern, definedOnly } from '../shared/sql';
import type {
  CreateManufacturerDto,
  ManufacturerFilter,
  UpdateManufacturerDto,
} from './dto/manufacturer.dto';
import { ManufacturerEntity } from './manufacturer.entity';

@Injectable()
export class ManufacturersService {
  constructor(
    @InjectRepository(ManufacturerEntity) private readonly repository: Repository<ManufacturerEntity>,
  ) {}

  async list(query: ManufacturerFilter & PageQuery): Promise<Page<ManufacturerEntity>> {
    const { page, pageSize, offset } = pageWindow(query);
    const pattern = query.search ? containsPattern(query.search) : undefined;
    const [items, total] = await this.repository.findAndCount({
      where: pattern ? [{ code: ILike(pattern) }, { name: ILike(pattern) }] : {},
      order: { code: query.order === 'desc' ? 'DESC' : 'ASC' },
      skip: offset,
      take: pageSize,
    });
    return { items, total, page, pageSize };
  }

  async get(id: number): Promise<ManufacturerEntity> {
    const found = await this.repository.findOneBy({ id });
    if (!found) throw new NotFoundError('Manufacturer', id);
    return found;
  }

  async findByIds(ids: readonly number[]): Promise<ManufacturerEntity[]> {
    return ids.length ? this.repository.findBy({ id: In([...ids]) }) : [];
  }

  async exists(id: number): Promise<boolean> {
    return this.repository.existsBy({ id });
  }

  async create(input: CreateManufacturerDto): Promise<ManufacturerEntity> {
    if (await this.repository.existsBy({ code: input.code })) {
      throw new DuplicateError('Manufacturer', 'code', input.code);
    }
    return insertAudited(
      this.repository.manager,
      ManufacturerEntity,
      this.repository.create({ active: true, ...input }),
      'manufacturer',
    );
  }

  async update(id: number, input: UpdateManufacturerDto): Promise<ManufacturerEntity> {
    const current = await this.get(id);
    const { version, ...rest } = input;
    const changes = definedOnly(rest);
    if (current.version !== version)
      throw new StaleVersionError('Manufacturer', id, version, current.version);
    if (
      changes.code &&
      changes.code !== current.code &&
      (await this.repository.existsBy({ code: changes.code }))
    ) {
      throw new DuplicateError('Manufacturer', 'code', changes.code);
    }
    await updateVersioned(this.repository.manager, ManufacturerEntity, 'Manufacturer', id, version, changes);
    return this.get(id);
  }
}
