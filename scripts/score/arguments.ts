import { parseArgs } from 'node:util';
import { dayNumber } from '../../shared/scoring/dates';

export const usage =
  'usage: score <transactions.csv> --calibration-end YYYY-MM-DD [--holdout-end YYYY-MM-DD] [--out scores.csv] [--json] [--horizon-months N] [--annual-discount-rate R]';

export interface ScoreArguments {
  file: string;
  calibrationEnd: string;
  /** fit up to the calibration end and compare its predictions with the purchases up to this day */
  holdoutEnd: string | null;
  out: string | null;
  json: boolean;
  horizonMonths: number;
  annualDiscountRate: number;
}

export type ParsedArguments = { ok: true; args: ScoreArguments } | { ok: false; errors: string[] };

const plainDecimal = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** A number as an analyst types it, or why it is not one. */
function numberIn(name: string, text: string): number | string {
  const value = text.trim();
  if (plainDecimal.test(value)) return Number(value);
  if (/^[+-]?0x[0-9a-f]+$/i.test(value)) return `--${name} must be a decimal number, got "${text}" (hexadecimal)`;
  if (/^[+-]?\d+,\d+$/.test(value)) return `--${name} must be written with a decimal point, got "${text}": write ${value.replace(',', '.')}`;
  if (/^[+-]?[\d.]+%$/.test(value)) return `--${name} must be a fraction, got "${text}": write ${Number(value.slice(0, -1)) / 100}`;
  return `--${name} must be a number, got "${text}"`;
}

function horizonMonths(text: string | undefined): number | string {
  if (text === undefined) return 12;
  const value = numberIn('horizon-months', text);
  if (typeof value === 'string') return value;
  if (!Number.isInteger(value)) return `--horizon-months must be a whole number of months, got ${text}`;
  if (value < 1 || value > 600) return `--horizon-months must be from 1 to 600 months, got ${text}`;
  return value;
}

function annualDiscountRate(text: string | undefined): number | string {
  if (text === undefined) return 0.1;
  const value = numberIn('annual-discount-rate', text);
  if (typeof value === 'string') return value;
  if (value < 0) return `--annual-discount-rate cannot be negative, got ${text}`;
  if (value > 1) {
    const hint = value <= 100 ? ` (for ${value} % a year write ${value / 100})` : '';
    return `--annual-discount-rate must be a fraction from 0 to 1 (0.1 is 10 % a year), got ${text}${hint}`;
  }
  return value;
}

function date(name: string, text: string | undefined): string | null | Error {
  if (text === undefined) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && dayNumber(text) !== null ? text : new Error(`--${name} must be a date written YYYY-MM-DD, got "${text}"`);
}

const options = {
  'calibration-end': { type: 'string' },
  'holdout-end': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  'horizon-months': { type: 'string' },
  'annual-discount-rate': { type: 'string' },
} as const;

/**
 * `--horizon-months -5` as `--horizon-months=-5`: a negative number after an option that takes a
 * value is that value (node's parser would call it ambiguous), so the message can say what is wrong with it.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : '';
    const takesValue = name in options && options[name as keyof typeof options].type === 'string';
    if (takesValue && /^-[\d.]/.test(argv[i + 1] ?? '')) joined.push(`${argv[i]}=${argv[++i]}`);
    else joined.push(argv[i]);
  }
  return joined;
}

function unknownOption(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /Unknown option '(--?[^']+)'/.exec(message)?.[1];
  if (!option) return message;
  const close = Object.keys(options).filter((name) => name.startsWith(option.replace(/^-+/, '')));
  return `unknown option ${option}${close.length > 0 ? ` (did you mean ${close.map((name) => `--${name}`).join(' or ')}?)` : ''}`;
}

/** The command line, every option checked: one clear message per bad argument. */
export function parseScoreArguments(argv: readonly string[]): ParsedArguments {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv), allowPositionals: true, options });
  } catch (error) {
    return { ok: false, errors: [unknownOption(error)] };
  }
  const { values, positionals } = parsed;
  const errors: string[] = [];
  if (positionals.length !== 1) errors.push(`give exactly one transactions CSV file, got ${positionals.length}`);
  const calibrationEnd = date('calibration-end', values['calibration-end']);
  if (calibrationEnd === null) errors.push('--calibration-end is required');
  if (calibrationEnd instanceof Error) errors.push(calibrationEnd.message);
  const holdoutEnd = date('holdout-end', values['holdout-end']);
  if (holdoutEnd instanceof Error) errors.push(holdoutEnd.message);
  else if (holdoutEnd !== null && typeof calibrationEnd === 'string' && holdoutEnd <= calibrationEnd) {
    errors.push(`--holdout-end must be after --calibration-end ${calibrationEnd}, got ${holdoutEnd}`);
  }
  const horizon = horizonMonths(values['horizon-months']);
  if (typeof horizon === 'string') errors.push(horizon);
  const rate = annualDiscountRate(values['annual-discount-rate']);
  if (typeof rate === 'string') errors.push(rate);
  if (values.out === '') errors.push('--out needs a file name');

  if (errors.length > 0 || typeof calibrationEnd !== 'string' || holdoutEnd instanceof Error || typeof horizon !== 'number' || typeof rate !== 'number') {
    return { ok: false, errors };
  }
  return {
    ok: true,
    args: {
      file: positionals[0],
      calibrationEnd,
      holdoutEnd,
      out: values.out ?? null,
      json: values.json ?? false,
      horizonMonths: horizon,
      annualDiscountRate: rate,
    },
  };
}
