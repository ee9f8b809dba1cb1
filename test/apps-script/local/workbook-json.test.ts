import { describe, expect, it } from 'vitest';
import { createFakeGoogle, type WorkbookJson } from '../../../apps-script/local/fake-google';
import { formatWorkbookJson } from '../../../apps-script/local/workbook-json';

describe('the workbook JSON file', () => {
  it('saves cells as a person would type them, so reloading gives the same values back', () => {
    const google = createFakeGoogle();
    const spreadsheet = google.globals.SpreadsheetApp.getActiveSpreadsheet();
    const contacts = spreadsheet.insertSheet('Contacts');
    contacts.getRange(1, 1, 3, 6).setValues([
      ['Name', 'Phone', 'Zip', 'Score', 'Since', 'Formula'],
      ['Ann', "'+4915112345678", "'007", 42.5, new Date(Date.UTC(2023, 4, 6)), '=LEN(A2)'],
      ['<b>Bo</b>', "'TRUE", "'=cmd|' /C calc'!A0", false, new Date(Date.UTC(2023, 4, 6, 7, 8, 9)), "''quoted"],
    ]);
    const json = google.toJSON();
    expect(json.sheets.Contacts).toEqual([
      ['Name', 'Phone', 'Zip', 'Score', 'Since', 'Formula'],
      ['Ann', "'+4915112345678", "'007", 42.5, '2023-05-06', '=LEN(A2)'],
      ['<b>Bo</b>', "'TRUE", "'=cmd|' /C calc'!A0", false, '2023-05-06 07:08:09', "''quoted"],
    ]);

    const reloaded = createFakeGoogle({ workbook: JSON.parse(JSON.stringify(json)) as WorkbookJson });
    const again = reloaded.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    expect(again.getDataRange().getValues()).toEqual(contacts.getDataRange().getValues());
    expect(again.getDataRange().getFormulas()).toEqual(contacts.getDataRange().getFormulas());
    expect(reloaded.toJSON()).toEqual(json);
  });

  it('trims to the last row and column with content and keeps tab order', () => {
    const google = createFakeGoogle({ workbook: { sheets: { B: [['x', '', ''], ['', '', null], []], A: [] } } });
    expect(google.toJSON().sheets).toEqual({ B: [['x']], A: [] });
    expect(Object.keys(google.toJSON().sheets)).toEqual(['B', 'A']);
  });

  it('keeps script properties, hidden columns, frozen rows, sizes, plain-text formats and triggers', () => {
    const google = createFakeGoogle({ workbook: { sheets: { Contacts: [['Name', 'Phone', '_hash']] } } });
    const { SpreadsheetApp, PropertiesService, ScriptApp } = google.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    sheet.hideColumns(3);
    sheet.setFrozenRows(1);
    sheet.insertRowsAfter(1000, 500);
    sheet.getRange('B2:B1500').setNumberFormat('@');
    PropertiesService.getScriptProperties().setProperty('rapport.members', '{"t":"ann@example.com"}');
    ScriptApp.newTrigger('sendReminders').timeBased().everyDays(1).atHour(7).create();

    const json = google.toJSON();
    expect(json).toMatchObject({
      properties: { 'rapport.members': '{"t":"ann@example.com"}' },
      hiddenColumns: { Contacts: [3] },
      frozenRows: { Contacts: 1 },
      sizes: { Contacts: { rows: 1500, columns: 26 } },
      numberFormats: { Contacts: { 'B2:B1500': '@' } },
      triggers: [{ handlerFunction: 'sendReminders', eventType: 'CLOCK', schedule: { everyDays: 1, atHour: 7 } }],
    });

    const reloaded = createFakeGoogle({ workbook: JSON.parse(formatWorkbookJson(json)) as WorkbookJson });
    const again = reloaded.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    again.getRange('B1400').setValue('+4915112345678');
    expect(again.getRange('B1400').getValue()).toBe('+4915112345678');
    expect([again.isColumnHiddenByUser(3), again.getFrozenRows(), again.getMaxRows()]).toEqual([true, 1, 1500]);
    expect(reloaded.globals.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['sendReminders']);
  });

  it('writes one row per line', () => {
    const text = formatWorkbookJson({ sheets: { Contacts: [['Name', 'Phone'], ['Ann', "'007"]], Empty: [] }, frozenRows: { Contacts: 1 } });
    expect(text.split('\n')).toEqual([
      '{',
      '  "sheets": {',
      '    "Contacts": [',
      '      ["Name","Phone"],',
      `      ["Ann","'007"]`,
      '    ],',
      '    "Empty": []',
      '  },',
      '  "frozenRows": {"Contacts":1}',
      '}',
      '',
    ]);
  });

  it('refuses a malformed file with a message naming the problem', () => {
    expect(() => createFakeGoogle({ workbook: { sheets: { Contacts: [['x', { bad: 1 }]] } } as unknown as WorkbookJson })).toThrow(/sheets/);
  });
});
