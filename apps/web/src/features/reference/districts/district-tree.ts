import type { Schemas } from '../../../shared/api/client';

type Node = Schemas['DistrictTreeNodeDto'];

export interface DistrictOption {
  value: number;
  title: string;
  /** Searchable text: name and code. */
  label: string;
  children?: DistrictOption[];
}

/** The tree in antd TreeSelect's shape. */
export function toTreeOptions(nodes: readonly Node[]): DistrictOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    label: `${node.name} ${node.code}`,
    ...(node.children.length > 0 ? { children: toTreeOptions(node.children) } : {}),
  }));
}

/** Every node by id, for names and levels of ids found elsewhere. */
export function indexTree(nodes: readonly Node[], into = new Map<number, Node>()): Map<number, Node> {
  for (const node of nodes) {
    into.set(node.id, node);
    indexTree(node.children, into);
  }
  return into;
}

/** The ids of every node that has children, to expand the whole tree. */
export function branchIds(nodes: readonly Node[]): number[] {
  return nodes.flatMap((node) => (node.children.length > 0 ? [node.id, ...branchIds(node.children)] : []));
}
