import { describe, expect, it } from 'vitest';
import { cellToTyped, displayText, typeText } from '../../../apps-script/local/cell-text';

describe('typing into a cell, as Google Sheets reads it', () => {
  it('keeps text after a leading apostrophe literally, without the apostrophe', () => {
    expect(typeText("'+4915112345678")).toEqual({ value: '+4915112345678' });
    expect(typeText("'=1+1")).toEqual({ value: '=1+1' });
    expect(typeText("'TRUE")).toEqual({ value: 'TRUE' });
  });

  it('stores a leading = as a formula whose value is not computed', () => {
    expect(typeText('=SUM(A1:A3)')).toEqual({ value: '', formula: '=SUM(A1:A3)' });
    expect(typeText('=')).toEqual({ value: '=' });
  });

  it('turns number-looking text into numbers, losing leading zeros and plus signs', () => {
    expect(typeText('42')).toEqual({ value: 42 });
    expect(typeText('-3.5')).toEqual({ value: -3.5 });
    expect(typeText('+4915112345678')).toEqual({ value: 4915112345678 });
    expect(typeText('007')).toEqual({ value: 7 });
    expect(typeText('1e3')).toEqual({ value: 1000 });
    expect(typeText('1,234.5')).toEqual({ value: 1234.5 });
    expect(typeText('50%')).toEqual({ value: 0.5 });
  });

  it('turns TRUE/FALSE in any case into booleans', () => {
    expect(typeText('true')).toEqual({ value: true });
    expect(typeText('False')).toEqual({ value: false });
  });

  it('turns ISO dates into UTC dates but leaves impossible dates and ISO timestamps as text', () => {
    expect(typeText('2024-03-05')).toEqual({ value: new Date(Date.UTC(2024, 2, 5)) });
    expect(typeText('2024-03-05 14:30')).toEqual({ value: new Date(Date.UTC(2024, 2, 5, 14, 30)) });
    expect(typeText('2024-02-30')).toEqual({ value: '2024-02-30' });
    expect(typeText('2024-03-05T14:30:00.000Z')).toEqual({ value: '2024-03-05T14:30:00.000Z' });
  });

  it('leaves other text alone, and everything in a plain-text cell', () => {
    expect(typeText('Ann Example <ann@example.com>')).toEqual({ value: 'Ann Example <ann@example.com>' });
    expect(typeText('1.2.3')).toEqual({ value: '1.2.3' });
    expect(typeText('+4915112345678', true)).toEqual({ value: '+4915112345678' });
    expect(typeText('=HYPERLINK("x")', true)).toEqual({ value: '=HYPERLINK("x")' });
  });
});

describe('the text a person would type to get a cell back', () => {
  const samples = ['42', 'true', "'quoted", '=A1', '2024-03-05', 'plain', '+49 151 1234', '007', '', ' 12'];
  it.each(samples)('retyping the saved form of typed text %j gives the same cell', (text) => {
    const cell = typeText(text.startsWith('=') ? text : `'${text}`);
    const saved = cellToTyped(cell);
    const again = typeof saved === 'string' ? typeText(saved) : { value: saved };
    expect(again).toEqual(cell);
  });

  it('quotes literal text that would be read as something else, and only that', () => {
    expect(cellToTyped({ value: '007' })).toBe("'007");
    expect(cellToTyped({ value: '=not a formula' })).toBe("'=not a formula");
    expect(cellToTyped({ value: "'" })).toBe("''");
    expect(cellToTyped({ value: 'Ann' })).toBe('Ann');
    expect(cellToTyped({ value: 7 })).toBe(7);
    expect(cellToTyped({ value: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 600)) })).toBe('2024-01-02 03:04:05.600');
  });

  it('displays booleans and dates like the sheet, and formulas as empty', () => {
    expect(displayText({ value: true })).toBe('TRUE');
    expect(displayText({ value: new Date(Date.UTC(2024, 0, 2)) })).toBe('2024-01-02');
    expect(displayText({ value: '', formula: '=1+1' })).toBe('');
  });
});
