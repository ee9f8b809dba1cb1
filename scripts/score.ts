import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { dayNumber } from '../shared/scoring/dates';
import { scoreCustomers, type CustomerScore, type ScoringResult } from '../shared/scoring/score-customers';
import type { Transaction } from '../shared/scoring/summary';

/**
 * Analyst CLI: scores customers from a CSV of purchases.
 *
 *   npx tsx scripts/score.ts <transactions.csv> --calibration-end YYYY-MM-DD [--out scores.csv] [--json]
 *        [--horizon-months 12] [--annual-discount-rate 0.1]
 *
 * The CSV has rows `customer_id,date,amount` (a header row is allowed; dates YYYY-MM-DD or
 * YYYYMMDD). Prints the fitted BG/NBD and Gamma-Gamma parameters (with --json: one JSON object on
 * stdout) and writes one row of scores per customer with --out. A file with bad rows is rejected
 * whole: every bad line is reported on stderr, the exit code is 1, and no output file is written.
 * Exit code 2: wrong command-line usage.
 */

const usage =
  'usage: score <transactions.csv> --calibration-end YYYY-MM-DD [--out scores.csv] [--json] [--horizon-months N] [--annual-discount-rate R]';
const MAX_REPORTED_ERRORS = 20;

type Parsed = { ok: true; transactions: Transaction[] } | { ok: false; errors: string[] };

/** '19970101' or '1997-01-01' → '1997-01-01'; null when not a real date. */
function isoDate(text: string): string | null {
  const iso = /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : text;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && dayNumber(iso) !== null ? iso : null;
}

/** Reads `customer_id,date,amount` rows; errors name the line they are on. */
function parseTransactions(text: string): Parsed {
  const transactions: Transaction[] = [];
  const errors: string[] = [];
  let lineOfRowStart = 1;
  let consumed = 0;
  let firstRow = true;
  Papa.parse<string[]>(text, {
    step: ({ data: fields, errors: rowErrors, meta }) => {
      // Lines are counted from the parser's position, so quoted fields with line breaks cannot skew them.
      const line = lineOfRowStart;
      const end = meta.cursor;
      for (let i = consumed; i < end; i++) if (text.charCodeAt(i) === 10) lineOfRowStart++;
      consumed = end;
      if (fields.length === 1 && fields[0].trim() === '') return; // blank line
      const isFirstRow = firstRow;
      firstRow = false;
      if (rowErrors.length > 0) {
        errors.push(`line ${line}: ${rowErrors.map((e) => e.message).join('; ')}`);
        return;
      }
      if (fields.length !== 3) {
        errors.push(`line ${line}: expected 3 fields customer_id,date,amount, found ${fields.length}`);
        return;
      }
      const [id, dateText, amountText] = fields.map((field) => field.trim());
      const date = isoDate(dateText);
      const amount = amountText === '' ? Number.NaN : Number(amountText);
      // A first row with neither a date nor an amount is a header.
      if (isFirstRow && date === null && Number.isNaN(amount)) return;
      const problems = [
        id === '' ? 'customer id is empty' : '',
        date === null ? `date "${dateText}" is not a YYYY-MM-DD or YYYYMMDD date` : '',
        !Number.isFinite(amount) ? `amount "${amountText}" is not a number` : '',
      ].filter(Boolean);
      if (problems.length > 0) errors.push(`line ${line}: ${problems.join('; ')}`);
      else transactions.push({ customerId: id, date: date!, amount });
    },
  });
  if (errors.length === 0 && transactions.length === 0) errors.push('no transactions in the file');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, transactions };
}

const round = (value: number | null, digits: number) => (value === null ? '' : Number(value.toFixed(digits)));

