/**
 * When the extension syncs next. At once after a local change (the service worker debounces it);
 * otherwise every minute while the popup is open and every 15 minutes while it is not, each with
 * ±20 % jitter so a team's browsers do not all knock at the same second; after failures, the
 * back-off (30 s · 2^(n-1), at most an hour). Pure, so both browsers' alarm code paths share it.
 */
export const OPEN_EVERY_MS = 60_000;
export const IDLE_EVERY_MS = 15 * 60_000;
const JITTER = 0.2;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/** After n failures in a row, wait 30 s · 2^(n-1), at most an hour. */
export const backOffDelay = (failures: number) => Math.min(BASE_DELAY_MS * 2 ** Math.max(0, failures - 1), MAX_DELAY_MS);

export function nextSyncDelay(state: { popupOpen: boolean; failures: number }, random: () => number = Math.random): number {
  if (state.failures > 0) return backOffDelay(state.failures);
  const every = state.popupOpen ? OPEN_EVERY_MS : IDLE_EVERY_MS;
  return Math.round(every * (1 - JITTER + 2 * JITTER * random()));
}
