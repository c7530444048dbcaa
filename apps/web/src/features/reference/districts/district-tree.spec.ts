import { branchIds, indexTree, toTreeOptions } from './district-tree';

const tree = [
  {
    id: 1,
    code: 'C',
    name: '示范市',
    level: 'city' as const,
    marketType: null,
    children: [
      {
        id: 2,
        code: 'C01',
        name: '东区',
        level: 'county' as const,
        marketType: null,
        children: [
          {
            id: 4,
            code: 'C01-M01',
            name: '东区一部',
            level: 'market_area' as const,
            marketType: 'urban' as const,
            children: [],
          },
        ],
      },
      {
        id: 3,
        code: 'C02',
        name: '西县',
        level: 'county' as const,
        marketType: null,
        children: [],
      },
    ],
  },
];

describe(toTreeOptions.name, () => {
  it('should keep the nesting and make name and code searchable', () => {
    const [city] = toTreeOptions(tree);
    expect(city).toMatchObject({
      value: 1,
      title: '示范市',
      label: '示范市 C',
    });
    expect(city.children?.[0].children?.[0]).toEqual({
      value: 4,
      title: '东区一部',
      label: '东区一部 C01-M01',
    });
    expect(city.children?.[1]).not.toHaveProperty('children');
  });
});

describe(indexTree.name, () => {
  it('should find every node by id', () => {
    expect([...indexTree(tree).keys()].sort()).toEqual([1, 2, 3, 4]);
    expect(indexTree(tree).get(4)?.name).toBe('东区一部');
  });
});

describe(branchIds.name, () => {
  it('should list the nodes that have children', () => {
    expect(branchIds(tree)).toEqual([1, 2]);
  });
});
