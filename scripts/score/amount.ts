/**
 * An amount as written in a purchases file, read exactly into cents, or why it cannot be: the
 * analyst learns what to change (a decimal comma, thousands separators, a currency sign…) rather
 * than having "0x1A" read as 26 or "1.234,50" as 1.234.
 */
export type AmountReading = { ok: true; cents: number } | { ok: false; problem: string };

const decimal = /^([+-]?)(\d+|(?=\.\d))(?:\.(\d{1,2}))?$/;
/** 15 digits of cents stay exact in a double. */
const MAX_DIGITS = 13;

export function readAmount(text: string): AmountReading {
  const value = text.trim();
  const quoted = `amount "${text}"`;
  const match = decimal.exec(value);
  if (match) {
    const [, sign, whole, fraction = ''] = match;
    if (whole.replace(/^0+/, '').length > MAX_DIGITS) return { ok: false, problem: `${quoted} is too large to count in cents exactly` };
    const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
    return { ok: true, cents: sign === '-' ? -cents : cents };
  }
  return { ok: false, problem: `${quoted} ${whyNotAnAmount(value)}` };
}

function whyNotAnAmount(value: string): string {
  if (value === '') return 'is empty';
  if (/^[+-]?0x[0-9a-f]+$/i.test(value)) return `is hexadecimal: write amounts as decimal numbers (${value} is ${Number.parseInt(value, 16)})`;
  if (/^\(\s*[\d.,]+\s*\)$/.test(value)) return `is in parentheses: write a refund with a minus sign, like -${value.replace(/[()\s]/g, '')}`;
  if (/^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(value)) return `is in exponent notation: write it out, like ${Number(value).toFixed(2)}`;
  if (/^[+-]?\d+\.\d{3,}$/.test(value)) {
    return 'has more than two decimals: amounts are counted in whole cents (round it; if the dot separates thousands, leave it out)';
  }
  if (/^[+-]?\d+,\d{1,2}$/.test(value)) return `has a decimal comma: write a decimal point, like ${value.replace(',', '.')}`;
  const grouped = /^([+-]?)(\d{1,3}(?:([.,\s'’\u00a0])\d{3})+)(?:([.,])(\d{1,2}))?$/.exec(value);
  if (grouped && grouped[3] !== grouped[4]) {
    const plain = `${grouped[1]}${grouped[2].replace(/\D/g, '')}${grouped[5] ? `.${grouped[5]}` : ''}`;
    return `has thousands separators: write ${plain}`;
  }
  if (/^[^\d+-]*[+-]?[\d.,]+[^\d]*$/.test(value) && /[^\d.,+\s-]/.test(value)) {
    return `has a currency sign or unit: write only the number${/^[^\d]*[+-]?\d+(\.\d{1,2})?[^\d]*$/.test(value) ? `, like ${value.replace(/[^\d.+-]/g, '')}` : ''}`;
  }
  return 'is not a number';
}
