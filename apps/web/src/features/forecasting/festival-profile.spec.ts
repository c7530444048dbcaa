import {
  festivalProfileChart,
  festivalProfileView,
  formatYears,
  weekLabel,
  type FestivalProfile,
} from './festival-profile';

const profile = (overrides: Partial<FestivalProfile> = {}): FestivalProfile => ({
  firstBin: -6,
  factors: [1, 1, 1, 1.1, 1.3, 2.0004, 0.6, 0.8, 0.9, 1, 1, 1, 1],
  years: [2025, 2024],
  ...overrides,
});

describe(festivalProfileChart.name, () => {
  it('should place each factor at its week from New Year, rounded for display', () => {
    const chart = festivalProfileChart(profile())!;
    expect(chart.bars.map((bar) => bar.week)).toEqual([-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6]);
    expect(chart.bars[5]).toEqual({ week: -1, factor: 2 });
  });

  it('should pick the week furthest from a normal one as the peak, a dip included', () => {
    expect(festivalProfileChart(profile())!.peak).toEqual({ week: -1, factor: 2 });
    expect(festivalProfileChart(profile({ factors: [1, 1.2, 0.5, 1] }))!.peak).toEqual({
      week: -4,
      factor: 0.5,
    });
  });

  it('should list the festival years in order', () => {
    expect(festivalProfileChart(profile())!.years).toEqual([2024, 2025]);
  });

  it('should give nothing to draw without a finite factor', () => {
    expect(festivalProfileChart(profile({ factors: [] }))).toBeNull();
    expect(festivalProfileChart(profile({ factors: [Number.NaN] }))).toBeNull();
  });
});

describe(festivalProfileView.name, () => {
  it('should show the profile when the run has one', () => {
    const view = festivalProfileView({ holidays: 'spring-festival', festivalProfile: profile() });
    expect(view.kind).toBe('profile');
  });

  it('should tell holidays off from too little daily history', () => {
    expect(festivalProfileView({ holidays: 'none', festivalProfile: null })).toEqual({ kind: 'holidaysOff' });
    expect(festivalProfileView({ holidays: 'spring-festival', festivalProfile: null })).toEqual({
      kind: 'tooLittleHistory',
    });
  });
});

describe(weekLabel.name, () => {
  it('should sign weeks before and after New Year', () => {
    expect([-6, -1, 0, 1, 6].map(weekLabel)).toEqual(['\u22126', '\u22121', '0', '+1', '+6']);
  });
});

describe(formatYears.name, () => {
  it('should join the years in each language', () => {
    expect(formatYears([2025], 'en')).toBe('2025');
    expect(formatYears([2024, 2025], 'en')).toBe('2024 and 2025');
    expect(formatYears([2023, 2024, 2025], 'zh-CN')).toBe('2023、2024和2025');
  });
});
