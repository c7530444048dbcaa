import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DistrictEntity } from './districts/district.entity';
import { DistrictsService } from './districts/districts.service';
import { ManufacturerEntity } from './manufacturers/manufacturer.entity';
import { ManufacturersService } from './manufacturers/manufacturers.service';

export interface ReferenceLoaderSet {
  district: DataLoader<number, DistrictEntity | null>;
  activeChildren: DataLoader<number, DistrictEntity[]>;
  manufacturer: DataLoader<number, ManufacturerEntity | null>;
}

function byId<T extends { id: number }>(ids: readonly number[], rows: T[]): (T | null)[] {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? null);
}

/**
 * Batches the nested GraphQL fields (a page of brands → one manufacturer query, a tree level → one children
 * query). Loaders live per GraphQL request, keyed by its context object, so their cache never outlives it
 * and the resolvers stay singletons.
 */
@Injectable()
export class ReferenceLoaders {
  private readonly perRequest = new WeakMap<object, ReferenceLoaderSet>();

  constructor(
    private readonly districts: DistrictsService,
    private readonly manufacturers: ManufacturersService,
  ) {}

  for(context: object): ReferenceLoaderSet {
    let loaders = this.perRequest.get(context);
    if (!loaders) {
      loaders = this.create();
      this.perRequest.set(context, loaders);
    }
    return loaders;
  }

  private create(): ReferenceLoaderSet {
    return {
      district: new DataLoader(async (ids) => byId(ids, await this.districts.findByIds(ids))),
      activeChildren: new DataLoader(async (parentIds) => {
        const byParent = new Map<number, DistrictEntity[]>(parentIds.map((id) => [id, []]));
        for (const child of await this.districts.activeChildrenOf(parentIds)) {
          byParent.get(child.parentId!)?.push(child);
        }
        return parentIds.map((id) => byParent.get(id)!);
      }),
      manufacturer: new DataLoader(async (ids) => byId(ids, await this.manufacturers.findByIds(ids))),
    };
  }
}
