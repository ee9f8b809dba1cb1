import { spawnSync } from 'node:child_process';

// The test run behind `npm test`: every project once with TZ=UTC, then the Node tests again (but
// the load tests) in two more time zones (one west of UTC, one at a half-hour offset east of it),
// because date code that works in UTC can be off by a day elsewhere. Extra arguments go to every run; a JSON report
// (--outputFile.json=F) gets one file per zone, F and F with the zone in its name.
const zones = ['America/Los_Angeles', 'Asia/Kolkata'];
const args = process.argv.slice(2);
const withZone = (zone: string) => args.map((arg) => arg.replace(/^(--outputFile\.json=.*?)(\.json)?$/, (_, base: string, ext = '') => `${base.replace(/\.json$/, '')}-${zone.replace(/\W+/g, '-')}${ext || '.json'}`));

function vitest(zone: string, extra: string[]): number {
  console.log(`\n— tests with TZ=${zone} —`);
  const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...extra], { stdio: 'inherit', env: { ...process.env, TZ: zone } });
  return result.status ?? 1;
}

let status = vitest('UTC', args);
// Load tests measure the server, not dates: once is enough.
for (const zone of zones) status = vitest(zone, ['--project', 'node', '--exclude', '**/*.load.test.ts', ...withZone(zone)]) || status;
process.exit(status);
