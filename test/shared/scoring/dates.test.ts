import { describe, expect, it } from 'vitest';
import { civilDayNumber, dayNumber, isoDateOf, monthsBefore } from '../../../shared/scoring/dates';

describe('calendar day numbers', () => {
  it('agree with the Date object on every day from 1600 to 2400', () => {
    const wrong: string[] = [];
    for (let day = Date.UTC(1600, 0, 1) / 86_400_000; day < Date.UTC(2400, 0, 1) / 86_400_000; day++) {
      const date = new Date(day * 86_400_000);
      if (civilDayNumber(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) !== day) wrong.push(isoDateOf(day));
    }
    expect(wrong).toEqual([]);
  });

  it('have no 30 February, and 29 February only in leap years', () => {
    expect(dayNumber('2026-02-30')).toBeNull();
    expect(dayNumber('2023-02-29')).toBeNull();
    expect(dayNumber('1900-02-29')).toBeNull();
    expect(dayNumber('2000-02-29')).toBe(11_016);
    expect(civilDayNumber(2026, 13, 1)).toBeNull();
    expect(civilDayNumber(2026, 4, 31)).toBeNull();
  });
});

describe('monthsBefore', () => {
  it('goes back calendar months, to the month’s last day when it is shorter', () => {
    expect(monthsBefore('2026-06-30', 6)).toBe('2025-12-30');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
    expect(monthsBefore('June', 1)).toBeNull();
  });
});
