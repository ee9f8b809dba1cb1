import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => join(root, 'test', 'fixtures', 'score-cli', name);
const scratch = mkdtempSync(join(tmpdir(), 'rapport-score-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI as an analyst would (tsx, from the repo root). */
function score(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'score.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

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
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'future-dated', count: 1959 })]);
  });

  it('prints the parameters and writes one row of scores per customer', () => {
    const out = join(scratch, 'scores.csv');
    const { code, stdout, stderr } = score(fixture('cdnow-sample.csv'), '--calibration-end', '1997-09-30', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^bgnbd: \{r: 0\.24\d+, alpha: 4\.41\d+, a: 0\.79\d+, b: 2\.42\d+, logLikelihood: -9582\.4\d*\}$/m);
    expect(stdout).toMatch(/^gammaGamma: \{p: 6\.24\d+, q: 3\.74\d+, v: 15\.44\d+\}$/m);
    expect(stderr).toMatch(/1959 transaction\(s\) dated after the calibration end 1997-09-30 ignored/);

    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(2357);
    const columns = header.split(',');
    expect(columns).toEqual(expect.arrayContaining(['customer_id', 'x', 't_x', 'T', 'zbar', 'rfm_segment', 'value_class', 'p_alive', 'clv', 'at_risk']));
    const first = Object.fromEntries(rows[0].split(',').map((value, i) => [columns[i], value]));
    expect(first).toMatchObject({ customer_id: '1', x: '2', t_x: '30.4286', T: '38.8571', expected_spend: '24.65' });
  });

  it('reads a file without header and with YYYY-MM-DD dates, and says when the model cannot be fitted', () => {
    const { code, stdout } = score(fixture('small-iso.csv'), '--calibration-end', '1997-09-30', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.customers).toBe(12);
    expect(result.bgnbd.error).toMatch(/do not identify the model/);
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

  it('explains its usage when the calibration end is missing or malformed', () => {
    const missing = score(fixture('small-iso.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--calibration-end is required\nusage: score/);
    const malformed = score(fixture('small-iso.csv'), '--calibration-end', '30.09.1997');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/must be a date written YYYY-MM-DD, got "30\.09\.1997"/);
  });
});
