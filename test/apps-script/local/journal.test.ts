import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeGoogle } from '../../../apps-script/local/fake-google';
import { readJournaledWorkbook, WorkbookJournal } from '../../../apps-script/local/journal';
import { workbookJsonSchema, workbookToJson } from '../../../apps-script/local/workbook-json';
import { zoneWallClock } from '../../../shared/calendar';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** What a restarted local sheet would load: the workbook file with its journal replayed. */
function reloaded(file: string) {
  const typing = { clock: zoneWallClock('Etc/UTC'), now: () => new Date() };
  const base = workbookJsonSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return workbookToJson(readJournaledWorkbook(file, base, () => typing)!.parts, typing, 'Etc/UTC');
}

describe('the local sheet’s journal', () => {
  it('keeps what set-up adds — dropdowns, highlighting — through later row writes and a restart', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rapport-journal-'));
    folders.push(folder);
    const file = join(folder, 'workbook.json');
    const google = createFakeGoogle({ workbook: { sheets: { Deals: [['Stage'], ['lead'], ['won']] } } });
    const journal = new WorkbookJournal(file, () => google.parts(), google.context.typing, google.timeZones.spreadsheet);
    journal.compact();

    const { SpreadsheetApp } = google.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Deals')!;
    const column = sheet.getRange('A2:A10');
    column.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['lead', 'won', 'lost']).build());
    sheet.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('lost').setBackground('#f4cccc').setRanges([column]).build()]);
    journal.save();
    // A sync then writes one row: its journal entry must not drop the row's dropdown.
    sheet.getRange('A3').setValue('lost');
    journal.save();

    const json = reloaded(file);
    expect(json.sheets.Deals!.map((row) => row[0])).toEqual(['Stage', 'lead', 'lost']);
    expect(Object.values(json.validations?.Deals ?? {}).map((rule) => rule.values)).toEqual([[['lead', 'won', 'lost'], true]]);
    expect(Object.keys(json.validations?.Deals ?? {})).toEqual(['A2:A10']);
    expect(json.conditionalFormats?.Deals?.map((rule) => [rule.ranges, rule.format.background])).toEqual([[['A2:A10'], '#f4cccc']]);
  });
});
