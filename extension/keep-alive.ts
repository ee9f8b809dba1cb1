import { browser } from 'wxt/browser';

/**
 * Keeps the service worker running until `work` ends. Chrome stops an extension's worker after 30
 * seconds without an event or an extension API call, and IndexedDB work is neither; calling a
 * cheap API now and then resets that timer, as Chrome's documentation on the worker's lifetime
 * advises for long tasks.
 */
export async function keepAliveWhile<T>(work: Promise<T>): Promise<T> {
  const beat = setInterval(() => void browser.runtime.getPlatformInfo(), 20_000);
  try {
    return await work;
  } finally {
    clearInterval(beat);
  }
}
