import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

/** Runs the score CLI as an analyst would (tsx, from the repo root), with extra Node options if given. */
export function runScore(args: string[], nodeOptions: string[] = []) {
  const run = spawnSync(process.execPath, [...nodeOptions, '--import', 'tsx', join(root, 'scripts', 'score.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
