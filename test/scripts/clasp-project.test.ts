import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('the Apps Script project in dist/apps-script', () => {
  it('is what clasp would push: the bundle and a web-app manifest', () => {
    const project = mkdtempSync(join(tmpdir(), 'rapport-clasp-'));
    try {
      cpSync(join(root, 'dist/apps-script'), project, { recursive: true });
      // A made-up script id: `clasp status` reads the project offline and never contacts Google.
      writeFileSync(join(project, '.clasp.json'), JSON.stringify({ scriptId: '1RapportOfflineCheck000000000000000000000000000000000000', rootDir: '.' }));
      const status = JSON.parse(execFileSync(join(root, 'node_modules/.bin/clasp'), ['status', '--json'], { cwd: project, encoding: 'utf8' })) as { filesToPush: string[] };
      expect(status.filesToPush.sort()).toEqual(['Code.js', 'appsscript.json']);
      const manifest = JSON.parse(readFileSync(join(project, 'appsscript.json'), 'utf8')) as { runtimeVersion: string; webapp: { access: string; executeAs: string } };
      expect(manifest).toMatchObject({ runtimeVersion: 'V8', webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' } });
      const code = readFileSync(join(project, 'Code.js'), 'utf8');
      for (const name of ['onOpen', 'doPost', 'doGet', 'recalculateScores', 'nightlyRun']) expect(code).toMatch(new RegExp(`^function ${name}\\(\\)`, 'm'));
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 60_000);
});
