import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The Firefox build, as addons.mozilla.org would check it: `web-ext lint` (Mozilla's addons-linter)
// on .output/firefox-mv2, offline. Errors block a listing; warnings are printed, not failed.
const root = resolve(import.meta.dirname, '../..');
const dir = join(root, '.output/firefox-mv2');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe('the Firefox build', () => {
  it('passes web-ext lint with no errors', () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: root, stdio: 'ignore' });
    let output: string;
    try {
      output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
        cwd: root, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its report is still on stdout.
      output = String((error as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(output) as { summary: { errors: number; warnings: number }; errors: LintMessage[]; warnings: LintMessage[] };
    for (const warning of report.warnings) console.log(`web-ext lint warning ${warning.code} in ${warning.file ?? 'the add-on'}: ${warning.message}`);
    expect(report.errors.map((e) => `${e.code} in ${e.file ?? 'the add-on'}: ${e.message}`)).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { optional_permissions?: string[]; permissions: string[] };
    // Notifications are asked for only when the member turns them on.
    expect(manifest.optional_permissions).toContain('notifications');
    expect(manifest.permissions).not.toContain('notifications');
  }, 180_000);
});
