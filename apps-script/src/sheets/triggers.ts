/**
 * The time-driven triggers: scores, stages and the dashboard every night, and reminders every
 * hour (each owner's digest goes out in the first run at or after their hour, so a failed run is
 * tried again an hour later). Each handler is a global function of the bundle.
 */
export const NIGHTLY_HANDLER = 'nightlyRun';
export const REMINDER_HANDLER = 'sendReminders';
const NIGHTLY_HOUR = 2;

/**
 * Installs a trigger unless it is there; removes duplicates (e.g. from two people turning it on at
 * once). Returns whether it was installed now.
 */
function ensureTrigger(handler: string, create: () => void): boolean {
  const existing = ScriptApp.getProjectTriggers().filter((trigger) => trigger.getHandlerFunction() === handler);
  for (const duplicate of existing.slice(1)) ScriptApp.deleteTrigger(duplicate);
  if (existing.length > 0) return false;
  create();
  return true;
}

export const ensureNightlyTrigger = () => ensureTrigger(NIGHTLY_HANDLER, () => ScriptApp.newTrigger(NIGHTLY_HANDLER).timeBased().everyDays(1).atHour(NIGHTLY_HOUR).create());

export const ensureReminderTrigger = () => ensureTrigger(REMINDER_HANDLER, () => ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().everyHours(1).create());

/** Whether the hourly reminder trigger is installed (for the Settings sidebar). */
export const reminderTriggerOn = () => ScriptApp.getProjectTriggers().some((trigger) => trigger.getHandlerFunction() === REMINDER_HANDLER);

export const nightlyScheduleText = `every night between ${NIGHTLY_HOUR} and ${NIGHTLY_HOUR + 1} am (script time zone)`;
