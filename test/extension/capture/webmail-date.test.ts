import { describe, expect, it } from 'vitest';
import { isDayFirstLanguage, parseWebmailDate } from '../../../extension/capture/webmail-date';

// Webmail shows local time; the reader turns it into an instant in the same time zone.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

describe('parseWebmailDate', () => {
  it.each([
    ['Tue, Jul 28, 2026, 4:12 PM', {}, local(2026, 7, 28, 16, 12)],
    ['Jul 29, 2026, 12:05 AM', {}, local(2026, 7, 29, 0, 5)],
    ['Mi., 29. Juli 2026, 09:14', {}, local(2026, 7, 29, 9, 14)],
    ['29 juil. 2026, 09:00', {}, local(2026, 7, 29, 9, 0)],
    ['mar., 3 mar 2026, 18:30', {}, local(2026, 3, 3, 18, 30)],
    ['3 Sept 2026, 10:00', {}, local(2026, 9, 3, 10, 0)],
    ['Fri 7/31/2026 8:23 AM', {}, local(2026, 7, 31, 8, 23)],
    ['Mi 04.03.2026 14:05', {}, local(2026, 3, 4, 14, 5)],
    ['04/08/2026, 16:20', { dayFirst: true }, local(2026, 8, 4, 16, 20)],
    ['04/08/2026, 16:20', { dayFirst: false }, local(2026, 4, 8, 16, 20)],
    ['2026-04-10 08:23', {}, local(2026, 4, 10, 8, 23)],
    ['2026年7月29日 9:00', {}, local(2026, 7, 29, 9, 0)],
  ])('reads %s', (text, options, expected) => {
    expect(parseWebmailDate(text, options).iso).toBe(expected);
  });

  it.each(['', '9:00 AM (2 hours ago)', 'yesterday', '31 Feb 2026', '2026-13-01', 'x'.repeat(10_000)])('gives up on %s', (text) => {
    expect(parseWebmailDate(text).iso).toBe('');
  });
});

describe('isDayFirstLanguage', () => {
  it('reads only US-style English as month first', () => {
    expect(isDayFirstLanguage('en-US')).toBe(false);
    expect(isDayFirstLanguage('en')).toBe(false);
    expect(isDayFirstLanguage('en-GB')).toBe(true);
    expect(isDayFirstLanguage('de')).toBe(true);
  });
});
