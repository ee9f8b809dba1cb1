import { isRevision } from '../../../shared/sheet-rows';

/**
 * What the script keeps between runs, and the lock runs take: every sync and scoring run holds
 * the script lock while it reads, plans and writes, so two never interleave; the revision counter
 * they share lives in the script properties.
 */
export const REV_PROPERTY = 'rapport.rev';
/** As long as a member's extension waits for an answer before it tries again. */
const LOCK_WAIT_MS = 30_000;

export const scriptProperties = () => PropertiesService.getScriptProperties();

/** The last revision handed out; an unreadable or impossible value counts as none (the rows then decide). */
export function readRevisionCounter(properties = scriptProperties()): number {
  const rev = Number(properties.getProperty(REV_PROPERTY) ?? '0');
  return isRevision(rev) ? rev : 0;
}

export function saveRevisionCounter(rev: number, previous: number, properties = scriptProperties()): void {
  if (rev !== previous) properties.setProperty(REV_PROPERTY, String(rev));
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
