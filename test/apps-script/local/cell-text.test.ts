import { describe, expect, it } from 'vitest';
import { cellToTyped, displayText, typeText, type Typing } from '../../../apps-script/local/cell-text';
import { zoneWallClock } from '../../../shared/calendar';

const typingIn = (zone: string): Typing => ({ clock: zoneWallClock(zone), now: () => new Date('2026-12-01T12:00:00Z') });
const utc = typingIn('Etc/UTC');
const berlin = typingIn('Europe/Berlin');
const type = (text: string, plain = false) => typeText(text, utc, plain);

describe('what the sheet stores when a person types', () => {
  it('keeps text after a leading apostrophe literally', () => {
    expect(type("'+4915112345678")).toEqual({ value: '+4915112345678' });
    expect(type("'=1+1")).toEqual({ value: '=1+1' });
    expect(type("'TRUE")).toEqual({ value: 'TRUE' });
  });

  it('makes formulas of a leading =', () => {
    expect(type('=SUM(A1:A3)')).toEqual({ value: '', formula: '=SUM(A1:A3)' });
    expect(type('=')).toEqual({ value: '=' });
  });

  it('types numbers, percentages and currency amounts the way Sheets does', () => {
    expect(type('42')).toEqual({ value: 42 });
    expect(type('-3.5')).toEqual({ value: -3.5 });
    expect(type('+4915112345678')).toEqual({ value: 4915112345678 });
    expect(type('007')).toEqual({ value: 7 });
    expect(type('1e3')).toEqual({ value: 1000 });
    expect(type('1,234.5')).toEqual({ value: 1234.5 });
    expect(type('50%')).toEqual({ value: 0.5 });
    expect(type('$100')).toEqual({ value: 100 });
    expect(type('-$3.50')).toEqual({ value: -3.5 });
    expect(type('5 €')).toEqual({ value: 5 });
  });

  it('keeps a number too large for a double as the text typed', () => {
    expect(type('1e400')).toEqual({ value: '1e400' });
  });

  it('types booleans in any case', () => {
    expect(type('true')).toEqual({ value: true });
    expect(type('False')).toEqual({ value: false });
  });

  it('reads dates, date-times and times of day in the spreadsheet’s time zone', () => {
    expect(type('2024-03-05')).toEqual({ value: new Date(Date.UTC(2024, 2, 5)) });
    expect(typeText('2024-03-05', berlin)).toEqual({ value: new Date('2024-03-04T23:00:00Z') });
    expect(typeText('2024-07-05 14:30', berlin)).toEqual({ value: new Date('2024-07-05T12:30:00Z') });
    expect(type('1/2/2024')).toEqual({ value: new Date(Date.UTC(2024, 0, 2)) });
    expect(type('Jan 5')).toEqual({ value: new Date(Date.UTC(2026, 0, 5)) });
    expect(type('5 March 2024')).toEqual({ value: new Date(Date.UTC(2024, 2, 5)) });
    expect(type('12:30')).toEqual({ value: new Date(Date.UTC(1899, 11, 30, 12, 30)) });
    expect(type('2:30 PM')).toEqual({ value: new Date(Date.UTC(1899, 11, 30, 14, 30)) });
  });

  it('leaves impossible dates and other text as text', () => {
    expect(type('2024-02-30')).toEqual({ value: '2024-02-30' });
    expect(type('2024-03-05T14:30:00.000Z')).toEqual({ value: '2024-03-05T14:30:00.000Z' });
    expect(type('Ann Example <ann@example.com>')).toEqual({ value: 'Ann Example <ann@example.com>' });
    expect(type('1.2.3')).toEqual({ value: '1.2.3' });
    expect(type('January')).toEqual({ value: 'January' });
  });

  it('stores what is typed into a plain-text cell as it is', () => {
    expect(type('+4915112345678', true)).toEqual({ value: '+4915112345678' });
    expect(type('=HYPERLINK("x")', true)).toEqual({ value: '=HYPERLINK("x")' });
    expect(type('Jan 5', true)).toEqual({ value: 'Jan 5' });
  });
});

describe('the text a person would type to get a cell back', () => {
  const samples = ['42', 'true', "'quoted", '=A1', '2024-03-05', 'plain', '+49 151 1234', '007', '', ' 12', 'Jan 5', '$5', '12:30'];
  it.each(samples)('retyping the saved form of typed text %j gives the same cell, in any zone', (text) => {
    for (const typing of [utc, berlin, typingIn('America/Los_Angeles')]) {
      const cell = typeText(text.startsWith('=') ? text : `'${text}`, typing);
      const saved = cellToTyped(cell, typing);
      const again = typeof saved === 'string' ? typeText(saved, typing) : { value: saved };
      expect(again).toEqual(cell);
    }
  });

  it('quotes literal text that would be read as something else, and only that', () => {
    expect(cellToTyped({ value: '007' }, utc)).toBe("'007");
    expect(cellToTyped({ value: '=not a formula' }, utc)).toBe("'=not a formula");
    expect(cellToTyped({ value: "'" }, utc)).toBe("''");
    expect(cellToTyped({ value: 'Jan 5' }, utc)).toBe("'Jan 5");
    expect(cellToTyped({ value: 'Ann' }, utc)).toBe('Ann');
    expect(cellToTyped({ value: 7 }, utc)).toBe(7);
    expect(cellToTyped({ value: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 600)) }, utc)).toBe('2024-01-02 03:04:05.600');
    expect(cellToTyped({ value: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 600)) }, berlin)).toBe('2024-01-02 04:04:05.600');
  });

  it('displays booleans and dates like the sheet', () => {
    expect(displayText({ value: true }, utc.clock)).toBe('TRUE');
    expect(displayText({ value: new Date(Date.UTC(2024, 0, 2)) }, utc.clock)).toBe('2024-01-02');
  });
});
