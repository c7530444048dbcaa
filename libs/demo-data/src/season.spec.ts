import { addMonths, dayOf, historyWindow, isoDate, isoWeekNumber, isoWeekday, mondayOf } from './dates';
import { seasonFactor } from './season';

describe('dates', () => {
  it('should convert between ISO dates and epoch days', () => {
    expect(dayOf('1970-01-01')).toBe(0);
    expect(isoDate(dayOf('2026-02-17'))).toBe('2026-02-17');
    expect(isoWeekday(dayOf('2026-11-24'))).toBe(2); // a Tuesday
    expect(isoDate(mondayOf(dayOf('2026-11-29')))).toBe('2026-11-23');
  });

  it('should number ISO weeks', () => {
    expect(isoWeekNumber(dayOf('2026-01-01'))).toBe(1);
    expect(isoWeekNumber(dayOf('2026-12-31'))).toBe(53);
    expect(isoWeekNumber(dayOf('2025-12-29'))).toBe(1);
  });

  it('should build a window of whole months ending with the end month', () => {
    expect(addMonths('2026-10', -35)).toBe('2023-11');
    const w = historyWindow('2026-10', 36);
    expect(isoDate(w.startDay)).toBe('2023-11-01');
    expect(isoDate(w.endDay)).toBe('2026-10-31');
    expect(() => historyWindow('2026-13', 3)).toThrow(RangeError);
  });
});

describe('seasonFactor', () => {
  it('should peak in the weeks before Chinese New Year and dip in the holiday week', () => {
    // 2026: New Year on 17 February.
    expect(seasonFactor(dayOf('2026-02-05'))).toBeGreaterThan(2);
    expect(seasonFactor(dayOf('2026-02-18'))).toBeLessThan(0.5);
    // 2025: New Year on 29 January.
    expect(seasonFactor(dayOf('2025-01-20'))).toBeGreaterThan(2);
    expect(seasonFactor(dayOf('2025-02-05'))).toBeLessThan(0.8);
    expect(seasonFactor(dayOf('2025-05-14'))).toBe(1);
  });

  it('should dip in the National Day week and lull a little in summer', () => {
    expect(seasonFactor(dayOf('2025-10-02'))).toBeLessThan(0.7);
    expect(seasonFactor(dayOf('2025-07-15'))).toBeLessThan(1);
    expect(seasonFactor(dayOf('2025-09-20'))).toBeGreaterThan(1);
  });
});
