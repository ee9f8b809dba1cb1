import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureBrowser } from '../../scripts/ensure-browser';
import { findBrowser, type Machine } from '../../scripts/find-browser';

// Every machine here is made of temporary folders: a PATH with no browser on it, and no
// fallback location, so nothing on the real machine is looked at, run or installed.
const root = join(import.meta.dirname, '..', '..');
const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=40\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';

let scratch: string;
let bin: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'rapport-browser-'));
  bin = join(scratch, 'bin');
  mkdirSync(bin);
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function executable(path: string, script = '#!/bin/sh\nexit 0\n') {
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  return path;
}

/** A stand-in apt-get that logs its arguments and, on `install`, puts a chromium on the PATH. */
function fakeAptGet({ installFails = false } = {}) {
  const install = installFails
    ? 'echo "E: Unable to locate package chromium" >&2; exit 100'
    : `printf '#!/bin/sh\\n' > "${bin}/chromium"; chmod +x "${bin}/chromium"`;
  executable(join(bin, 'apt-get'), `#!/bin/sh\nPATH=/usr/bin:/bin\necho "$DEBIAN_FRONTEND apt-get $*" >> "${scratch}/apt.log"\nif [ "$1" = install ]; then ${install}; fi\n`);
}

const machine = (overrides: Partial<Machine> = {}): Machine => ({
  env: { PATH: bin },
  platform: 'linux',
  osRelease: DEBIAN,
  isRoot: true,
  ...overrides,
});
const aptLog = () => (existsSync(join(scratch, 'apt.log')) ? readFileSync(join(scratch, 'apt.log'), 'utf8') : '');

describe('finding a browser', () => {
  it('takes CHROMIUM_PATH over anything on the PATH', () => {
    executable(join(bin, 'chromium'));
    const chosen = executable(join(scratch, 'my-chrome'));
    expect(findBrowser({ PATH: bin, CHROMIUM_PATH: chosen }, [])).toEqual({ found: true, path: chosen });
  });

  it('prefers chromium names over Chrome on the PATH, skipping files that cannot run', () => {
    writeFileSync(join(bin, 'chromium'), 'not executable');
    executable(join(bin, 'google-chrome'));
    const chromiumBrowser = executable(join(bin, 'chromium-browser'));
    expect(findBrowser({ PATH: bin }, [])).toEqual({ found: true, path: chromiumBrowser });
  });

  it('falls back to the known location when the PATH has none', () => {
    const debianChromium = executable(join(scratch, 'usr-bin-chromium'));
    expect(findBrowser({ PATH: bin }, [debianChromium])).toEqual({ found: true, path: debianChromium });
  });
});

describe('ensureBrowser (what npm test runs first)', () => {
  it('on Debian as root with apt-get, installs Debian\'s chromium after a one-line notice and uses it', () => {
    fakeAptGet();
    const say = vi.fn();
    const ensured = ensureBrowser(machine(), { say, fallbacks: [] });

    expect(ensured).toEqual({ ok: true, path: join(bin, 'chromium') });
    expect(say).toHaveBeenCalledTimes(1);
    expect(say.mock.calls[0]![0]).toMatch(/installing Debian's chromium \(apt-get update && apt-get install -y chromium\)/);
    expect(say.mock.calls[0]![0]).not.toContain('\n');
    expect(aptLog()).toBe('noninteractive apt-get update\nnoninteractive apt-get install -y chromium\n');
  });

  it('does nothing when a browser is already there', () => {
    fakeAptGet();
    const chromium = executable(join(bin, 'chromium'));
    const say = vi.fn();
    expect(ensureBrowser(machine(), { say, fallbacks: [] })).toEqual({ ok: true, path: chromium });
    expect(say).not.toHaveBeenCalled();
    expect(aptLog()).toBe('');
  });

  it('when apt-get fails, stops with apt\'s own words and what to do', () => {
    fakeAptGet({ installFails: true });
    const ensured = ensureBrowser(machine(), { say: () => {}, fallbacks: [] });
    expect(ensured.ok).toBe(false);
    if (ensured.ok) return;
    expect(ensured.message).toContain('apt-get install -y chromium failed (exit 100)');
    expect(ensured.message).toContain('E: Unable to locate package chromium');
    expect(ensured.message).toContain('CHROMIUM_PATH=/path/to/chromium npm test');
  });

  it('without root on Debian, installs nothing and gives the exact sudo command', () => {
    fakeAptGet();
    const ensured = ensureBrowser(machine({ isRoot: false }), { say: () => {}, fallbacks: [] });
    expect(aptLog()).toBe('');
    expect(ensured).toEqual({
      ok: false,
      message: [
        'npm test runs its end-to-end tests in Chromium. No Chromium or Chrome found (looked at CHROMIUM_PATH, chromium on PATH, chromium-browser on PATH, google-chrome on PATH, google-chrome-stable on PATH).',
        'Install Chromium, then run npm test again:',
        '  sudo apt-get update && sudo apt-get install -y chromium',
        'Or point CHROMIUM_PATH at a Chromium or Chrome binary:',
        '  CHROMIUM_PATH=/path/to/chromium npm test',
      ].join('\n'),
    });
  });

  it('as root on Debian but without apt-get on the PATH, gives the command instead', () => {
    const ensured = ensureBrowser(machine(), { say: () => {}, fallbacks: [] });
    expect(ensured.ok || ensured.message).toContain('\n  apt-get update && apt-get install -y chromium\n');
  });

  it('elsewhere installs nothing and names the command for that system', () => {
    fakeAptGet();
    const advice = (overrides: Partial<Machine>) => {
      const ensured = ensureBrowser(machine(overrides), { say: () => {}, fallbacks: [] });
      return ensured.ok ? 'found a browser' : ensured.message;
    };
    expect(advice({ osRelease: FEDORA })).toContain('\n  dnf install -y chromium\n');
    expect(advice({ osRelease: MINT })).toContain('\n  apt-get update && apt-get install -y chromium\n');
    expect(advice({ platform: 'darwin', osRelease: undefined, isRoot: false })).toContain('\n  brew install --cask chromium\n');
    expect(advice({ osRelease: 'ID=plan9\n' })).toContain("Install Chromium or Chrome with your system's package manager, then run npm test again.");
    expect(aptLog()).toBe('');
  });

  it('never installs around a CHROMIUM_PATH that points at nothing', () => {
    fakeAptGet();
    const ensured = ensureBrowser(machine({ env: { PATH: bin, CHROMIUM_PATH: join(scratch, 'gone') } }), { say: () => {}, fallbacks: [] });
    expect(ensured.ok || ensured.message).toContain(`CHROMIUM_PATH is ${join(scratch, 'gone')}, which is not an executable file.`);
    expect(aptLog()).toBe('');
  });
});

describe('scripts/ensure-browser.ts as npm test runs it', () => {
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'ensure-browser.ts')], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });

  it('stops with the message alone, no stack trace, when the browser it was told to use is missing', () => {
    const result = run({ CHROMIUM_PATH: join(scratch, 'gone') });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^npm test runs its end-to-end tests in Chromium\. CHROMIUM_PATH is .*gone, which is not an executable file\./);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('passes quietly when there is one', () => {
    const result = run({ CHROMIUM_PATH: executable(join(bin, 'chromium')) });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });
});
