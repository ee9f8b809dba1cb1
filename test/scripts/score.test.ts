import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, runScore } from './run-score';

const fixture = (name: string) => join(root, 'test', 'fixtures', 'score-cli', name);
const scratch = mkdtempSync(join(tmpdir(), 'rapport-score-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const score = (...args: string[]) => runScore(args);

describe('scripts/score.ts', () => {
  it('fits the published CDNOW parameters and prints them as one JSON object', () => {
    const { code, stdout } = score(fixture('cdnow-sample.csv'), '--calibration-end', '1997-09-30', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.customers).toBe(2357);
    expect(result.bgnbd.r).toBeCloseTo(0.243, 2);
    expect(result.bgnbd.alpha).toBeCloseTo(4.414, 2);
    expect(result.bgnbd.a).toBeCloseTo(0.793, 2);
    expect(result.bgnbd.b).toBeCloseTo(2.426, 2);
    expect(Math.abs(result.bgnbd.logLikelihood - -9582.4)).toBeLessThan(0.5);
    expect(result.gammaGamma.p).toBeCloseTo(6.25, 1);
    expect(result.gammaGamma.q).toBeCloseTo(3.74, 1);
    expect(result.gammaGamma.v).toBeCloseTo(15.44, 1);
    expect(result.bgnbd).toMatchObject({ method: 'ml', repeatBuyers: 946, regularisedBecause: null });
    expect(result.gammaGamma).toMatchObject({ method: 'ml', repeatBuyers: 946 });
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'future-dated', count: 1959 })]);
    expect(result.backtest).toBeNull();
    expect(result.run).toMatchObject({ rows: 6919, megabytes: expect.any(Number), peakMemoryMB: expect.any(Number) });
  });

  it('prints the parameters and writes one row of scores per customer', () => {
    const out = join(scratch, 'scores.csv');
    const { code, stdout, stderr } = score(fixture('cdnow-sample.csv'), '--calibration-end', '1997-09-30', '--out', out);
    expect(code).toBe(0);
    // Every digit of the log-likelihood, to compare with another tool's.
    expect(stdout).toMatch(/^bgnbd: \{r: 0\.24\d+, alpha: 4\.41\d+, a: 0\.79\d+, b: 2\.42\d+, logLikelihood: -9582\.42920667\d+\}$/m);
    expect(stdout).toMatch(/^gammaGamma: \{p: 6\.24\d+, q: 3\.74\d+, v: 15\.44\d+\}$/m);
    expect(stdout).toContain('  maximum likelihood, based on 946 repeat buyers: solid');
    expect(stderr).toMatch(/1959 transaction\(s\) dated after the calibration end 1997-09-30 ignored/);

    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(2357);
    const columns = header.split(',');
    expect(columns).toEqual(expect.arrayContaining(['customer_id', 'x', 't_x', 'T', 'zbar', 'rfm_segment', 'value_class', 'p_alive', 'clv', 'at_risk']));
    const first = Object.fromEntries(rows[0].split(',').map((value, i) => [columns[i], value]));
    expect(first).toMatchObject({ customer_id: '1', x: '2', t_x: '30.4286', T: '38.8571', expected_spend: '24.65', purchase_model: 'ml', spend_model: 'ml' });
  });

  it('backtests with --holdout-end as Python lifetimes does: 1,882 actual against about 1,653 predicted over 2,357 customers', () => {
    const json = score(fixture('cdnow-sample.csv'), '--calibration-end', '1997-09-30', '--holdout-end', '1998-06-30', '--json');
    expect(json.code).toBe(0);
    const { backtest, customers, warnings } = JSON.parse(json.stdout);
    expect(customers).toBe(2357);
    expect(warnings).toEqual([]);
    expect(backtest).toMatchObject({ calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', holdoutWeeks: 39, customers: 2357, actual: 1882 });
    expect(Math.abs(backtest.predicted - 1653)).toBeLessThan(1);

    const text = score(fixture('cdnow-sample.csv'), '--calibration-end', '1997-09-30', '--holdout-end', '1998-06-30');
    expect(text.stdout).toContain(
      'backtest: Fitted on purchases up to 1997-09-30, the model expected 1,653 repeat purchases from 1997-10-01 to 1998-06-30 by the 2,357 customers; there were 1,882: it predicted 12 % too few.',
    );
    expect(text.stdout).toMatch(/^ {2}8 or more +64 +6\.\d{3} +6\.\d{3}$/m);
  });

  it('reads a file without header and with YYYY-MM-DD dates, and regularises the fit on its 12 customers, saying so', () => {
    const out = join(scratch, 'small.csv');
    const { code, stdout } = score(fixture('small-iso.csv'), '--calibration-end', '1997-09-30', '--json', '--out', out);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.customers).toBe(12);
    expect(result.bgnbd).toMatchObject({ method: 'map', regularisedBecause: expect.stringMatching(/repeat buyer\(s\), fewer than the 300 maximum likelihood needs/) });
    expect(result.warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['model-regularised', 'spend-model-regularised']));
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    expect(rows.every((row) => row.endsWith(',map,map'))).toBe(true);
  });

  it('rejects a bad file line by line, exits non-zero and writes nothing', () => {
    const out = join(scratch, 'never.csv');
    const { code, stdout, stderr } = score(fixture('broken.csv'), '--calibration-end', '1997-09-30', '--out', out);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const file = fixture('broken.csv');
    expect(stderr.trim().split('\n')).toEqual([
      `${file}: line 3: date "1997-13-02" is not a YYYY-MM-DD or YYYYMMDD date`,
      `${file}: line 4: amount "twelve" is not a number`,
      `${file}: line 5: customer id is empty`,
      `${file}: line 6: expected 3 fields customer_id,date,amount, found 2`,
      `${file}: nothing written`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves an existing scores file as it was when the input is bad', () => {
    const out = join(scratch, 'previous.csv');
    writeFileSync(out, 'last week\n');
    expect(score(fixture('broken.csv'), '--calibration-end', '1997-09-30', '--out', out).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('last week\n');
  });

  it('explains each bad amount on its line', () => {
    const file = join(scratch, 'amounts.csv');
    writeFileSync(file, 'customer_id,date,amount\n1,1997-01-01,0x1A\n2,1997-01-02,"12,50"\n3,1997-01-03,"1.234,56"\n4,1997-01-04,$12.50\n5,1997-01-05,12.345\n6,1997-01-06,7.00\n');
    const { code, stderr } = score(file, '--calibration-end', '1997-09-30');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `${file}: line 2: amount "0x1A" is hexadecimal: write amounts as decimal numbers (0x1A is 26)`,
      `${file}: line 3: amount "12,50" has a decimal comma: write a decimal point, like 12.50`,
      `${file}: line 4: amount "1.234,56" has thousands separators: write 1234.56`,
      `${file}: line 5: amount "$12.50" has a currency sign or unit: write only the number, like 12.50`,
      `${file}: line 6: amount "12.345" has more than two decimals: amounts are counted in whole cents (round it; if the dot separates thousands, leave it out)`,
      `${file}: nothing written`,
    ]);
  });

  it('refuses settings it cannot use with one message each, before reading the file', () => {
    const { code, stdout, stderr } = score('missing.csv', '--calibration-end', '1997-09-30', '--horizon-months=-5', '--annual-discount-rate', '-0.5', '--out', join(scratch, 'no-such-folder', 'x.csv'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').slice(0, 2)).toEqual(['--horizon-months must be from 1 to 600 months, got -5', '--annual-discount-rate cannot be negative, got -0.5']);
    expect(score(fixture('small-iso.csv'), '--calibration-end', '1997-09-30', '--out', join(scratch, 'no-such-folder', 'x.csv')).stderr).toMatch(/^--out .*x\.csv: cannot write in .*no-such-folder\n/);
    expect(score('missing.csv', '--calibration-end', '1997-09-30')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^missing\.csv: ENOENT/) });
  });

  it('explains its usage when the calibration end is missing or malformed', () => {
    const missing = score(fixture('small-iso.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--calibration-end is required\nusage: score/);
    const malformed = score(fixture('small-iso.csv'), '--calibration-end', '30.09.1997');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/must be a date written YYYY-MM-DD, got "30\.09\.1997"/);
  });
});
