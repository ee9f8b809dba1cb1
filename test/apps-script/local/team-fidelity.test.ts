import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from '../../../apps-script/local/fake-google';
import { loadBundle } from '../../../apps-script/local/load-bundle';
import { SIDEBAR_SHIM } from '../../../apps-script/local/sidebar-shim';

// The local sheet's fakes for menus, sidebars, data validation, conditional formats, protections,
// column groups, charts, time-driven triggers and mail (apps-script/local/FIDELITY.md): each is
// recorded as Google keeps it, and a call Google would refuse fails here too.

function workbook(options: Parameters<typeof createFakeGoogle>[0] = {}) {
  const google = createFakeGoogle({ workbook: { sheets: { Data: [['Name', 'Status', 'Amount'], ['Ann', 'open', 5], ['Ben', 'done', 7]] } }, ...options });
  const app = google.globals.SpreadsheetApp;
  const spreadsheet = app.getActiveSpreadsheet();
  return { google, app, spreadsheet, sheet: spreadsheet.getSheetByName('Data')! };
}

const BUNDLE = String.raw`var Tiny = (() => {
  function onOpen() { SpreadsheetApp.getUi().createMenu("Tiny").addItem("Works", "works").addItem("Broken", "gone").addToUi(); }
  function works() { SpreadsheetApp.getActiveSpreadsheet().toast("it works"); }
  function sidebarFromText() { SpreadsheetApp.getUi().showSidebar("<p>hello</p>"); }
  function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput("<p>hello</p>").setTitle("Tiny")); }
  function daily() { SpreadsheetApp.getActiveSpreadsheet().toast("daily at " + new Date().toISOString()); }
  function install() { ScriptApp.newTrigger("daily").timeBased().everyDays(1).atHour(8).inTimezone("Europe/Berlin").create(); ScriptApp.newTrigger("vanished").timeBased().everyHours(1).create(); }
  return { onOpen, works, sidebarFromText, sidebar, daily, install };
})();
function onOpen() { return Tiny.onOpen.apply(this, arguments); }
function works() { return Tiny.works.apply(this, arguments); }
function sidebarFromText() { return Tiny.sidebarFromText.apply(this, arguments); }
function sidebar() { return Tiny.sidebar.apply(this, arguments); }
function daily() { return Tiny.daily.apply(this, arguments); }
function install() { return Tiny.install.apply(this, arguments); }
`;

describe('menus and sidebars', () => {
  it('runs a menu item’s function, and fails an item whose function the script lacks', () => {
    const google = createFakeGoogle();
    const bundle = loadBundle(BUNDLE, google);
    bundle.call('onOpen');
    bundle.clickMenu('Tiny', 'Works');
    expect(google.toasts.at(-1)?.message).toBe('it works');
    expect(() => bundle.clickMenu('Tiny', 'Broken')).toThrow('Script function not found: gone');
  });

  it('shows only HtmlOutput in a sidebar, and getUi fails outside the editor', () => {
    const google = createFakeGoogle();
    const bundle = loadBundle(BUNDLE, google);
    bundle.call('sidebar');
    expect(google.dialogs.at(-1)).toEqual({ kind: 'sidebar', title: 'Tiny', message: '<p>hello</p>' });
    expect(() => bundle.call('sidebarFromText')).toThrow("The parameters (String) don't match the method signature for Ui.showSidebar.");
    expect(() => bundle.callAs('trigger', 'sidebar')).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('lets a sidebar call global functions only, with values google.script.run can carry', async () => {
    const requests: unknown[] = [];
    const context = vm.createContext({
      setTimeout,
      Promise,
      fetch: async (_url: string, init: { body: string }) => {
        requests.push(JSON.parse(init.body));
        return { json: async () => ({ ok: true, result: 42 }) };
      },
    });
    context.window = context;
    vm.runInContext(SIDEBAR_SHIM, context);
    const call = (name: string, ...args: unknown[]) =>
      new Promise((resolve) => (context.google.script.run.withSuccessHandler((r: unknown) => resolve(['ok', r])).withFailureHandler((e: Error) => resolve(['failed', e.message])) as Record<string, (...a: unknown[]) => void>)[name]!(...args));
    expect(await call('saveSettings', { hour: 7 })).toEqual(['ok', 42]);
    expect(await call('secret_')).toEqual(['failed', 'Script function not found: secret_']);
    expect(await call('saveSettings', { when: new Date() })).toEqual(['failed', 'Failed due to illegal value in property: Date']);
    expect(await call('saveSettings', () => 1)).toEqual(['failed', 'Failed due to illegal value in property: Function']);
    expect(requests).toEqual([{ function: 'saveSettings', args: [{ hour: 7 }] }]);
  });
});

describe('data validation', () => {
  it('records rules on cells; refuses a person’s input a strict rule rejects, never a script’s write', () => {
    const { google, app, sheet } = workbook();
    const rule = app.newDataValidation().requireValueInList(['open', 'done'], true).setAllowInvalid(false).build();
    sheet.getRange('B2:B1000').setDataValidation(rule);
    expect(sheet.getRange('B5').getDataValidation()!.getCriteriaValues()).toEqual([['open', 'done'], true]);
    expect(() => google.personTypes('Data', 2, 2, 'later')).toThrow('There was a problem: Input must be an item on the specified list: open, done');
    expect(sheet.getRange('B2').getValue()).toBe('open');
    google.personTypes('Data', 2, 2, 'done');
    sheet.getRange('B3').setValue('later'); // a script's write is not checked, as on Google
    expect(sheet.getRange('B2:B3').getValues()).toEqual([['done'], ['later']]);
    // A warning rule keeps what a person types.
    sheet.getRange('C2:C1000').setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).build());
    google.personTypes('Data', 2, 3, '50');
    expect(sheet.getRange('C2').getValue()).toBe(50);
    // Rows inserted below take the rule of the row above, as in Sheets.
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getRange('B1003').getDataValidation()).not.toBeNull();
  });

  it('refuses a rule that is not a built DataValidation, and a list that is not an array', () => {
    const { app, sheet } = workbook();
    expect(() => sheet.getRange('B2').setDataValidation('open,done' as never)).toThrow("The parameters (String) don't match the method signature for SpreadsheetApp.Range.setDataValidation.");
    expect(() => sheet.getRange('B2').setDataValidation(app.newDataValidation().requireCheckbox() as never)).toThrow('match the method signature');
    expect(() => app.newDataValidation().requireValueInList('open,done' as never)).toThrow("The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.");
  });
});

