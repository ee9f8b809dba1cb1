import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

// One answer to "which browser runs the extension?" for npm test (scripts/ensure-browser.ts),
// the e2e harness, the benchmarks and npm start, so they never disagree.
export const BROWSER_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export type BrowserSearch = { found: true; path: string } | { found: false; reason: string };

/** What the advice and the installer need to know about the machine. */
export interface Machine {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** The text of /etc/os-release, where there is one. */
  osRelease?: string;
  isRoot: boolean;
}

export function thisMachine(): Machine {
  let osRelease: string | undefined;
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    osRelease = undefined;
  }
  return { env: process.env, platform: process.platform, osRelease, isRoot: process.getuid?.() === 0 };
}

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first executable `command` in env.PATH, like `command -v`. */
export function onPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = dir && join(dir, command);
    if (candidate && isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** CHROMIUM_PATH if set (and then only it), else Chromium or Chrome on PATH, else a known location. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, fallbacks = [DEBIAN_CHROMIUM]): BrowserSearch {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    return isExecutableFile(chosen) ? { found: true, path: chosen } : { found: false, reason: `CHROMIUM_PATH is ${chosen}, which is not an executable file.` };
  }
  for (const command of BROWSER_COMMANDS) {
    const path = onPath(command, env);
    if (path) return { found: true, path };
  }
  const fallback = fallbacks.find(isExecutableFile);
  if (fallback) return { found: true, path: fallback };
  const places = [...BROWSER_COMMANDS.map((command) => `${command} on PATH`), ...fallbacks].join(', ');
  return { found: false, reason: `No Chromium or Chrome found (looked at CHROMIUM_PATH, ${places}).` };
}

/** The os-release ID followed by its ID_LIKE family, e.g. ["linuxmint", "ubuntu", "debian"]. */
export function osIds(osRelease = ''): string[] {
  const field = (name: string) => osRelease.match(new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm'))?.[1] ?? '';
  return `${field('ID')} ${field('ID_LIKE')}`.toLowerCase().split(/\s+/).filter(Boolean);
}

/** The command that installs Chromium here, where we know it. */
export function installCommand(machine: Machine): string | undefined {
  const sudo = machine.isRoot ? '' : 'sudo ';
  const ids = osIds(machine.osRelease);
  if (machine.platform === 'darwin') return 'brew install --cask chromium';
  if (ids.includes('debian') || ids.includes('ubuntu')) return `${sudo}apt-get update && ${sudo}apt-get install -y chromium`;
  if (ids.includes('fedora')) return `${sudo}dnf install -y chromium`;
  if (ids.includes('arch')) return `${sudo}pacman -S --noconfirm chromium`;
  return undefined;
}

/** What to do about a missing browser, ending with how to rerun `command`. */
export function howToGetBrowser(machine: Machine, reason: string, command: string): string {
  const install = installCommand(machine);
  return [
    reason,
    install ? `Install Chromium, then run ${command} again:\n  ${install}` : `Install Chromium or Chrome with your system's package manager, then run ${command} again.`,
    `Or point CHROMIUM_PATH at a Chromium or Chrome binary:\n  CHROMIUM_PATH=/path/to/chromium ${command}`,
  ].join('\n');
}
