import { suppressSmallGroups, WHOLE, type SuppressibleCell } from './suppression';

const cell = (county: string, retailers: number, month = '2026-09'): SuppressibleCell => ({
  brandId: 1,
  dims: { district: county, MONTH: month },
  retailers,
  suppressed: false,
});

describe('suppressSmallGroups', () => {
  it('should suppress small cells and the smallest complement in their line', () => {
    const cells = [cell('A', 6), cell('B', 2), cell('C', 7)];
    suppressSmallGroups(cells, { district: [WHOLE] }, 5);
    expect(cells.map((c) => c.suppressed)).toEqual([true, true, false]);
  });

  it('should need no complement when the suppressed cells already include a large one', () => {
    const cells = [cell('A', 6), cell('B', 2), cell('C', 7), cell('D', 3)];
    suppressSmallGroups(cells, { district: [WHOLE] }, 5);
    // B and D are suppressed (2 + 3 retailers): their sum is still small, so A (6) is suppressed too.
    expect(cells.map((c) => c.suppressed)).toEqual([true, true, false, true]);
  });

  it('should follow suppressions across dimensions until every line is safe', () => {
    const cells = [
      cell('A', 2, '2026-09'),
      cell('B', 9, '2026-09'),
      cell('A', 8, '2026-10'),
      cell('B', 9, '2026-10'),
    ];
    suppressSmallGroups(cells, { district: [WHOLE], MONTH: [WHOLE] }, 5);
    // (A, Sep) small → (B, Sep) in the September line and (A, Oct) in A's line; (A, Oct) opens October's line,
    // whose shown (B, Oct) is then needed only if no large cell is suppressed there: (A, Oct) is large.
    expect(cells.map((c) => c.suppressed)).toEqual([true, true, true, false]);
  });

  it('should leave a line alone when all its cells are hidden or none is', () => {
    const cells = [cell('A', 1), cell('B', 2)];
    suppressSmallGroups(cells, { district: [WHOLE] }, 5);
    expect(cells.map((c) => c.suppressed)).toEqual([true, true]);
    const large = [cell('A', 10), cell('B', 20)];
    suppressSmallGroups(large, { district: [WHOLE] }, 5);
    expect(large.map((c) => c.suppressed)).toEqual([false, false]);
  });
});
