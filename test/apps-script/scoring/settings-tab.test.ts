import { describe, expect, it } from 'vitest';
import { contactRowsById, lastToast, recordMakers, sheetAt, syncAll, tabRows, unreadableCells, type LocalSheet } from './scoring-sheet';

// Five customers who each bought once, for 500, 300, 100, 50 and 50: by the default ABC
// thresholds (A up to 80 %, B up to 95 % of revenue) the first two are A, the rest B (the share
// of those above the third is exactly 80 %, not under it).
const NOW = '2026-06-30T12:00:00.000Z';
const { contact, purchase } = recordMakers(11, '2026-01-05T09:00:00.000Z');
const buyers = [500, 300, 100, 50, 50].map((amount, i) => ({ amount, contact: contact({ firstName: `Buyer ${i + 1}` }) }));

function sheetWithBuyers(): LocalSheet {
  const sheet = sheetAt(NOW);
  syncAll(sheet, {
    contacts: buyers.map((b) => b.contact),
    interactions: buyers.map((b, i) => purchase(b.contact.id, `2026-0${i + 1}-15T10:00:00.000Z`, b.amount)),
  });
  return sheet;
}

const classes = (sheet: LocalSheet) => {
  const rows = contactRowsById(sheet);
  return buyers.map((b) => rows.get(b.contact.id)!['Value class']);
};

/** Types into the Settings tab's Value cell of `key`, as a person would. */
function setSetting(sheet: LocalSheet, key: string, value: unknown) {
  const row = tabRows(sheet, 'Settings').findIndex((r) => r.Setting === key) + 2;
  sheet.google.asPerson(() => sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings')!.getRange(row, 2).setValue(value));
}

const setting = (sheet: LocalSheet, key: string) => tabRows(sheet, 'Settings').find((r) => r.Setting === key);

describe('the Settings tab (built bundle, local sheet)', () => {
  it('is created with every setting, its default and a description, once', () => {
    const sheet = sheetWithBuyers();
    sheet.bundle.call('recalculateScores');
    const rows = tabRows(sheet, 'Settings');
    expect(rows.map((r) => r.Setting)).toEqual(expect.arrayContaining([
      'abc.a', 'abc.b', 'clv.horizonMonths', 'clv.annualDiscountRate', 'atRisk.pAliveThreshold', 'atRisk.overdueFactor',
      'lead.recency', 'lead.engagement', 'lead.profile', 'lead.stage', 'lead.deal', 'lead.recencyHalfLifeDays', 'lead.stageQualified',
    ]));
    expect(setting(sheet, 'abc.a')).toMatchObject({ Value: 0.8, Problem: '' });
    expect(setting(sheet, 'clv.horizonMonths')).toMatchObject({ Value: 12 });
    const team = ['reminders.', 'currency', 'keepInTouch.', 'privacy.', 'stages.', 'webApp.'];
    for (const row of rows.filter((r) => !team.some((prefix) => String(r.Setting).startsWith(prefix)))) expect([typeof row.Value, String(row.Description).length > 20]).toEqual(['number', true]);
    expect(setting(sheet, 'stages.automatic')).toMatchObject({ Value: true, Problem: '' });
    expect(setting(sheet, 'currency')).toMatchObject({ Value: 'EUR', Problem: '' });
    expect(lastToast(sheet)).toMatch(/Created the Settings tab/);
    expect(classes(sheet)).toEqual(['A', 'A', 'B', 'B', 'B']);

    sheet.bundle.call('recalculateScores');
    expect(tabRows(sheet, 'Settings')).toEqual(rows);
  });

  it('applies a threshold a manager changed at the next recalculation', () => {
    const sheet = sheetWithBuyers();
    sheet.bundle.call('recalculateScores');
    setSetting(sheet, 'abc.a', 0.5);
    sheet.bundle.call('recalculateScores');
    expect(classes(sheet)).toEqual(['A', 'B', 'B', 'B', 'B']);
    expect(lastToast(sheet)).toMatch(/1 contact\(s\) updated/);
  });

  it('uses the default for a value it cannot use, says why next to it, and clears that once fixed', () => {
    const sheet = sheetWithBuyers();
    sheet.bundle.call('recalculateScores');
    setSetting(sheet, 'abc.a', 'most');
    setSetting(sheet, 'clv.horizonMonths', 1.5);
    setSetting(sheet, 'lead.recencyHalfLifeDays', 0);
    sheet.bundle.call('recalculateScores');

    expect(setting(sheet, 'abc.a')!.Problem).toBe('Not a number; using the default 0.8');
    expect(setting(sheet, 'clv.horizonMonths')!.Problem).toBe('Must be a whole number of months from 1 to 600; using the default 12');
    expect(setting(sheet, 'lead.recencyHalfLifeDays')!.Problem).toBe('Must be above 0; using the default 14');
    expect(classes(sheet)).toEqual(['A', 'A', 'B', 'B', 'B']);
    expect(lastToast(sheet)).toMatch(/Settings row \d+ \(abc\.a\): Not a number; using the default 0\.8\./);
    expect(unreadableCells(sheet)).toEqual([]);

    setSetting(sheet, 'abc.a', '50%');
    sheet.bundle.call('recalculateScores');
    expect(setting(sheet, 'abc.a')!.Problem).toBe('');
    expect(classes(sheet)).toEqual(['A', 'B', 'B', 'B', 'B']);
  });

  it('keeps class B from ending before class A', () => {
    const sheet = sheetWithBuyers();
    sheet.bundle.call('recalculateScores');
    setSetting(sheet, 'abc.a', 0.9);
    setSetting(sheet, 'abc.b', 0.5);
    sheet.bundle.call('recalculateScores');
    expect(setting(sheet, 'abc.b')!.Problem).toBe('Must not be below abc.a (0.9); using 0.95');
    // A up to 90 %: 500, 300 and 100 (80 % above it); B up to 95 %: one 50 (90 % above); the tie shares B.
    expect(classes(sheet)).toEqual(['A', 'A', 'A', 'B', 'B']);
  });

  it('puts back a setting whose row was deleted, with its default', () => {
    const sheet = sheetWithBuyers();
    sheet.bundle.call('recalculateScores');
    const row = tabRows(sheet, 'Settings').findIndex((r) => r.Setting === 'abc.b') + 2;
    sheet.google.asPerson(() => sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings')!.deleteRow(row));
    sheet.bundle.call('recalculateScores');
    const rows = tabRows(sheet, 'Settings');
    expect(rows.filter((r) => r.Setting === 'abc.b')).toEqual([expect.objectContaining({ Value: 0.95 })]);
    expect(rows.at(-1)!.Setting).toBe('abc.b');
    expect(lastToast(sheet)).toMatch(/Added 1 missing setting/);
  });

  it('leaves a Settings tab that is not Rapport’s alone and uses the defaults', () => {
    const sheet = sheetWithBuyers();
    const own = [['Theme', 'Colour'], ['dark', 'blue']];
    sheet.google.asPerson(() => {
      const tab = sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Settings');
      tab.getRange(1, 1, 2, 2).setValues(own);
    });
    sheet.bundle.call('recalculateScores');
    expect(sheet.google.toJSON().sheets.Settings).toEqual(own);
    expect(classes(sheet)).toEqual(['A', 'A', 'B', 'B', 'B']);
    expect(lastToast(sheet)).toMatch(/The Settings tab has no "Setting" and "Value" columns, so the default settings were used/);
  });
});