describe('conditional formats, protections and column groups', () => {
  it('records rules whose ranges move with the cells, and refuses a builder that was not built', () => {
    const { app, sheet } = workbook();
    const rule = app.newConditionalFormatRule().whenFormulaSatisfied('=$B2="open"').setBackground('#f4c7c3').setRanges([sheet.getRange('A2:C1000')]).build();
    sheet.setConditionalFormatRules([rule]);
    sheet.insertColumnBefore(1);
    expect(sheet.getConditionalFormatRules().map((r) => [r.getRanges()[0]!.getA1Notation(), r.getBooleanCondition()!.getBackground()])).toEqual([['B2:D1000', '#f4c7c3']]);
    expect(() => sheet.setConditionalFormatRules([app.newConditionalFormatRule().whenFormulaSatisfied('=TRUE') as never])).toThrow("The parameters (Object[]) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.");
    expect(() => app.newConditionalFormatRule().setRanges(['A2:C10'] as never)).toThrow('match the method signature');
  });

  it('moves protections with their columns, and protects nothing outside the grid', () => {
    const { app, sheet } = workbook();
    sheet.getRange('C:C').protect().setDescription('amounts').setWarningOnly(true);
    sheet.insertColumnBefore(1);
    sheet.insertColumnBefore(1);
    sheet.moveColumns(sheet.getRange('E1'), 1);
    const protection = sheet.getProtections(app.ProtectionType.RANGE)[0]!;
    expect([protection.getRange().getA1Notation(), protection.isWarningOnly()]).toEqual(['A1:A1000', true]);
    expect(() => sheet.getRange(1, 40).protect()).toThrow('outside the dimensions of the sheet');
  });

  it('groups columns, collapses a group to hide them, and refuses a move from another tab or outside the grid', () => {
    const { google, spreadsheet, sheet } = workbook();
    sheet.getRange('B1:C1').shiftColumnGroupDepth(1);
    expect([1, 2, 3, 4].map((c) => sheet.getColumnGroupDepth(c))).toEqual([0, 1, 1, 0]);
    sheet.getColumnGroup(2, 1)!.collapse();
    expect([sheet.isColumnHiddenByUser(2), sheet.isColumnHiddenByUser(3)]).toEqual([true, true]);
    expect(sheet.getColumnGroup(1, 1)).toBeNull();
    sheet.moveColumns(sheet.getRange('B1:C1'), 5);
    expect([sheet.getRange('A1:D1').getValues()[0], sheet.getColumnGroupDepth(2), sheet.getColumnGroupDepth(3), sheet.getColumnGroupDepth(4)]).toEqual([['Name', '', 'Status', 'Amount'], 0, 1, 1]);
    const other = spreadsheet.insertSheet('Other');
    expect(() => sheet.moveColumns(other.getRange('A1'), 2)).toThrow('match the method signature for SpreadsheetApp.Sheet.moveColumns');
    expect(() => sheet.moveColumns(sheet.getRange('A1'), 40)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.getRange('A1').shiftColumnGroupDepth(0.5)).toThrow('match the method signature');
    expect(google.toJSON().columnGroups?.Data).toEqual([{ first: 3, count: 2, depth: 1, collapsed: true }]);
  });
});

