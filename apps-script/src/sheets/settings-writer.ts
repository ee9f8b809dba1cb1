import { literalText } from '../../../shared/cell-codec';
import { normaliseHeader } from '../../../shared/sheet-columns';
import { tagCadenceKey, type SettingValue } from '../settings/team-settings';
import { ensureSize } from './record-tabs';
import { readSettingsTab, SETTINGS_TAB, type SettingsTabResult } from './settings-tab';

/**
 * What the Settings sidebar saves: each setting's Value cell in the Settings tab (rows found by
 * their key, in any case; missing ones appended), and the tag cadences as keepInTouch.tag.* rows
 * (rows of tags no longer listed are removed). Then the tab is read again, so each value is
 * checked exactly as a typed one is and its problem shown in the tab and the sidebar.
 */
export function writeSettings(values: ReadonlyMap<string, SettingValue>, tagCadences: ReadonlyMap<string, number> | null): SettingsTabResult & { problemsByKey: Record<string, string> } {
  readSettingsTab(); // makes the tab, and its missing rows, first
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SETTINGS_TAB)!;
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const names = header.map(normaliseHeader);
  const keyColumn = names.findIndex((name) => name === 'setting' || name === 'key');
  const valueColumn = names.indexOf('value');
  if (keyColumn < 0 || valueColumn < 0) throw new Error(`The ${SETTINGS_TAB} tab has no "Setting" and "Value" columns, so nothing could be saved. Rename or remove that tab and open the settings again.`);
  const keys = rows.map((row) => String(row[keyColumn] ?? '').trim().toLowerCase());
  const wanted = new Map([...values].map(([key, value]) => [key.toLowerCase(), [key, value] as const]));
  if (tagCadences) for (const [tag, days] of tagCadences) wanted.set(tagCadenceKey(tag).toLowerCase(), [tagCadenceKey(tag), days]);
  const cell = (value: SettingValue) => (typeof value === 'string' ? literalText(value) : value);

  // Tags no longer listed: their rows go, from the bottom up so the rows above keep their numbers.
  const removed = tagCadences ? keys.map((key, i) => (key.startsWith('keepintouch.tag.') && !wanted.has(key) ? i : -1)).filter((i) => i >= 0) : [];
  for (const index of [...removed].reverse()) sheet.deleteRow(index + 2);
  const kept = keys.map((key, i) => ({ key, row: rows[i]! })).filter((_, i) => !removed.includes(i));

  const column = kept.map(({ key, row }) => [wanted.has(key) ? cell(wanted.get(key)![1]) : (row[valueColumn] as SettingValue)]);
  const changed = kept.some(({ key, row }) => wanted.has(key) && row[valueColumn] !== wanted.get(key)![1]);
  if (changed && column.length > 0) sheet.getRange(2, valueColumn + 1, column.length, 1).setValues(column);
  const missing = [...wanted.entries()].filter(([key]) => !kept.some((row) => row.key === key));
  if (missing.length > 0) {
    const width = Math.max(keyColumn, valueColumn) + 1;
    const first = kept.length + 2;
    ensureSize(sheet, first + missing.length - 1, width);
    sheet.getRange(first, 1, missing.length, width).setValues(
      missing.map(([, [key, value]]) => Array.from({ length: width }, (_, c) => (c === keyColumn ? key : c === valueColumn ? cell(value) : ''))),
    );
  }
  return { ...readSettingsTab(), problemsByKey: problemsByKey() };
}

/** Each setting's problem as the Problem column says it now, by key (lower case). */
export function problemsByKey(): Record<string, string> {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SETTINGS_TAB);
  if (!sheet) return {};
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const names = header.map(normaliseHeader);
  const [keyColumn, problemColumn] = [names.findIndex((n) => n === 'setting' || n === 'key'), names.findIndex((n) => n === 'problem' || n === 'problems')];
  if (keyColumn < 0 || problemColumn < 0) return {};
  return Object.fromEntries(rows.filter((row) => String(row[problemColumn] ?? '') !== '').map((row) => [String(row[keyColumn]).trim().toLowerCase(), String(row[problemColumn])]));
}
