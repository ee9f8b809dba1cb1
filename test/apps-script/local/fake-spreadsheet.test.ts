import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from '../../../apps-script/local/fake-google';

function contacts() {
  const google = createFakeGoogle({
    workbook: { sheets: { Contacts: [['Name', 'Email'], ['Ann', 'ann@example.com'], ['Bo', 'bo@example.com']] } },
  });
  const sheet = google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
  return { google, sheet };
}

describe('Range.setValues is as strict as Google', () => {
  it('rejects too few or too many rows with Google’s message and writes nothing', () => {
    const { google, sheet } = contacts();
    const before = google.mutations;
    expect(() => sheet.getRange(2, 1, 3, 2).setValues([['a', 'b'], ['c', 'd']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => sheet.getRange(2, 1, 1, 2).setValues([['a', 'b'], ['c', 'd']])).toThrow('The data has 2 but the range has 1.');
    expect(google.mutations).toBe(before);
    expect(sheet.getRange(2, 1).getValue()).toBe('Ann');
  });

  it('rejects a row of the wrong width, even when only one row is off', () => {
    const { sheet } = contacts();
    expect(() => sheet.getRange(2, 1, 2, 2).setValues([['a', 'b'], ['c']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getRange(2, 1).getValue()).toBe('Ann');
  });

  it('rejects undefined and objects that are not dates, leaving the sheet untouched', () => {
    const { sheet } = contacts();
    expect(() => sheet.getRange(2, 1, 1, 2).setValues([['x', undefined]])).toThrow(/undefined/);
    expect(() => sheet.getRange(2, 1, 1, 2).setValues([['x', { a: 1 }]])).toThrow(/Object/);
    expect(() => sheet.getRange(2, 1).setValue('x'.repeat(50_001))).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(sheet.getRange(2, 1).getValue()).toBe('Ann');
  });

  it('throws Google’s messages for ranges outside the sheet or of zero size', () => {
    const { sheet } = contacts();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(2, 1, 0, 2)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  it('throws errors whose name is Exception, as Apps Script’s do', () => {
    const { sheet } = contacts();
    try {
      sheet.getRange(0, 1);
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toBe('Exception: The starting row of the range is too small.');
    }
  });
});

describe('reading and writing cells', () => {
  it('returns copies: changing what getValues gave does not change the sheet', () => {
    const { sheet } = contacts();
    const values = sheet.getDataRange().getValues();
    values[1][0] = 'changed';
    expect(sheet.getRange('A2').getValue()).toBe('Ann');
  });

  it('reads empty cells as empty strings and formulas as what they compute', () => {
    const { sheet } = contacts();
    sheet.getRange('C2').setValue('=LEN(A2)');
    sheet.getRange('E2').setValue('=A2&" <"&B2&">"');
    sheet.getRange('F2').setValue('=NOSUCHFUNCTION(A2)');
    expect(sheet.getRange('A2:F2').getValues()).toEqual([['Ann', 'ann@example.com', 3, '', 'Ann <ann@example.com>', '#NAME?']]);
    expect(sheet.getRange('A2:C2').getFormulas()).toEqual([['', '', '=LEN(A2)']]);
    expect(sheet.getLastColumn()).toBe(6);
  });

  it('types written strings like a person: numbers, dates, booleans; apostrophes keep text', () => {
    const { sheet } = contacts();
    sheet.getRange(2, 3, 1, 5).setValues([['+4915112345678', "'+4915112345678", '2024-03-05', 'TRUE', null]]);
    const [row] = sheet.getRange(2, 3, 1, 5).getValues();
    expect(row).toEqual([4915112345678, '+4915112345678', new Date(Date.UTC(2024, 2, 5)), true, '']);
    expect(sheet.getRange(2, 3, 1, 4).getDisplayValues()).toEqual([['4915112345678', '+4915112345678', '2024-03-05', 'TRUE']]);
  });

  it('keeps text as written in cells formatted as plain text', () => {
    const { sheet } = contacts();
    sheet.getRange('C2:C3').setNumberFormat('@');
    sheet.getRange('C2:C3').setValues([['+4915112345678'], ['=1+1']]);
    expect(sheet.getRange('C2:C3').getValues()).toEqual([['+4915112345678'], ['=1+1']]);
    expect(sheet.getRange('C2').getNumberFormat()).toBe('@');
  });

  it('finds the last row and column with content, ignoring formatting', () => {
    const { sheet } = contacts();
    sheet.getRange('A10:Z10').setBackground('#ff0000');
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B3');
    sheet.getRange('E7').setValue(0);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 5]);
  });

  it('gives an empty tab a 1 × 1 data range and a last row of 0', () => {
    const google = createFakeGoogle();
    const sheet = google.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Deals');
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  it('reads A1 notation for cells, blocks, whole columns and rows', () => {
    const { sheet } = contacts();
    expect(sheet.getRange('B2:C4').getA1Notation()).toBe('B2:C4');
    const column = sheet.getRange('B:B');
    expect([column.getRow(), column.getNumRows(), column.getColumn(), column.getNumColumns()]).toEqual([1, 1000, 2, 1]);
    const row = sheet.getRange('2:3');
    expect([row.getRow(), row.getNumRows(), row.getNumColumns()]).toEqual([2, 2, 26]);
    expect(sheet.getRange('Contacts!A2').getValues()).toEqual([['Ann']]);
  });
});

describe('changing the shape of a tab', () => {
  it('appendRow writes after the last row with content and grows a full tab', () => {
    const { sheet } = contacts();
    sheet.appendRow(['Cy', 'cy@example.com']);
    expect(sheet.getRange('A4:B4').getValues()).toEqual([['Cy', 'cy@example.com']]);
    sheet.deleteRows(5, 996);
    expect(sheet.getMaxRows()).toBe(4);
    sheet.appendRow(['Di']);
    expect(sheet.getMaxRows()).toBe(5);
    expect(sheet.getRange('A5').getValue()).toBe('Di');
  });

  it('inserting and deleting rows and columns moves the cells and hidden columns with them', () => {
    const { sheet } = contacts();
    sheet.hideColumns(2);
    sheet.insertRowsAfter(1, 2);
    sheet.insertColumnsAfter(0, 1);
    expect(sheet.getRange('B4').getValue()).toBe('Ann');
    expect(sheet.isColumnHiddenByUser(3)).toBe(true);
    expect(sheet.isColumnHiddenByUser(2)).toBe(false);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1002, 27]);
    sheet.deleteRow(2);
    sheet.deleteColumn(1);
    expect(sheet.getRange('A3').getValue()).toBe('Ann');
    expect(sheet.isColumnHiddenByUser(2)).toBe(true);
  });

  it('refuses to delete rows beyond the tab or every non-frozen row', () => {
    const { sheet } = contacts();
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });

  it('a range made before rows were deleted fails once it lies outside the tab', () => {
    const { sheet } = contacts();
    const last = sheet.getRange(1000, 1);
    sheet.deleteRows(10, 5);
    expect(() => last.getValue()).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });

  it('insertSheet refuses an existing name (in any case) and makes 1000 × 26 tabs', () => {
    const { google } = contacts();
    const spreadsheet = google.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(() => spreadsheet.insertSheet('contacts')).toThrow('A sheet with the name "contacts" already exists. Please enter another name.');
    const deals = spreadsheet.insertSheet('Deals', 0);
    expect([deals.getMaxRows(), deals.getMaxColumns()]).toEqual([1000, 26]);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Deals', 'Contacts']);
    expect(spreadsheet.getSheetByName('Missing')).toBeNull();
  });
});

describe('call counting', () => {
  it('counts every call per Class.method, and spreadsheet calls apart from the rest', () => {
    const { google, sheet } = contacts();
    google.resetCalls();
    const values = sheet.getDataRange().getValues();
    sheet.getRange(2, 1, values.length - 1, 2).setValues(values.slice(1));
    google.globals.PropertiesService.getScriptProperties().getProperty('x');
    expect(google.calls.byMethod).toEqual({
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
      'Sheet.getRange': 1,
      'Range.setValues': 1,
      'PropertiesService.getScriptProperties': 1,
      'Properties.getProperty': 1,
    });
    expect(google.calls.total).toBe(6);
    expect(google.spreadsheetCalls()).toBe(4);
  });

  it('does not count internal work or a person’s edits, and resets', () => {
    const { google, sheet } = contacts();
    google.resetCalls();
    sheet.getRange('A2:B3').setValue('x');
    google.asPerson(() => sheet.getRange('A2').setValue('typed by a person'));
    expect(google.calls.byMethod).toEqual({ 'Sheet.getRange': 1, 'Range.setValue': 1 });
    google.resetCalls();
    expect(google.calls).toEqual({ byMethod: {}, total: 0, cellsRead: 0, cellsWritten: 0 });
  });
});

describe('the UI', () => {
  it('records menus and answers dialogs from scripted answers', () => {
    const google = createFakeGoogle();
    const ui = google.globals.SpreadsheetApp.getUi();
    ui.createMenu('Rapport').addItem('Set up', 'setUpTabs').addSeparator().addItem('Export', 'exportAll').addToUi();
    expect(google.menus).toEqual([
      { caption: 'Rapport', items: [{ caption: 'Set up', functionName: 'setUpTabs' }, { separator: true }, { caption: 'Export', functionName: 'exportAll' }] },
    ]);
    google.uiAnswers.push({ button: 'NO' }, { button: 'OK', text: 'bo@example.com' });
    expect(ui.alert('Sure?', 'Erase Bo?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const answer = ui.prompt('Email?', ui.ButtonSet.OK_CANCEL);
    expect([answer.getSelectedButton(), answer.getResponseText()]).toEqual(['OK', 'bo@example.com']);
    expect(google.dialogs.map((d) => [d.kind, d.title, d.message])).toEqual([
      ['alert', 'Sure?', 'Erase Bo?'],
      ['prompt', '', 'Email?'],
    ]);
  });

  it('is unavailable in web-app requests and time-driven triggers, as on Google', () => {
    const google = createFakeGoogle();
    expect(() => google.execute('webapp', () => google.globals.SpreadsheetApp.getUi())).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(() => google.execute('trigger', () => google.globals.SpreadsheetApp.getUi())).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('protections', () => {
  it('records range and tab protections with their settings', () => {
    const { google, sheet } = contacts();
    const { SpreadsheetApp } = google.globals;
    sheet.getRange('A1:B1').protect().setDescription('Rapport headers').setWarningOnly(true);
    sheet.protect().setDescription('whole tab');
    const [headers] = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    expect([headers.getDescription(), headers.isWarningOnly(), headers.getRange().getA1Notation()]).toEqual(['Rapport headers', true, 'A1:B1']);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).map((p) => p.getRange().getA1Notation())).toEqual(['A1:B3']);
    headers.remove();
    expect(SpreadsheetApp.getActiveSpreadsheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
  });
});
