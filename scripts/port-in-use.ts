import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * What to tell someone whose port is taken: who holds it (another Rapport local sheet, which
 * `npm start` also runs, or the process listening there) and a port that is free.
 */

/** Whether the port is free on 127.0.0.1. */
export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The first free port after `port`. */
async function nextFreePort(port: number): Promise<number> {
  for (let candidate = port + 1; candidate < port + 100; candidate++) if (await isFree(candidate)) return candidate;
  return 0;
}

/** A Rapport local sheet answers GET /exec with its app name. */
async function isRapportSheet(port: number): Promise<boolean> {
  try {
    const answer = await fetch(`http://127.0.0.1:${port}/exec`, { signal: AbortSignal.timeout(1500) });
    return ((await answer.json()) as { app?: unknown }).app === 'Rapport';
  } catch {
    return false;
  }
}

/** The listening process as `ss` (or `lsof`) names it, e.g. `python3 (pid 4242)`; '' when neither can tell. */
function listener(port: number): string {
  try {
    const line = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /users:\(\("([^"]+)",pid=(\d+)/.exec(line);
    if (match) return `${match[1]} (pid ${match[2]})`;
  } catch {
    // no ss here
  }
  try {
    const lines = execFileSync('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n');
    const [command, pid] = lines[1]?.split(/\s+/) ?? [];
    if (command && pid) return `${command} (pid ${pid})`;
  } catch {
    // no lsof either, or nothing it may see
  }
  return '';
}

/**
 * `retry` says how to start on another port; `rapport` is true when another Rapport local sheet
 * holds it (then a second one also needs a data file of its own, or the two overwrite each other).
 */
export async function portInUseMessage(port: number, retry: (free: number, rapport: boolean) => string): Promise<string> {
  const [rapport, free] = await Promise.all([isRapportSheet(port), nextFreePort(port)]);
  const who = rapport
    ? `another Rapport local sheet (npm start runs one too: its grid is http://127.0.0.1:${port}/, its sync URL http://127.0.0.1:${port}/exec)`
    : listener(port) || 'another program';
  return `Port ${port} is in use by ${who}.${free ? ` Port ${free} is free: ${retry(free, rapport)}` : ''}`;
}
