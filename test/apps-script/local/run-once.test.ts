import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatWorkbookJson } from '../../../apps-script/local/workbook-json';
import { ANN, BO, NOW, seededTeam } from '../seeded-team';

const root = resolve(import.meta.dirname, '../../..');
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'apps-script/local/cli.ts'), ...args], { cwd: root, encoding: 'utf8' });

describe('npm run sheet:local -- --data FILE --run NAME', () => {
  it('runs one global function against the workbook, saves it and prints the mail that left the sheet', () => {
    const { team } = seededTeam();
    const file = join(mkdtempSync(join(tmpdir(), 'rapport-run-')), 'workbook.json');
    writeFileSync(file, formatWorkbookJson(team.google.toJSON()));
    const run = cli('--data', file, '--run', 'sendReminders', '--now', NOW, '--exec-url', 'http://127.0.0.1:8787/exec');
    expect(run.status).toBe(0);
    const { mails } = JSON.parse(run.stdout) as { mails: { to: string; subject: string; body: string; htmlBody: string }[] };
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [ANN, 'Rapport 24 Nov: 1 overdue, 1 due today, 1 at risk, 1 birthday, 1 deal past close'],
      [BO, 'Rapport 24.11.: 2 überfällig, 1 zum Melden'],
    ]);
    expect(mails[0]!.htmlBody).toContain('href="http://127.0.0.1:8787/exec?a=');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.sheets['Reminders log'].slice(1).map((row: unknown[]) => row[1])).toEqual([ANN, BO]);
    // Run again the same day: as the hourly trigger it has nothing left to send; as the menu item it sends again.
    expect(JSON.parse(cli('--data', file, '--run', 'sendReminders', '--now', NOW).stdout).mails).toEqual([]);
    expect(JSON.parse(cli('--data', file, '--run', 'sendReminders', '--now', NOW, '--as', 'menu').stdout).mails).toHaveLength(2);
  });

  it('says what is wrong with an unknown function, and a workbook that is not one', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rapport-run-')), 'workbook.json');
    writeFileSync(file, '{"sheets": {}}');
    const unknown = cli('--data', file, '--run', 'sendRemindersNow');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/The bundle has no global function "sendRemindersNow"\. It has: .*sendReminders/);
    writeFileSync(file, '{"rows": []}');
    expect(cli('--data', file, '--run', 'setUp').stderr).toMatch(/is not a local sheet workbook/);
    expect(cli('--data', file, '--run', 'setUp', '--now', 'soon').stderr).toMatch(/--now must be an instant/);
  });
});
