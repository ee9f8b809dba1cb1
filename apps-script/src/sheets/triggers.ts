/** The time-driven trigger that recalculates the scores every night. */
export const NIGHTLY_HANDLER = 'nightlyRun';
const NIGHTLY_HOUR = 2;

/**
 * Installs the nightly trigger unless it is there; removes duplicates (e.g. from two people
 * turning it on at once). Returns whether it was installed now.
 */
export function ensureNightlyTrigger(): boolean {
  const existing = ScriptApp.getProjectTriggers().filter((trigger) => trigger.getHandlerFunction() === NIGHTLY_HANDLER);
  for (const duplicate of existing.slice(1)) ScriptApp.deleteTrigger(duplicate);
  if (existing.length > 0) return false;
  ScriptApp.newTrigger(NIGHTLY_HANDLER).timeBased().everyDays(1).atHour(NIGHTLY_HOUR).create();
  return true;
}

export const nightlyScheduleText = `every night between ${NIGHTLY_HOUR} and ${NIGHTLY_HOUR + 1} am (script time zone)`;
