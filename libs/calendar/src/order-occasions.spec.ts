import { orderOccasions } from './order-occasions';

describe('orderOccasions', () => {
  it('should count the order weekdays of a month', () => {
    // December 2025 starts on a Monday: five Mondays, Tuesdays and Wednesdays, four of the others.
    expect(orderOccasions(2025, 12, 1)).toBe(5);
    expect(orderOccasions(2025, 12, 3)).toBe(5);
    expect(orderOccasions(2025, 12, 4)).toBe(4);
    // February 2026 has exactly four of every weekday.
    for (let day = 1; day <= 7; day++) expect(orderOccasions(2026, 2, day)).toBe(4);
  });

  it('should split fortnightly retailers by ISO week parity', () => {
    // Mondays of March 2026: 2 (week 10), 9 (11), 16 (12), 23 (13), 30 (14).
    expect(orderOccasions(2026, 3, 1, 'fortnightly_even')).toBe(3);
    expect(orderOccasions(2026, 3, 1, 'fortnightly_odd')).toBe(2);
    expect(orderOccasions(2026, 3, 1, 'none')).toBe(5);
  });
});
