import { scriptProperties } from './script-state';
import { SETTINGS_TAB } from './settings-tab';

/**
 * What the hourly reminder runs remember between them: the day each owner's digest was dealt
 * with (sent, or nothing due), and the runs that failed in a row — shown in the Settings tab
 * once a retry failed too, and cleared by the next run that works.
 */
const CHECKED_PROPERTY = 'rapport.reminders.checked';
const FAILURES_PROPERTY = 'rapport.reminders.failures';
/** Failing runs in a row after which the sheet says so (the first is retried an hour later). */
export const FAILURES_SHOWN = 2;

export interface ReminderFailures {
  count: number;
  first: string;
  last: string;
  error: string;
}

const readJson = <T>(key: string, fallback: T): T => {
  try {
    const parsed: unknown = JSON.parse(scriptProperties().getProperty(key) ?? '');
    return parsed && typeof parsed === 'object' ? (parsed as T) : fallback;
  } catch {
    return fallback;
  }
};

export const readCheckedDays = (): Record<string, string> => readJson<Record<string, string>>(CHECKED_PROPERTY, {});

export function saveCheckedDays(checked: Record<string, string>, today: string): void {
  // Only today's matter: older days are dropped so the property stays small.
  const kept = Object.fromEntries(Object.entries(checked).filter(([, day]) => day === today));
  scriptProperties().setProperty(CHECKED_PROPERTY, JSON.stringify(kept));
}

export const readFailures = (): ReminderFailures | null => readJson<ReminderFailures | null>(FAILURES_PROPERTY, null);

export function noteFailure(at: Date, error: string): ReminderFailures {
  const previous = readFailures();
  const failures = { count: (previous?.count ?? 0) + 1, first: previous?.first ?? at.toISOString(), last: at.toISOString(), error: error.slice(0, 500) };
  scriptProperties().setProperty(FAILURES_PROPERTY, JSON.stringify(failures));
  return failures;
}

/** Clears the failures, and the Settings tab's note about them if there was one. */
export function clearFailures(): void {
  const previous = readFailures();
  if (!previous) return;
  scriptProperties().deleteProperty(FAILURES_PROPERTY);
  if (previous.count >= FAILURES_SHOWN) showFailureInSettings(null);
}

/**
 * A note on the Settings tab's reminders.hour row (and its Value cell in red): where a manager
 * looks when reminders stop coming. null takes it away.
 */
export function showFailureInSettings(text: string | null, spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): void {
  const sheet = spreadsheet.getSheetByName(SETTINGS_TAB);
  if (!sheet || sheet.getLastRow() < 2) return;
  const keys = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().map((row) => String(row[0] ?? '').trim());
  const at = keys.indexOf('reminders.hour');
  const cell = sheet.getRange(at >= 0 ? at + 1 : 1, at >= 0 ? 2 : 1);
  cell.setNote(text ?? '').setBackground(text ? '#f4c7c3' : null);
}
