import { DISTRICT_LEVELS, type DistrictLevel } from '@tms/domain';
import type { DistrictTreeNodeDto } from './dto/district.dto';
import type { DistrictEntity } from './district.entity';

/** The level a district's parent must have; null for a city, which has no parent. */
export function parentLevelOf(level: DistrictLevel): DistrictLevel | null {
  const index = DISTRICT_LEVELS.indexOf(level);
  return index > 0 ? DISTRICT_LEVELS[index - 1] : null;
}

/** Nests districts (ordered as given) under their parents; a district whose parent is absent is dropped. */
export function buildTree(districts: readonly DistrictEntity[]): DistrictTreeNodeDto[] {
  const nodes = new Map<number, DistrictTreeNodeDto>();
  for (const d of districts) {
    nodes.set(d.id, {
      id: d.id,
      code: d.code,
      name: d.name,
      level: d.level,
      marketType: d.marketType,
      children: [],
    });
  }
  const roots: DistrictTreeNodeDto[] = [];
  for (const d of districts) {
    const node = nodes.get(d.id)!;
    if (d.parentId === null) roots.push(node);
    else nodes.get(d.parentId)?.children.push(node);
  }
  return roots;
}