describe('embedded charts', () => {
  it('records a chart’s type, data ranges (moved with the cells) and place, and saves them with the workbook', () => {
    const { google, sheet } = workbook();
    const Charts = google.globals.Charts;
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:A3')).addRange(sheet.getRange('C1:C3')).setPosition(5, 2, 0, 0).setOption('title', 'Amounts').build());
    sheet.insertRowsAfter(1, 1);
    const [chart] = sheet.getCharts();
    expect([chart!.getRanges().map((r) => r.getA1Notation()), chart!.modify().getChartType(), chart!.getContainerInfo().getAnchorRow(), chart!.getOptions().get('title')]).toEqual([['A1:A4', 'C1:C4'], 'COLUMN', 5, 'Amounts']);
    expect(google.toJSON().charts?.Data).toEqual([expect.objectContaining({ type: 'COLUMN', ranges: ['A1:A4', 'C1:C4'], position: { row: 5, column: 2, offsetX: 0, offsetY: 0 } })]);
  });

  it('refuses a range given as text, an unknown chart type and a builder that was not built', () => {
    const { google, sheet } = workbook();
    expect(() => sheet.newChart().addRange('A1:B3' as never)).toThrow("The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.");
    expect(() => sheet.newChart().setChartType('DONUT')).toThrow('match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType');
    expect(() => sheet.insertChart(sheet.newChart().setChartType(google.globals.Charts.ChartType.PIE) as never)).toThrow('match the method signature for SpreadsheetApp.Sheet.insertChart');
    const chart = sheet.newChart().addRange(sheet.getRange('A1:C3')).build();
    sheet.insertChart(chart);
    expect(() => sheet.insertChart(chart)).toThrow('already on the sheet');
  });
});

describe('time-driven triggers and mail', () => {
  it('fires a daily trigger in its hour in its time zone, once, and fails one whose function is gone', () => {
    let now = new Date('2026-11-24T06:10:00Z'); // 07:10 in Berlin
    const google = createFakeGoogle({ now: () => now });
    const bundle = loadBundle(BUNDLE, google);
    bundle.call('install');
    expect(bundle.fireTimeTriggers()).toEqual([{ handler: 'vanished', ok: false, error: 'Script function not found: vanished' }]);
    now = new Date('2026-11-24T07:20:00Z'); // 08:20 in Berlin
    expect(bundle.fireTimeTriggers().map((r) => [r.handler, r.ok])).toEqual([['daily', true], ['vanished', false]]);
    expect(google.toasts.at(-1)?.message).toBe('daily at 2026-11-24T07:20:00.000Z');
    now = new Date('2026-11-24T07:50:00Z');
    expect(bundle.fireTimeTriggers()).toEqual([]);
    expect(() => google.globals.ScriptApp.newTrigger('daily').timeBased().everyHours(1).atHour(8).create()).toThrow('atHour() and nearMinute() can only be used with everyDays() or everyWeeks().');
  });

  it('records mail with its HTML body, counts each recipient against the quota and refuses mail beyond it', () => {
    const google = createFakeGoogle({ mailQuota: 2 });
    const mail = google.globals.MailApp;
    mail.sendEmail({ to: 'ann@team.test, bo@team.test', subject: 'Digest', body: 'text', htmlBody: '<p>html</p>', name: 'Rapport' });
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(google.sentMail).toEqual([{ to: 'ann@team.test, bo@team.test', subject: 'Digest', body: 'text', htmlBody: '<p>html</p>', name: 'Rapport' }]);
    expect(() => mail.sendEmail('cy@team.test', 'Digest', 'text')).toThrow('Service invoked too many times for one day: email.');
    google.setMailQuota(5);
    expect(() => mail.sendEmail('not-an-address', 'Digest', 'text')).toThrow('Invalid email: not-an-address');
  });
});
