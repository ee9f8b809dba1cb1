import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids';

// "Acknowledged means saved": the local sheet is killed (SIGKILL, no chance to clean up) the moment
// it answers ok; every record it acknowledged must be there when it starts again.
const ROOT = resolve(import.meta.dirname, '../../..');
const TOKEN = 'crash-test-token-0123456789';
const folder = mkdtempSync(join(tmpdir(), 'rapport-crash-'));
const dataFile = join(folder, 'workbook.json');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function startSheet(): Promise<{ child: ChildProcess; execUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps-script/local/cli.ts'), '--port', '0', '--data', dataFile, '--token', TOKEN, '--bundle', join(ROOT, 'dist/apps-script/Code.js')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Sync URL \(web app \/exec\): (\S+)/.exec(out)?.[1];
      if (url) resolveStart({ child, execUrl: url });
    });
    child.once('exit', (code) => reject(new Error(`the local sheet exited (${code}) before it served: ${out}`)));
  });
}

const contact = (name: string) => {
  const at = new Date(Date.now() - 60_000).toISOString();
  return { id: newId(), createdAt: at, updatedAt: at, updatedBy: 'ann@team.test', firstName: name };
};
const sync = async (execUrl: string, contacts: unknown[]) => {
  const response = await fetch(execUrl, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ token: TOKEN, clientId: 'crash', since: 0, changes: { contacts, companies: [], interactions: [], deals: [], followUps: [] } }) });
  return (await response.json()) as { ok: boolean; changes: { contacts: { id: string }[] } };
};

describe('the local sheet killed right after it answers', () => {
  it('has every acknowledged record after a restart', async () => {
    const acknowledged: string[] = [];
    for (let trial = 0; trial < 6; trial++) {
      const { child, execUrl } = await startSheet();
      const people = [contact(`Trial ${trial} a`), contact(`Trial ${trial} b`)];
      const answer = await sync(execUrl, people);
      child.kill('SIGKILL');
      expect(answer.ok).toBe(true);
      acknowledged.push(...people.map((p) => p.id));
      await new Promise((done) => child.once('exit', done));
    }
    const { child, execUrl } = await startSheet();
    try {
      const everything = await sync(execUrl, []);
      expect(everything.changes.contacts.map((c) => c.id).sort()).toEqual(acknowledged.sort());
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
