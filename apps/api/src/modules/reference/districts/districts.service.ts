import { recordAudit } from '../../audit/audit-writer';
import { updateVersioned } from '../../../common/database/versioned-update';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, Repository } from 'typeorm';
import { DuplicateError, NotFoundError, StaleVersionError } from '../../../common/errors/app-error';
import { pageWindow, type Page, type PageQuery } from '../../../common/pagination/page.dto';
import { UnprocessableFieldError, unknownReference } from '../shared/errors';
import { containsPattern, definedOnly } from '../shared/sql';
import { buildTree, parentLevelOf } from './district-hierarchy';
import { DistrictEntity } from './district.entity';
import type { DistrictTreeNodeDto } from './dto/district.dto';
import type { CreateDistrictDto, DistrictFilter, UpdateDistrictDto } from './dto/district-input.dto';

/**
 * Creating and moving districts compute paths from the parent's path; one transaction-scoped advisory lock
 * serialises them so two concurrent moves in the same subtree cannot leave stale paths behind. Such edits
 * are rare, so the lock costs nothing in practice.
 */
const HIERARCHY_LOCK_KEY = 734_201_001;

@Injectable()
export class DistrictsService {
  constructor(
    @InjectRepository(DistrictEntity) private readonly repository: Repository<DistrictEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: DistrictFilter & PageQuery): Promise<Page<DistrictEntity>> {
    const { page, pageSize, offset } = pageWindow(query);
    const qb = this.repository.createQueryBuilder('d');
    if (query.level) qb.andWhere('d.level = :level', { level: query.level });
    if (query.parentId) qb.andWhere('d.parent_id = :parentId', { parentId: query.parentId });
    if (query.marketType) qb.andWhere('d.market_type = :marketType', { marketType: query.marketType });
    if (query.active !== undefined) qb.andWhere('d.active = :active', { active: query.active });
    if (query.under) {
      // An unknown `under` yields NULL, so no rows: a filter that matches nothing, not an error.
      qb.andWhere(`d.path LIKE (SELECT u.path FROM district u WHERE u.id = :under) || '%'`, {
        under: query.under,
      });
    }
    if (query.search) {
      qb.andWhere('(d.code ILIKE :pattern OR d.name ILIKE :pattern)', {
        pattern: containsPattern(query.search),
      });
    }
    const [items, total] = await qb
      .orderBy('d.code', query.order === 'desc' ? 'DESC' : 'ASC')
      .skip(offset)
      .take(pageSize)
      .getManyAndCount();
    return { items, total, page, pageSize };
  }

  /** The active hierarchy, nested; an active district under an inactive one is left out with its parent. */
  async tree(): Promise<DistrictTreeNodeDto[]> {
    return buildTree(await this.repository.find({ where: { active: true }, order: { code: 'ASC' } }));
  }

  async get(id: number): Promise<DistrictEntity> {
    const found = await this.repository.findOneBy({ id });
    if (!found) throw new NotFoundError('District', id);
    return found;
  }

  async findByIds(ids: readonly number[]): Promise<DistrictEntity[]> {
    return ids.length ? this.repository.findBy({ id: In([...ids]) }) : [];
  }

  async activeCities(): Promise<DistrictEntity[]> {
    return this.repository.find({ where: { level: 'city', active: true }, order: { code: 'ASC' } });
  }

  /** Active children of each given district, ordered by code (for GraphQL's `children`). */
  async activeChildrenOf(parentIds: readonly number[]): Promise<DistrictEntity[]> {
    if (!parentIds.length) return [];
    return this.repository.find({
      where: { parentId: In([...parentIds]), active: true },
      order: { code: 'ASC' },
    });
  }

  /**
   * The `path` prefix of a district's subtree. "This district and everything below it" is then
   * `district.path LIKE :prefix || '%'`, which the `district_path_prefix_idx` index answers.
   * Throws NotFoundError for an unknown district.
   */
  async subtreePathPrefix(id: number): Promise<string> {
    return (await this.get(id)).path;
  }

  /** Ids of a district and all its descendants (active or not). Throws NotFoundError for an unknown id. */
  async subtreeIds(id: number): Promise<number[]> {
    const prefix = await this.subtreePathPrefix(id);
    const rows = await this.repository
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where(`d.path LIKE :prefix || '%'`, { prefix })
      .getRawMany<{ id: number }>();
    return rows.map((row) => row.id);
  }

  /** The given ids that match no district; used to validate references from other records. */
  async missingIds(ids: readonly number[]): Promise<number[]> {
    const found = new Set((await this.findByIds(ids)).map((d) => d.id));
    return ids.filter((id) => !found.has(id));
  }

