// Prints the one line CI reads, "N passed, N failed", from vitest's JSON report, and exits
// with the test command's status. No report means the run stopped before the tests (typecheck
// or build failed): that counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, statusArg] = process.argv.slice(2);
const status = Number(statusArg ?? 1);
if (!reportPath || !existsSync(reportPath)) {
  console.log('0 passed, 1 failed');
  process.exit(status || 1);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + (report.numTotalTestSuites && report.success === false && !report.numFailedTests ? 1 : 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);
