import { literalText } from '../../../shared/cell-codec';
import { normaliseHeader } from '../../../shared/sheet-columns';
import { ensureSize } from './record-tabs';
import { REPORT_TITLE, type ReportRow } from '../scoring/model-report';
import { defaultSettingRows, readScoringSettings, type ReadSettings } from '../scoring/settings';
import { defaultTeamSettings, isTeamSettingKey, readTeamSettings, teamRules, type SettingValue, type TeamSettings } from '../settings/team-settings';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const SETTINGS_TAB = 'Settings';
const HEADER = ['Setting', 'Value', 'Description', 'Problem'];

export interface SettingsTabResult extends Omit<ReadSettings, 'missing'> {
  /** settings that had no row: appended with their defaults */
  missing: [string, SettingValue, string][];
  /** reminders, currency, cadences, stages: the team's settings beside the scoring's */
  team: TeamSettings;
  /** what the person should know about the tab itself */
  notes: string[];
  /** writes the model report beside the settings (nothing on a Settings tab that is not Rapport's) */
  writeReport: (rows: readonly ReportRow[]) => void;
}

/** The model report's columns: a title cell, sentences below it, and a four-column table. */
const REPORT_WIDTH = 4;

/**
 * Reads the scoring settings from the Settings tab with one getValues, creating the tab with the
 * defaults when it is missing. Rows for settings added since are appended; what is wrong with a
 * value is written in its Problem cell (and cleared once fixed), and its default is used.
 * A Settings tab that is not Rapport's (no Setting and Value columns) is left untouched.
 */
export function readSettingsTab(spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): SettingsTabResult {
  const sheet = spreadsheet.getSheetByName(SETTINGS_TAB);
  if (!sheet) {
    const created = createSettingsTab(spreadsheet);
    return {
      ...readScoringSettings([]),
      team: defaultTeamSettings(),
      missing: [],
      notes: [`Created the ${SETTINGS_TAB} tab with the default settings.`],
      writeReport: (report) => writeReport(created, HEADER.length + 1, [], report),
    };
  }
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const names = header.map(normaliseHeader);
  const column = (...candidates: string[]) => names.findIndex((name) => candidates.includes(name));
  const keyColumn = column('setting', 'key');
  const valueColumn = column('value');
  if (keyColumn < 0 || valueColumn < 0) {
    return {
      ...readScoringSettings([]),
      team: defaultTeamSettings(),
      missing: [],
      notes: [`The ${SETTINGS_TAB} tab has no "Setting" and "Value" columns, so the default settings were used.`],
      writeReport: () => {},
    };
  }
  // The report's place: where it was written before, else one empty column after the settings.
  let reportColumn = names.indexOf(normaliseHeader(REPORT_TITLE));
  let previousReport: unknown[][] = [];
  if (reportColumn < 0) {
    let lastFilled = header.length - 1;
    while (lastFilled >= 0 && String(header[lastFilled] ?? '') === '') lastFilled--;
    reportColumn = Math.max(lastFilled + 2, column('problem', 'problems') < 0 ? HEADER.length + 1 : 0);
  } else {
    previousReport = [header, ...rows].map((row) => row.slice(reportColumn, reportColumn + REPORT_WIDTH));
  }
  // The team's rows go to their reader, every other row to the scoring's (which names unknown keys).
  const all = rows.map((row) => ({ key: row[keyColumn], value: row[valueColumn] }));
  const isTeam = all.map((row) => isTeamSettingKey(row.key));
  const scoring = readScoringSettings(all.filter((_, i) => !isTeam[i]));
  const team = readTeamSettings(all.filter((_, i) => isTeam[i]));
  const [scoringProblems, teamProblems] = [[...scoring.problems], [...team.problems]];
  const settings = { ...scoring, problems: isTeam.map((teamRow) => (teamRow ? teamProblems.shift()! : scoringProblems.shift()!)), missing: [...scoring.missing, ...team.missing] };
  writeProblems(sheet, header, rows, settings.problems, column('problem', 'problems'));
  if (settings.missing.length > 0) appendRows(sheet, rows.length + 2, settings.missing, keyColumn, valueColumn, column('description'));
  const notes = settings.problems
    .map((problem, i) => (problem ? `${SETTINGS_TAB} row ${i + 2} (${String(rows[i]![keyColumn] ?? '').trim() || 'no name'}): ${problem}.` : ''))
    .filter(Boolean);
  if (settings.missing.length > 0) notes.push(`Added ${settings.missing.length} missing setting(s) to the ${SETTINGS_TAB} tab with their defaults.`);
  return { ...settings, team: team.values, notes, writeReport: (report) => writeReport(sheet, reportColumn, previousReport, report) };
}

