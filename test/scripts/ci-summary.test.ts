import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The one line CI reads: it must agree with the test command's exit status.
const script = join(import.meta.dirname, '../../scripts/ci-summary.mjs');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function reports(passedEach: number) {
  dir = mkdtempSync(join(tmpdir(), 'ci-summary-'));
  for (const zone of ['UTC', 'America-Los_Angeles', 'Asia-Kolkata']) {
    writeFileSync(join(dir, `vitest-${zone}.json`), JSON.stringify({ numPassedTests: passedEach, numFailedTests: 0, numTotalTestSuites: 1, success: true }));
  }
}

describe('the CI summary line', () => {
  it('counts the tests of every time zone’s report', () => {
    reports(10);
    expect(execFileSync('node', [script, dir, '0'], { encoding: 'utf8' }).trim()).toBe('30 passed, 0 failed');
  });

  it('counts a failed test command as a failure even when every test passed (vitest’s unhandled errors)', () => {
    reports(10);
    const run = spawnSync('node', [script, dir, '1'], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('30 passed, 1 failed');
    expect(run.status).toBe(1);
  });
});
