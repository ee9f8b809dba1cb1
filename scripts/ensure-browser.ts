import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEBIAN_CHROMIUM, findBrowser, howToGetBrowser, onPath, osIds, thisMachine, type Machine } from './find-browser';

// `npm test` runs this first, so a fresh machine needs only `npm install` and `npm test`: the
// end-to-end tests get a browser, or the run stops here with what to do — never deep in a test.

export type Ensured = { ok: true; path: string } | { ok: false; message: string };
export type Run = (file: string, args: string[], env: NodeJS.ProcessEnv) => { status: number | null; output: string };

export interface EnsureOptions {
  run?: Run;
  say?: (line: string) => void;
  fallbacks?: string[];
}

const APT_STEPS = [['update'], ['install', '-y', 'chromium']];

/** A browser for the e2e tests; installs Debian's chromium where that needs no one's say-so. */
export function ensureBrowser(machine: Machine, { run = runCapturingOutput, say = console.log, fallbacks = [DEBIAN_CHROMIUM] }: EnsureOptions = {}): Ensured {
  const search = findBrowser(machine.env, fallbacks);
  if (search.found) return { ok: true, path: search.path };
  const advice = (reason: string) => ({ ok: false as const, message: `npm test runs its end-to-end tests in Chromium. ${howToGetBrowser(machine, reason, 'npm test')}` });

  const aptGet = onPath('apt-get', machine.env);
  const debianOrUbuntu = ['debian', 'ubuntu'].includes(osIds(machine.osRelease)[0] ?? '');
  // A wrong CHROMIUM_PATH is the user's explicit choice: say so rather than install around it.
  if (machine.env.CHROMIUM_PATH || !aptGet || !machine.isRoot || !debianOrUbuntu) return advice(search.reason);

  say(`npm test: no Chromium for the end-to-end tests here, so installing Debian's chromium (apt-get update && apt-get install -y chromium)…`);
  const env = { ...machine.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of APT_STEPS) {
    const { status, output } = run(aptGet, args, env);
    if (status !== 0) return advice(`apt-get ${args.join(' ')} failed (exit ${status ?? 'none'}):\n${lastLines(output)}`);
  }
  const installed = findBrowser(machine.env, fallbacks);
  return installed.found ? { ok: true, path: installed.path } : advice(`apt-get installed chromium, but still: ${installed.reason}`);
}

function runCapturingOutput(file: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(file, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

function lastLines(output: string, count = 8): string {
  return output.trimEnd().split('\n').slice(-count).map((line) => `  ${line}`).join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ensured = ensureBrowser(thisMachine());
  if (!ensured.ok) {
    console.error(ensured.message);
    process.exit(1);
  }
}
