/**
 * Wrong tokens are slowed down: after a few from one browser (its client id) within ten minutes,
 * that browser is refused without a check until the ten minutes are over; and while many wrong
 * tokens arrive from anywhere, each wrong answer waits a little (guessing gets slow, members are
 * not slowed: only wrong tokens wait). Counts live in the script cache.
 */
const WINDOW_SECONDS = 600;
const PER_CLIENT = 5;
const EVERYWHERE = 50;

const clientKey = (clientId: string) => `rapport.wrong.${clientId.slice(0, 100)}`;
const ALL_KEY = 'rapport.wrong.all';

export function tooManyWrongTokens(clientId: string): boolean {
  return Number(CacheService.getScriptCache().get(clientKey(clientId)) ?? 0) >= PER_CLIENT;
}

export function noteWrongToken(clientId: string): void {
  const cache = CacheService.getScriptCache();
  const counts = cache.getAll([clientKey(clientId), ALL_KEY]);
  const everywhere = Number(counts[ALL_KEY] ?? 0) + 1;
  cache.putAll({ [clientKey(clientId)]: String(Number(counts[clientKey(clientId)] ?? 0) + 1), [ALL_KEY]: String(everywhere) }, WINDOW_SECONDS);
  if (everywhere > EVERYWHERE) Utilities.sleep(Math.min(3000, (everywhere - EVERYWHERE) * 100));
}
