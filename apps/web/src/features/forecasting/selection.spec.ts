import {
  readAccuracySelection,
  readChartSelection,
  readRunsFilter,
  retailerChartPath,
  toSeriesQuery,
  writeAccuracySelection,
  writeChartSelection,
  type ChartSelection,
} from './selection';
import { writeParams } from '../../shared/list-params';

const RUN = '6f1c1c9e-0000-4000-8000-000000000001';
const params = (text: string) => new URLSearchParams(text);

describe('chart selection in the URL', () => {
  it('should round-trip every level', () => {
    const selections: ChartSelection[] = [
      { level: 'company' },
      { level: 'brand', brandId: 7 },
      { level: 'district', id: 3, brandId: 7 },
      { level: 'retailer', id: 42, runId: RUN },
    ];
    for (const selection of selections) {
      expect(readChartSelection(writeChartSelection(selection))).toEqual(selection);
    }
  });

  it('should keep the URL short: the company level and absent values are left out', () => {
    expect(writeChartSelection({ level: 'company' }).toString()).toBe('');
    expect(writeChartSelection({ level: 'company', id: 5 }).toString()).toBe('');
    expect(writeChartSelection({ level: 'retailer', id: 42 }).toString()).toBe('level=retailer&id=42');
  });

  it('should ignore what is not valid', () => {
    expect(readChartSelection(params('level=planet&id=x&brand=-1&run=abc'))).toEqual({ level: 'company' });
    expect(readChartSelection(params(`level=retailer&id=9&run=${RUN.toUpperCase()}`))).toEqual({
      level: 'retailer',
      id: 9,
      runId: RUN,
    });
  });

  it('should say what is missing before the series can be asked for', () => {
    expect(toSeriesQuery({ level: 'retailer' })).toEqual({ missing: 'id' });
    expect(toSeriesQuery({ level: 'brand' })).toEqual({ missing: 'brand' });
    expect(toSeriesQuery({ level: 'district', id: 3, brandId: 7, runId: RUN })).toEqual({
      query: { level: 'district', id: 3, brandId: 7, runId: RUN },
    });
    expect(toSeriesQuery({ level: 'company', id: 3 })).toEqual({ query: { level: 'company' } });
  });

  it('should link a retailer profile to its chart', () => {
    expect(retailerChartPath(42)).toBe('/forecasting/chart?level=retailer&id=42');
  });
});

describe('accuracy and runs selections in the URL', () => {
  it('should round-trip period and run', () => {
    const selection = { period: '2026-10', runId: RUN };
    expect(readAccuracySelection(writeAccuracySelection(selection))).toEqual(selection);
    expect(readAccuracySelection(params('period=2026-13'))).toEqual({});
  });

  it('should round-trip the runs filter through the list URL and drop page 1', () => {
    const filter = { page: 2, month: '2026-11', state: 'running' as const };
    expect(readRunsFilter(writeParams(filter))).toEqual(filter);
    expect(writeParams({ page: 1 }).toString()).toBe('');
    expect(readRunsFilter(params('state=done&page=0&month=2026-13'))).toEqual({ page: 1 });
  });
});
