// Prints the one line CI reads, "N passed, N failed", from vitest's JSON reports (one per time
// zone the tests ran in: every vitest*.json in the folder given), and exits with the test
// command's status. No report means the run stopped before the tests (browser, typecheck or
// build failed): that counts as one failure; so does a zone whose report is missing, and a test
// command that failed although every test passed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const EXPECTED_REPORTS = 3; // UTC (every project) + two more zones (Node tests), see scripts/test.ts
const [reportPath, statusArg] = process.argv.slice(2);
const status = Number(statusArg ?? 1);
const files = !reportPath || !existsSync(reportPath)
  ? []
  : statSync(reportPath).isDirectory()
    ? readdirSync(reportPath).filter((f) => /^vitest.*\.json$/.test(f)).map((f) => join(reportPath, f))
    : [reportPath];
if (files.length === 0) {
  console.log('0 passed, 1 failed');
  process.exit(status || 1);
}
let passed = 0;
let failed = statSync(reportPath).isDirectory() ? Math.max(0, EXPECTED_REPORTS - files.length) : 0;
let skipped = 0;
for (const file of files) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numTotalTestSuites && report.success === false && !report.numFailedTests ? 1 : 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
// The test command failed with no failed test to show for it (vitest's unhandled errors, a crash
// between projects): the line must not read as a pass.
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);
