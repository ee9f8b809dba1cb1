import { describe, expect, it } from 'vitest';
import { readAmount } from '../../scripts/score/amount';

describe('amounts in a purchases file', () => {
  it('are read exactly in cents', () => {
    expect(['12.50', '-3', '+4.5', '0.07', ' 7.1 ', '.5', '1234567890123.99'].map((text) => readAmount(text))).toEqual(
      [1250, -300, 450, 7, 710, 50, 123456789012399].map((cents) => ({ ok: true, cents })),
    );
  });

  it.each([
    ['0x1A', 'amount "0x1A" is hexadecimal: write amounts as decimal numbers (0x1A is 26)'],
    ['12,50', 'amount "12,50" has a decimal comma: write a decimal point, like 12.50'],
    ['1.234,56', 'amount "1.234,56" has thousands separators: write 1234.56'],
    ['1,234.56', 'amount "1,234.56" has thousands separators: write 1234.56'],
    ['1 234,56', 'amount "1 234,56" has thousands separators: write 1234.56'],
    ['$12.50', 'amount "$12.50" has a currency sign or unit: write only the number, like 12.50'],
    ['12.50 EUR', 'amount "12.50 EUR" has a currency sign or unit: write only the number, like 12.50'],
    ['(12.50)', 'amount "(12.50)" is in parentheses: write a refund with a minus sign, like -12.50'],
    ['1e3', 'amount "1e3" is in exponent notation: write it out, like 1000.00'],
    ['12.345', 'amount "12.345" has more than two decimals: amounts are counted in whole cents (round it; if the dot separates thousands, leave it out)'],
    ['99999999999999.99', 'amount "99999999999999.99" is too large to count in cents exactly'],
    ['twelve', 'amount "twelve" is not a number'],
    ['', 'amount "" is empty'],
  ])('%j is explained', (text, problem) => {
    expect(readAmount(text)).toEqual({ ok: false, problem });
  });
});
