/**
 * Small-group suppression for the aggregates manufacturers see.
 *
 * Primary: a cell covering fewer than `minGroupSize` distinct retailers is suppressed (figures null).
 *
 * Complementary: a "line" is a set of cells of one answer whose total another query can return (the cells
 * that differ only in one dimension: all months of a range, all counties, all market areas of a county or of
 * the city, all business types ...). Subtracting the line's shown cells from that total reveals the combined
 * figure of its suppressed cells. That combined figure is safe only if it covers at least `minGroupSize`
 * retailers, which is guaranteed when one of the suppressed cells alone covers that many (their retailers are a
 * superset of that cell's). So in every line that has a suppressed cell but none covering `minGroupSize`
 * retailers, the smallest shown cell is suppressed too; repeated until no line changes (a suppression can
 * open another line). A line whose cells are all suppressed reveals only its total, which is itself a cell of
 * the coarser query and suppressed there if it is small.
 */
export interface SuppressibleCell {
  /** Rows are always per brand: brand is never summed over, so it is part of every line. */
  brandId: number;
  /** Dimension values of the cell, one per grouped dimension. */
  dims: Record<string, string | null>;
  /** Distinct retailers behind the cell's figures. */
  retailers: number;
  suppressed: boolean;
}

/** For each grouped dimension, the groupings of its values whose totals can be asked for. */
export type LineParents = Record<string, Array<(cell: SuppressibleCell) => string | null>>;

export const WHOLE = () => '*';

export function suppressSmallGroups<T extends SuppressibleCell>(
  cells: T[],
  lineParents: LineParents,
  minGroupSize: number,
): T[] {
  for (const cell of cells) cell.suppressed = cell.retailers < minGroupSize;
  const dimensions = Object.keys(lineParents);
  const lines = new Map<string, T[]>();
  for (const cell of cells) {
    for (const dimension of dimensions) {
      const others = dimensions.filter((other) => other !== dimension).map((other) => cell.dims[other]);
      for (const [index, parent] of lineParents[dimension].entries()) {
        const key = JSON.stringify([cell.brandId, dimension, index, parent(cell), others]);
        const line = lines.get(key);
        if (line) line.push(cell);
        else lines.set(key, [cell]);
      }
    }
  }
  // With no grouped dimension there are no lines: each brand's single cell is its own total.
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines.values()) {
      const hidden = line.filter((cell) => cell.suppressed);
      if (!hidden.length || hidden.some((cell) => cell.retailers >= minGroupSize)) continue;
      const shown = line.filter((cell) => !cell.suppressed);
      if (!shown.length) continue;
      const smallest = shown.reduce((best, cell) =>
        cell.retailers < best.retailers ||
        (cell.retailers === best.retailers && JSON.stringify(cell.dims) < JSON.stringify(best.dims))
          ? cell
          : best,
      );
      smallest.suppressed = true;
      changed = true;
    }
  }
  return cells;
}
