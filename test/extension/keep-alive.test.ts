import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { keepAliveWhile } from '../../extension/keep-alive';

describe('keeping the service worker running', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('calls an extension API within every 30 seconds while the work runs, and stops after it', async () => {
    vi.useFakeTimers();
    const calls = vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({ os: 'linux', arch: 'x86-64', nacl_arch: 'x86-64' } as never);
    let finish!: (value: string) => void;
    const work = keepAliveWhile(new Promise<string>((resolve) => (finish = resolve)));
    await vi.advanceTimersByTimeAsync(65_000);
    // Chrome stops a worker after 30 s without an event or API call: at least one call in every 30 s.
    expect(calls.mock.calls.length).toBeGreaterThanOrEqual(3);
    finish('done');
    expect(await work).toBe('done');
    const after = calls.mock.calls.length;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls.mock.calls.length).toBe(after);
  });
});
