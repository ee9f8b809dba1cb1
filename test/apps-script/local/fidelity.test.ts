import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from '../../../apps-script/local/fake-google';
import { loadBundle } from '../../../apps-script/local/load-bundle';

// Each strict behaviour of apps-script/local/FIDELITY.md: a call Google would refuse (or a
// program that relies on what Google does not do) fails here too.

function workbook(options: Parameters<typeof createFakeGoogle>[0] = {}) {
  const google = createFakeGoogle({ workbook: { sheets: { Contacts: [['Name', 'Birthday'], ['Ann', '1990-06-14']] } }, ...options });
  const spreadsheet = google.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName('Contacts')!;
  return { google, spreadsheet, sheet, values: google.globals.Sheets!.Spreadsheets.Values };
}

describe('the Sheets API’s values.batchUpdate', () => {
  it('refuses a request without valueInputOption, a range outside the grid or on no tab, too many values and objects', () => {
    const { spreadsheet, values, sheet } = workbook();
    const id = spreadsheet.getId();
    expect(() => values.batchUpdate({ data: [{ range: "'Contacts'!A1", values: [['x']] }] }, id)).toThrow("'valueInputOption' is required");
    expect(() => values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'Contacts'!A1001", values: [['x']] }] }, id)).toThrow('exceeds grid limits. Max rows: 1000');
    expect(() => values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'Nope'!A1", values: [['x']] }] }, id)).toThrow('Unable to parse range');
    expect(() => values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'Contacts'!A1:A1", values: [['x', 'y']] }] }, id)).toThrow('tried writing to column');
    expect(() => values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'Contacts'!A1", values: [[{ a: 1 }]] }] }, id)).toThrow('struct_value');
    expect(() => values.batchUpdate({ valueInputOption: 'RAW', data: [] }, 'another-spreadsheet')).toThrow('Requested entity was not found');
    expect(sheet.getRange('A1').getValue()).toBe('Name');
  });

  it('skips null cells, empties "" cells, keeps RAW text as text and types USER_ENTERED like a person', () => {
    const { spreadsheet, values, sheet } = workbook();
    values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'Contacts'!A2:C2", values: [[null, '', '=1+1']] }] }, spreadsheet.getId());
    expect(sheet.getRange('A2:C2').getValues()).toEqual([['Ann', '', '=1+1']]);
    expect(sheet.getRange('C2').getFormula()).toBe('');
    values.batchUpdate({ valueInputOption: 'USER_ENTERED', data: [{ range: "'Contacts'!C2:D2", values: [['=1+1', '007']] }] }, spreadsheet.getId());
    expect(sheet.getRange('C2:D2').getValues()).toEqual([[2, 7]]);
  });
});

describe('time zones', () => {
  it('reads typed dates in the spreadsheet’s zone, and runs the bundle’s Date in the script’s zone', () => {
    const { google } = workbook({ spreadsheetTimeZone: 'Europe/Berlin', scriptTimeZone: 'America/New_York' });
    const bundle = loadBundle(
      `function naiveDay() { const d = SpreadsheetApp.getActive().getSheetByName('Contacts').getRange('B2').getValue(); return d.getFullYear() + '-' + (d.getMonth() + 1) + '-' + d.getDate(); }
       function zonedDay() { const ss = SpreadsheetApp.getActive(); return Utilities.formatDate(ss.getSheetByName('Contacts').getRange('B2').getValue(), ss.getSpreadsheetTimeZone(), 'yyyy-M-d'); }
       function localMidnight() { return new Date(2024, 0, 5).toISOString(); }`,
      google,
    );
    // Reading a date cell with the script's local-time methods is the mistake Google punishes: New York is still on the 13th.
    expect(bundle.call('naiveDay')).toBe('1990-6-13');
    expect(bundle.call('zonedDay')).toBe('1990-6-14');
    expect(bundle.call('localMidnight')).toBe('2024-01-05T05:00:00.000Z');
  });
});

describe('LockService waits', () => {
  it('tryLock waits for a holder that lets go within the timeout, and gives up after it', () => {
    const { google } = workbook();
    google.execute('webapp', () => {
      google.locks.hold('script', 5_000);
      expect(google.globals.LockService.getScriptLock().tryLock(1_000)).toBe(false);
      expect(google.context.elapsedMs()).toBeGreaterThanOrEqual(1_000);
      expect(google.globals.LockService.getScriptLock().tryLock(10_000)).toBe(true);
      expect(google.context.elapsedMs()).toBeGreaterThanOrEqual(6_000);
    });
  });
});

describe('the 6-minute limit', () => {
  it('stops an execution that has run longer than the limit, as Google does', () => {
    const { google, spreadsheet } = workbook();
    google.execute('webapp', () => {
      google.globals.Utilities.sleep(6 * 60_000 + 1);
      expect(() => spreadsheet.getSheetByName('Contacts')).toThrow('Exceeded maximum execution time');
    });
  });
});

describe('cells', () => {
  it('gives a number under a date format as a Date, and a formula’s result', () => {
    const { sheet } = workbook({ spreadsheetTimeZone: 'Europe/Berlin' });
    sheet.getRange('C2').setNumberFormat('yyyy-mm-dd');
    sheet.getRange('C2').setValue(45296);
    expect(sheet.getRange('C2').getValue()).toEqual(new Date('2024-01-04T23:00:00.000Z'));
    sheet.getRange('D2').setFormula('=A2&"!"');
    expect(sheet.getRange('D2').getValue()).toBe('Ann!');
  });

  it('keeps typing into a plain-text cell as text, while setFormula still makes a formula', () => {
    const { sheet } = workbook();
    sheet.getRange('C2:D2').setNumberFormat('@');
    sheet.getRange('C2').setValue('=1+1');
    sheet.getRange('D2').setFormula('=1+1');
    expect(sheet.getRange('C2:D2').getValues()).toEqual([['=1+1', 2]]);
  });

  it('gives rows inserted after a formatted row its formatting', () => {
    const { sheet } = workbook();
    sheet.getRange(1, 3, sheet.getMaxRows(), 1).setNumberFormat('@');
    sheet.insertRowsAfter(sheet.getMaxRows(), 10);
    sheet.getRange(1005, 3).setValue('007');
    expect(sheet.getRange(1005, 3).getValue()).toBe('007');
  });

  it('refuses to hide the last visible tab', () => {
    const { sheet } = workbook();
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
  });
});

describe('the Sheets API’s values.batchGet', () => {
  it('cuts rows after their last value, leaves out an empty range’s values, gives dates as serial numbers, and refuses ranges outside the grid', () => {
    const { spreadsheet, values, sheet } = workbook({ spreadsheetTimeZone: 'Europe/Berlin' });
    sheet.getRange('D2').setValue('=1+1');
    const answer = values.batchGet(spreadsheet.getId(), { ranges: ["'Contacts'!A1:E3", "'Contacts'!F10:G12"], valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' });
    expect(answer.valueRanges[0]!.values).toEqual([['Name', 'Birthday'], ['Ann', 33038, '', 2]]);
    expect(answer.valueRanges[1]).not.toHaveProperty('values');
    expect(() => values.batchGet(spreadsheet.getId(), { ranges: ["'Contacts'!A1:A1001"], valueRenderOption: 'UNFORMATTED_VALUE' })).toThrow('exceeds grid limits');
    expect(() => values.batchGet(spreadsheet.getId(), { ranges: ["'Contacts'!A1"], valueRenderOption: 'FORMULA' })).toThrow('not modelled');
  });
});

describe('other spreadsheets', () => {
  it('creates spreadsheets the script can open by id, and refuses an id it cannot open', () => {
    const { google } = workbook();
    const app = google.globals.SpreadsheetApp;
    const archive = app.create('Archive 2021');
    expect(app.openById(archive.getId()).getName()).toBe('Archive 2021');
    expect(() => app.openById('no-such-spreadsheet')).toThrow('Document no-such-spreadsheet is missing');
    expect(() => archive.setSpreadsheetTimeZone('Mars/Olympus')).toThrow('Invalid argument: timezone');
  });
});
