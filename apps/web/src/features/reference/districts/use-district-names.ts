import { useMemo } from 'react';
import { indexTree } from './district-tree';
import { useDistrictTree } from './districts.api';

/** Names of districts by id, from the (cached) tree. */
export function useDistrictNames(): (id: number) => string {
  const tree = useDistrictTree();
  const index = useMemo(() => indexTree(tree.data ?? []), [tree.data]);
  return (id) => index.get(id)?.name ?? `#${id}`;
}