  async create(input: CreateDistrictDto): Promise<DistrictEntity> {
    const id = await this.dataSource.transaction(async (em) => {
      await lockHierarchy(em);
      if (await em.existsBy(DistrictEntity, { code: input.code })) {
        throw new DuplicateError('District', 'code', input.code);
      }
      const parent = await this.checkedParent(em, input.level, input.parentId ?? null);
      if (parent && !parent.active && input.active !== false) {
        throw new UnprocessableFieldError('parentId', `District ${parent.id} is inactive`);
      }
      const repository = em.getRepository(DistrictEntity);
      const saved = await repository.save(
        repository.create({
          code: input.code,
          name: input.name,
          level: input.level,
          parentId: parent?.id ?? null,
          marketType: input.marketType === undefined ? (parent?.marketType ?? null) : input.marketType,
          active: input.active ?? true,
          // The id is known only after the insert; the real path follows in the same transaction.
          path: '/',
        }),
      );
      await em.query('UPDATE district SET path = $1 WHERE id = $2', [
        `${parent?.path ?? '/'}${saved.id}/`,
        saved.id,
      ]);
      await recordAudit(em, {
        action: 'create',
        entity: 'district',
        entityId: saved.id,
        after: await em.findOneBy(DistrictEntity, { id: saved.id }),
      });
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: number, input: UpdateDistrictDto): Promise<DistrictEntity> {
    await this.dataSource.transaction(async (em) => {
      await lockHierarchy(em);
      const current = await em.findOneBy(DistrictEntity, { id });
      if (!current) throw new NotFoundError('District', id);
      const { version, parentId, ...rest } = input;
      if (current.version !== version) throw new StaleVersionError('District', id, version, current.version);
      const changes: Partial<DistrictEntity> = definedOnly(rest);

      const moving = parentId !== undefined && parentId !== current.parentId;
      let parent: DistrictEntity | null;
      if (moving) {
        parent = await this.checkedParent(em, current.level, parentId, current);
        changes.parentId = parent?.id ?? null;
        changes.path = `${parent?.path ?? '/'}${id}/`;
      } else {
        parent =
          current.parentId === null ? null : await em.findOneBy(DistrictEntity, { id: current.parentId });
      }
      const active = changes.active ?? current.active;
      if (active && parent && !parent.active) {
        throw new UnprocessableFieldError(
          moving ? 'parentId' : 'active',
          `District ${parent.id} is inactive`,
        );
      }
      if (!active && current.active) await assertNoActiveChildren(em, current);

      await updateVersioned(em, DistrictEntity, 'District', id, version, changes);
      if (moving) {
        // Descendants keep their own ids below the moved district; only the prefix changes.
        await em.query(
          `UPDATE district SET path = $1 || substr(path, length($2) + 1) WHERE path LIKE $2 || '%' AND id <> $3`,
          [changes.path, current.path, id],
        );
      }
    });
    return this.get(id);
  }

  deactivate(id: number, version: number): Promise<DistrictEntity> {
    return this.update(id, { active: false, version });
  }

  /** The parent a district of `level` may have: none for a city, otherwise an existing district one level up. */
  private async checkedParent(
    em: EntityManager,
    level: DistrictEntity['level'],
    parentId: number | null,
    moved?: DistrictEntity,
  ): Promise<DistrictEntity | null> {
    const expected = parentLevelOf(level);
    if (expected === null) {
      if (parentId !== null) throw new UnprocessableFieldError('parentId', 'A city has no parent district');
      return null;
    }
    if (parentId === null) {
      throw new UnprocessableFieldError('parentId', `A ${level} needs a parent district (a ${expected})`);
    }
    const parent = await em.findOneBy(DistrictEntity, { id: parentId });
    if (!parent) throw unknownReference('parentId', 'District', [parentId]);
    if (moved && parent.path.startsWith(moved.path)) {
      throw new UnprocessableFieldError(
        'parentId',
        `District ${moved.id} cannot move under itself or its own descendant`,
      );
    }
    if (parent.level !== expected) {
      throw new UnprocessableFieldError(
        'parentId',
        `A ${level}'s parent must be a ${expected}; district ${parent.id} is a ${parent.level}`,
      );
    }
    return parent;
  }
}

async function lockHierarchy(em: EntityManager): Promise<void> {
  await em.query('SELECT pg_advisory_xact_lock($1)', [HIERARCHY_LOCK_KEY]);
}

/** A deactivated district with active children would cut them out of the tree; they go first. */
async function assertNoActiveChildren(em: EntityManager, district: DistrictEntity): Promise<void> {
  const count = await em.countBy(DistrictEntity, { parentId: district.id, active: true });
  if (count > 0) {
    throw new UnprocessableFieldError(
      'active',
      `District ${district.id} has ${count} active child district(s); deactivate them first`,
    );
  }
}
