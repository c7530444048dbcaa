import {
  canApprove,
  defaultRunMonth,
  formatDuration,
  pollInterval,
  runProgress,
  type ForecastRun,
} from './run-progress';

const run = (overrides: Partial<ForecastRun> = {}): ForecastRun => ({
  id: '6f1c1c9e-0000-4000-8000-000000000001',
  month: '2026-11',
  version: 1,
  state: 'running',
  horizon: 3,
  method: 'ensemble',
  holidays: 'spring-festival',
  districtIds: [],
  brandIds: [],
  engineVersion: '1.0.0',
  startedBy: 'user:admin',
  chunksTotal: 8,
  chunksDone: 3,
  retailersTotal: 100,
  seriesDone: 1200,
  percent: 37.5,
  seriesPerSecond: 5400,
  etaSeconds: 125,
  durationSeconds: null,
  error: null,
  festivalProfile: null,
  published: false,
  createdAt: '2026-11-01T00:00:00Z',
  startedAt: '2026-11-01T00:00:01Z',
  finishedAt: null,
  approvedAt: null,
  approvedBy: null,
  ...overrides,
});

describe(formatDuration.name, () => {
  it('should read as seconds, minutes or hours in each language', () => {
    expect(formatDuration(45, 'en')).toBe('45 s');
    expect(formatDuration(125, 'en')).toBe('2 min 05 s');
    expect(formatDuration(3725, 'en')).toBe('1 h 02 min');
    expect(formatDuration(45, 'zh-CN')).toBe('45秒');
    expect(formatDuration(125, 'zh-CN')).toBe('2分05秒');
    expect(formatDuration(3725, 'zh-CN')).toBe('1小时02分');
  });

  it('should show a dash when unknown and never round a running fraction to nothing', () => {
    expect(formatDuration(null, 'en')).toBe('—');
    expect(formatDuration(Number.NaN, 'zh-CN')).toBe('—');
    expect(formatDuration(0.2, 'en')).toBe('<1 s');
    expect(formatDuration(0, 'en')).toBe('0 s');
  });
});

describe(runProgress.name, () => {
  it('should show chunks, speed and ETA while running', () => {
    expect(runProgress(run())).toEqual({ percent: 37.5, chunks: '3/8', status: 'active', showSpeed: true });
  });

  it('should be full and green when completed, red when failed, no speed when not running', () => {
    expect(runProgress(run({ state: 'completed', percent: 100, chunksDone: 8 }))).toMatchObject({
      percent: 100,
      status: 'success',
      showSpeed: false,
    });
    expect(runProgress(run({ state: 'failed' })).status).toBe('exception');
    expect(runProgress(run({ state: 'queued', seriesPerSecond: null, etaSeconds: null })).showSpeed).toBe(
      false,
    );
  });
});

describe(pollInterval.name, () => {
  it('should poll every 2 s only while a run is queued or running', () => {
    expect(pollInterval([run({ state: 'completed' }), run({ state: 'queued' })])).toBe(2000);
    expect(pollInterval([run({ state: 'completed' }), run({ state: 'cancelled' })])).toBe(false);
    expect(pollInterval(undefined)).toBe(false);
  });
});

describe(canApprove.name, () => {
  it('should allow only an unpublished, completed run over the whole market', () => {
    expect(canApprove(run({ state: 'completed' }))).toBe(true);
    expect(canApprove(run({ state: 'completed', published: true }))).toBe(false);
    expect(canApprove(run({ state: 'completed', brandIds: [3] }))).toBe(false);
    expect(canApprove(run({ state: 'running' }))).toBe(false);
  });
});

describe(defaultRunMonth.name, () => {
  it('should start the month after the latest data', () => {
    expect(defaultRunMonth({ salesLatest: '2026-12', historyMonths: ['2026-10'] })).toBe('2027-01');
    expect(defaultRunMonth({ salesLatest: null, historyMonths: ['2026-09', '2026-10'] })).toBe('2026-11');
    expect(defaultRunMonth({ today: new Date(2026, 4, 20) })).toBe('2026-05');
  });
});