function createSettingsTab(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
  const sheet = spreadsheet.insertSheet(SETTINGS_TAB);
  const defaults: [string, SettingValue, string][] = [...defaultSettingRows(), ...teamRules.map((r): [string, SettingValue, string] => [r.key, r.defaultValue, r.description])];
  const rows = [HEADER, ...defaults.map(([key, value, description]) => [key, value, description, ''])];
  ensureSize(sheet, rows.length, HEADER.length);
  sheet.getRange(1, 1, rows.length, HEADER.length).setValues(rows);
  sheet.getRange(1, 1, 1, HEADER.length).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

/**
 * The model report in one block from row 1 of `column` (0-based), over what an earlier report
 * left there (`previous`, as read), in one call; none when it reads the same (a rerun with no new
 * data writes nothing). Text is written as text, never as a formula.
 */
function writeReport(sheet: Sheet, column: number, previous: readonly unknown[][], report: readonly ReportRow[]) {
  let previousHeight = previous.length;
  while (previousHeight > 0 && previous[previousHeight - 1]!.every((cell) => cell === '' || cell == null)) previousHeight--;
  const height = Math.max(report.length, previousHeight);
  const cellAt = (r: number, c: number) => report[r]?.[c] ?? '';
  const unchanged = Array.from({ length: height }, (_, r) => r).every((r) =>
    Array.from({ length: REPORT_WIDTH }, (_, c) => c).every((c) => String(previous[r]?.[c] ?? '') === String(cellAt(r, c))),
  );
  if (unchanged) return;
  const cells = Array.from({ length: height }, (_, r) =>
    Array.from({ length: REPORT_WIDTH }, (_, c) => {
      const cell = cellAt(r, c);
      return typeof cell === 'string' ? literalText(cell) : cell;
    }),
  );
  ensureSize(sheet, height, column + REPORT_WIDTH);
  sheet.getRange(1, column + 1, height, REPORT_WIDTH).setValues(cells);
}

/** Writes the Problem column in one call, only when it reads differently from what it should say. */
function writeProblems(sheet: Sheet, header: unknown[], rows: unknown[][], problems: string[], problemColumn: number) {
  const hasProblems = problems.some(Boolean);
  if (problemColumn < 0 && !hasProblems) return;
  let column = problemColumn;
  if (column < 0) {
    column = header.length;
    ensureSize(sheet, 1, column + 1);
    sheet.getRange(1, column + 1).setValue(HEADER[3]!);
  }
  const current = rows.map((row) => String(row[column] ?? ''));
  if (rows.length === 0 || current.every((text, i) => text === problems[i])) return;
  sheet.getRange(2, column + 1, rows.length, 1).setValues(problems.map((problem) => [literalText(problem)]));
}

function appendRows(sheet: Sheet, firstRow: number, missing: [string, SettingValue, string][], keyColumn: number, valueColumn: number, descriptionColumn: number) {
  const width = Math.max(keyColumn, valueColumn, descriptionColumn) + 1;
  const rows = missing.map(([key, value, description]) => {
    const row: SettingValue[] = new Array<SettingValue>(width).fill('');
    row[keyColumn] = key;
    row[valueColumn] = value;
    if (descriptionColumn >= 0) row[descriptionColumn] = description;
    return row;
  });
  ensureSize(sheet, firstRow + rows.length - 1, width);
  sheet.getRange(firstRow, 1, rows.length, width).setValues(rows);
}
