import { isRevision } from '../../../shared/sheet-rows';

/**
 * What the script keeps between runs, and the lock runs take: every sync and scoring run holds
 * the script lock while it reads, plans and writes, so two never interleave. The bookkeeping
 * runs share (revision counter, when every row was last read, each tab's last row, the id
 * fingerprints, the problems shown) is one property: read once and written at most once a run,
 * because Google counts every property read and write against a daily quota.
 */
export interface ScriptState {
  /** the last revision handed out */
  rev: number;
  /** when a run last read every row (ms) */
  fullReadAt: number;
  /** each tab's last row after the last run, as JSON */
  lastRows: string;
  /** each record tab's id fingerprint after the last run */
  ids: Record<string, string>;
  /** fingerprint of the problems the Sync problems tab shows */
  problems: string;
  /** the yearly archive spreadsheets: year → spreadsheet id */
  archives: Record<string, string>;
  /** deleted contacts whose history in the archives still holds personal text (an erasure there failed) */
  erasePending: string[];
}

const STATE_PROPERTY = 'rapport.state';
/** The properties kept one by one before the state was one property: read once, then folded in. */
const OLD = { rev: 'rapport.rev', ids: 'rapport.ids', problems: 'rapport.problems', fullReadAt: 'rapport.fullReadAt', lastRows: 'rapport.lastRows' };
/** As long as a member's extension waits for an answer before it tries again. */
const LOCK_WAIT_MS = 30_000;

export const scriptProperties = () => PropertiesService.getScriptProperties();

const parse = (text: string | null): unknown => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};

/** The state as the last run left it; values that cannot be read count as none (the rows then decide). */
export function readScriptState(properties = scriptProperties()): ScriptState & { save(): void } {
  let stored = parse(properties.getProperty(STATE_PROPERTY)) as Partial<ScriptState> | null;
  if (!stored) {
    const old = properties.getProperties();
    stored = { rev: Number(old[OLD.rev] ?? 0), ids: (parse(old[OLD.ids] ?? null) as Record<string, string>) ?? undefined, problems: old[OLD.problems], fullReadAt: Number(old[OLD.fullReadAt] ?? 0), lastRows: old[OLD.lastRows] };
  }
  const state: ScriptState = {
    rev: isRevision(Number(stored.rev)) ? Number(stored.rev) : 0,
    fullReadAt: Number(stored.fullReadAt) || 0,
    lastRows: typeof stored.lastRows === 'string' ? stored.lastRows : '',
    ids: stored.ids && typeof stored.ids === 'object' ? { ...stored.ids } : {},
    problems: typeof stored.problems === 'string' ? stored.problems : '',
    archives: stored.archives && typeof stored.archives === 'object' ? { ...stored.archives } : {},
    erasePending: Array.isArray(stored.erasePending) ? stored.erasePending.filter((id): id is string => typeof id === 'string') : [],
  };
  const before = JSON.stringify(state);
  return Object.assign(state, {
    save() {
      const { save: _, ...now } = this as ScriptState & { save: unknown };
      if (JSON.stringify(now) !== before) properties.setProperty(STATE_PROPERTY, JSON.stringify(now));
    },
  });
}

/** Runs `work` holding the script lock, or returns `busy` when another run kept it longer than we wait. */
export const underScriptLock = <T>(work: () => T): T | 'busy' => underLock(LockService.getScriptLock(), work);

/**
 * Runs `work` holding the document lock: reminder runs (the hourly trigger and the menu item) and
 * dashboard rebuilds do not overlap each other, and do not hold up syncs, which take the script lock.
 */
export const underReminderLock = <T>(work: () => T): T | 'busy' => underLock(LockService.getDocumentLock(), work);

function underLock<T>(lock: GoogleAppsScript.Lock.Lock, work: () => T): T | 'busy' {
  if (!lock.tryLock(LOCK_WAIT_MS)) return 'busy';
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
