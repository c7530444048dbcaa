import { buildForecastChart, type ForecastSeries } from './forecast-chart';

const series = (overrides: Partial<ForecastSeries> = {}): ForecastSeries => ({
  runId: '6f1c1c9e-0000-4000-8000-000000000001',
  historyMonths: ['2026-08', '2026-09', '2026-10'],
  actual: [10, 12, 11],
  forecastMonths: ['2026-11', '2026-12'],
  mean: [12, 13],
  lo80: [10, 10],
  hi80: [14, 16],
  lo95: [9, 8],
  hi95: [15, 18],
  ...overrides,
});

describe(buildForecastChart.name, () => {
  it('should lay history then forecast on one axis with the marker at the first forecast month', () => {
    const chart = buildForecastChart(series());
    expect(chart.months).toEqual(['2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(chart.actual).toEqual([10, 12, 11, null, null]);
    expect(chart.forecastStart).toBe('2026-11');
    expect(chart.forecastIndex).toBe(3);
    expect(chart.hasForecast).toBe(true);
  });

  it('should join the mean to the last actual', () => {
    expect(buildForecastChart(series()).mean).toEqual([null, null, 11, 12, 13]);
  });

  it('should stack the band widths on the 95 % lower bound so each strip spans its bounds', () => {
    const { bands } = buildForecastChart(series());
    expect(bands.base).toEqual([null, null, 11, 9, 8]);
    expect(bands.lower95).toEqual([null, null, 0, 1, 2]);
    expect(bands.band80).toEqual([null, null, 0, 4, 6]);
    expect(bands.upper95).toEqual([null, null, 0, 1, 2]);
    // The stack adds up to the bounds: base + lower95 = lo80, + band80 = hi80, + upper95 = hi95.
    const at = 4;
    expect(bands.base[at]! + bands.lower95[at]!).toBe(8 + 2);
    expect(bands.base[at]! + bands.lower95[at]! + bands.band80[at]!).toBe(16);
    expect(bands.base[at]! + bands.lower95[at]! + bands.band80[at]! + bands.upper95[at]!).toBe(18);
  });

  it('should never draw a negative width or a negative bound', () => {
    const chart = buildForecastChart(
      series({ forecastMonths: ['2026-11'], mean: [1], lo80: [-2], hi80: [0.5], lo95: [-3], hi95: [3] }),
    );
    expect(chart.rows).toEqual([{ month: '2026-11', mean: 1, lo80: 0, hi80: 1, lo95: 0, hi95: 3 }]);
    expect(chart.bands.lower95[3]).toBe(0);
    expect(chart.bands.band80[3]).toBe(1);
    expect(chart.bands.upper95[3]).toBe(2);
  });

  it('should show history alone when there is no forecast', () => {
    const chart = buildForecastChart(
      series({ runId: null, forecastMonths: [], mean: [], lo80: [], hi80: [], lo95: [], hi95: [] }),
    );
    expect(chart.hasForecast).toBe(false);
    expect(chart.forecastStart).toBeNull();
    expect(chart.mean).toEqual([null, null, null]);
    expect(chart.bands.base).toEqual([null, null, null]);
    expect(chart.hasHistory).toBe(true);
  });
});
