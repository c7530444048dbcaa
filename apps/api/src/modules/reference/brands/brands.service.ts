import { insertAudited } from '../../../common/database/versioned-update';
import { updateVersioned } from '../../../common/database/versioned-update';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { DuplicateError, NotFoundError, StaleVersionError } from '../../../common/errors/app-error';
import { pageWindow, type Page, type PageQuery } from '../../../common/pagination/page.dto';
import { ManufacturersService } from '../manufacturers/manufacturers.service';
import { unknownReference } from '../shared/errors';
import { containsPattern, definedOnly } from '../shared/sql';
import { BrandEntity } from './brand.entity';
import { assertBrandRules } from './brand-rules';
import type { BrandFilter, BrandSortField, CreateBrandDto, UpdateBrandDto } from './dto/brand-input.dto';

const SORT_COLUMNS: Record<BrandSortField, string> = {
  code: 'b.code',
  name: 'b.name',
  wholesalePrice: 'b.wholesale_price',
};

@Injectable()
export class BrandsService {
  constructor(
    @InjectRepository(BrandEntity) private readonly repository: Repository<BrandEntity>,
    private readonly manufacturers: ManufacturersService,
  ) {}

  async list(query: BrandFilter & PageQuery & { sort?: BrandSortField }): Promise<Page<BrandEntity>> {
    const { page, pageSize, offset } = pageWindow(query);
    const qb = this.repository.createQueryBuilder('b');
    if (query.manufacturerId)
      qb.andWhere('b.manufacturer_id = :manufacturerId', { manufacturerId: query.manufacturerId });
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    if (query.scarce !== undefined) qb.andWhere('b.scarce = :scarce', { scarce: query.scarce });
    if (query.priceClass) qb.andWhere('b.price_class = :priceClass', { priceClass: query.priceClass });
    if (query.packType) qb.andWhere('b.pack_type = :packType', { packType: query.packType });
    if (query.search) {
      qb.andWhere('(b.code ILIKE :pattern OR b.name ILIKE :pattern)', {
        pattern: containsPattern(query.search),
      });
    }
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    // Codes are unique, so they make any order total and paging stable.
    qb.orderBy(SORT_COLUMNS[query.sort ?? 'code'], direction).addOrderBy('b.code', direction);
    const [items, total] = await qb.skip(offset).take(pageSize).getManyAndCount();
    return { items, total, page, pageSize };
  }

  async get(id: number): Promise<BrandEntity> {
    const found = await this.repository.findOneBy({ id });
    if (!found) throw new NotFoundError('Brand', id);
    return found;
  }

  async findByIds(ids: readonly number[]): Promise<BrandEntity[]> {
    return ids.length ? this.repository.findBy({ id: In([...ids]) }) : [];
  }

  async create(input: CreateBrandDto): Promise<BrandEntity> {
    const brand = this.repository.create({
      status: 'new',
      scarce: false,
      launchedOn: null,
      withdrawnOn: null,
      ...definedOnly(input),
    });
    assertBrandRules(brand);
    if (await this.repository.existsBy({ code: input.code })) {
      throw new DuplicateError('Brand', 'code', input.code);
    }
    await this.assertManufacturerExists(input.manufacturerId);
    return insertAudited(this.repository.manager, BrandEntity, brand, 'brand');
  }

  async update(id: number, input: UpdateBrandDto): Promise<BrandEntity> {
    const current = await this.get(id);
    const { version, ...rest } = input;
    const changes = definedOnly(rest);
    if (current.version !== version) throw new StaleVersionError('Brand', id, version, current.version);
    assertBrandRules({ ...current, ...changes });
    if (
      changes.code &&
      changes.code !== current.code &&
      (await this.repository.existsBy({ code: changes.code }))
    ) {
      throw new DuplicateError('Brand', 'code', changes.code);
    }
    if (changes.manufacturerId && changes.manufacturerId !== current.manufacturerId) {
      await this.assertManufacturerExists(changes.manufacturerId);
    }
    await updateVersioned(this.repository.manager, BrandEntity, 'Brand', id, version, changes);
    return this.get(id);
  }

  private async assertManufacturerExists(id: number): Promise<void> {
    if (!(await this.manufacturers.exists(id)))
      throw unknownReference('manufacturerId', 'Manufacturer', [id]);
  }
}