function scoresCsv(customers: readonly CustomerScore[]): string {
  const rows = customers.map((c) => ({
    customer_id: c.customerId,
    x: c.x,
    t_x: round(c.t_x, 4),
    T: round(c.T, 4),
    zbar: round(c.zbar, 2),
    revenue: round(c.revenue, 2),
    purchase_days: c.purchaseDays,
    monetary_mean: round(c.monetaryMean, 2),
    first_purchase: c.firstPurchase,
    last_purchase: c.lastPurchase,
    days_since_last_purchase: c.daysSinceLastPurchase,
    recency_score: c.recencyScore,
    frequency_score: c.frequencyScore,
    monetary_score: c.monetaryScore,
    rfm_score: c.rfmScore,
    rfm_segment: c.rfmSegment,
    value_class: c.valueClass,
    expected_purchases: round(c.expectedPurchases, 4),
    p_alive: round(c.pAlive, 4),
    expected_spend: round(c.expectedSpend, 2),
    clv: round(c.clv, 2),
    overdue: c.overdue,
    at_risk: c.atRisk,
  }));
  // escapeFormulae: a customer id like "=HYPERLINK(...)" must stay text when the file is opened in a spreadsheet.
  return `${Papa.unparse(rows, { escapeFormulae: true, newline: '\n' })}\n`;
}

type Ok = Extract<ScoringResult, { ok: true }>;

function parameters(result: Ok) {
  const { bgnbd, gammaGamma } = result.params;
  return {
    bgnbd: bgnbd.ok ? { ...bgnbd.params, logLikelihood: bgnbd.logLikelihood } : { error: bgnbd.reason },
    gammaGamma: gammaGamma.ok ? { ...gammaGamma.params } : { error: gammaGamma.reason },
  };
}

const show = (values: Record<string, unknown>) =>
  `{${Object.entries(values)
    .map(([name, value]) => `${name}: ${typeof value === 'number' ? Number(value.toPrecision(6)) : String(value)}`)
    .join(', ')}}`;

/** Writes the whole file or nothing: a crash half-way must not leave a truncated scores file. */
function writeAtomically(path: string, content: string) {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function numberOption(value: string | undefined, name: string): number | undefined | Error {
  if (value === undefined) return undefined;
  const number = Number(value);
  return value.trim() !== '' && Number.isFinite(number) ? number : new Error(`--${name} must be a number, got "${value}"`);
}

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'calibration-end': { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        'horizon-months': { type: 'string' },
        'annual-discount-rate': { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const { values, positionals } = args;
  const calibrationEnd = values['calibration-end'];
  const horizonMonths = numberOption(values['horizon-months'], 'horizon-months');
  const annualDiscountRate = numberOption(values['annual-discount-rate'], 'annual-discount-rate');
  const usageErrors = [
    positionals.length !== 1 ? 'give exactly one transactions CSV file' : '',
    calibrationEnd === undefined ? '--calibration-end is required' : '',
    calibrationEnd !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(calibrationEnd) || dayNumber(calibrationEnd) === null)
      ? `--calibration-end must be a date written YYYY-MM-DD, got "${calibrationEnd}"`
      : '',
    horizonMonths instanceof Error ? horizonMonths.message : '',
    annualDiscountRate instanceof Error ? annualDiscountRate.message : '',
  ].filter(Boolean);
  if (usageErrors.length > 0 || calibrationEnd === undefined || horizonMonths instanceof Error || annualDiscountRate instanceof Error) {
    console.error(`${usageErrors.join('\n')}\n${usage}`);
    return 2;
  }

  const [file] = positionals;
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const parsed = parseTransactions(text);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, MAX_REPORTED_ERRORS).map((error) => `${file}: ${error}`);
    const more = parsed.errors.length - shown.length;
    console.error([...shown, ...(more > 0 ? [`${file}: … and ${more} more bad line(s)`] : []), `${file}: nothing written`].join('\n'));
    return 1;
  }

  const result = scoreCustomers(parsed.transactions, { calibrationEnd, horizonMonths, annualDiscountRate });
  if (!result.ok) {
    console.error(result.error);
    return 2;
  }
  if (values.out !== undefined) writeAtomically(values.out, scoresCsv(result.customers));

  const { bgnbd, gammaGamma } = parameters(result);
  if (values.json) {
    const { settings, customers, excluded, warnings } = result;
    console.log(JSON.stringify({ settings, customers: customers.length, excluded: excluded.length, bgnbd, gammaGamma, warnings, out: values.out ?? null }));
  } else {
    console.log(`customers: ${result.customers.length} scored, ${result.excluded.length} not scored (calibration end ${calibrationEnd})`);
    console.log(`bgnbd: ${show(bgnbd)}`);
    console.log(`gammaGamma: ${show(gammaGamma)}`);
    if (values.out !== undefined) console.log(`scores written to ${values.out}`);
    for (const warning of result.warnings) console.error(`warning: ${warning.message}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
