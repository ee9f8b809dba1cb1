import { describe, expect, it } from 'vitest';
import { cdnowSampleTransactions } from '../../fixtures/cdnow/load-cdnow';
import { contactRowsById, lastToast, recordMakers, sheetAt, syncAll, tabRows, unreadableCells, type LocalSheet } from './scoring-sheet';

// The Settings tab says how far to trust the scores: what each model was fitted on and how, and
// a backtest of the latest months, in words (built bundle, local sheet).

/** The report block beside the settings, as the sheet shows it: rows of up to four cells, trailing blanks cut. */
function report(sheet: LocalSheet): unknown[][] {
  const rows = sheet.google.toJSON().sheets.Settings!;
  const column = rows[0]!.indexOf('Model quality');
  expect(column).toBeGreaterThan(3);
  const all = rows.map((row) => row.slice(column, column + 4).map((cell) => cell ?? ''));
  // The model report ends where the Space section (how full the spreadsheet is) begins.
  const space = all.findIndex((row) => row[0] === 'Space');
  const block = space < 0 ? all : all.slice(0, space);
  while (block.length > 0 && block.at(-1)!.every((cell) => cell === '')) block.pop();
  return block.map((row) => {
    const cells = [...row];
    while (cells.length > 1 && cells.at(-1) === '') cells.pop();
    return cells;
  });
}

function setSetting(sheet: LocalSheet, key: string, value: unknown) {
  const row = tabRows(sheet, 'Settings').findIndex((r) => r.Setting === key) + 2;
  expect(row).toBeGreaterThan(1);
  sheet.google.asPerson(() => sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings')!.getRange(row, 2).setValue(value));
}

const sample = cdnowSampleTransactions();

describe('the model report in the Settings tab', () => {
  it('tells a small team its scores are rough, and why, while still giving P(alive) and CLV', () => {
    // The first 20 customers of the CDNOW sample, on the published calibration end.
    const { customersFrom } = recordMakers(5, '1997-01-01T08:00:00.000Z');
    const customers = customersFrom(sample.filter((t) => Number(t.customerId) <= 20));
    const sheet = sheetAt('1997-09-30T18:00:00.000Z');
    syncAll(sheet, { contacts: customers.contacts, interactions: customers.interactions });
    sheet.bundle.call('recalculateScores');

    const lines = report(sheet).map((row) => String(row[0]));
    expect(lines[0]).toBe('Model quality');
    expect(lines[1]).toBe('Recalculated 1997-09-30: 20 customer(s), 9 of them bought more than once.');
    expect(lines[2]).toBe(
      'Purchase model (expected purchases, P(alive), at risk): based on 9 repeat buyers: rough. 9 repeat buyer(s), fewer than the 300 maximum likelihood needs, so it leans on a weak prior centred on published retail values (a regularised fit): read P(alive) and CLV as rough guides.',
    );
    expect(lines[3]).toMatch(/^Spend model \(expected spend per purchase, CLV\): based on 9 repeat buyers: rough\. /);
    expect(lastToast(sheet)).toMatch(/CLV and P\(alive\) are rough guides \(based on 9 repeat buyers: rough\): the purchase model leans on a weak prior/);

    const rows = contactRowsById(sheet);
    const scored = customers.contacts.map((c) => rows.get(c.id)!);
    expect(scored.every((row) => typeof row['P(alive)'] === 'number' && typeof row.CLV === 'number')).toBe(true);
    expect(Math.min(...scored.map((row) => row['P(alive)'] as number))).toBeGreaterThan(0);
    expect(unreadableCells(sheet, ['Contacts', 'Settings'])).toEqual([]);
  });

  it('backtests the whole CDNOW sample as Python lifetimes does when the last 9 months are held back', () => {
    const { customersFrom } = recordMakers(9, '1997-01-01T08:00:00.000Z');
    const customers = customersFrom(sample);
    const sheet = sheetAt('1998-06-30T18:00:00.000Z');
    syncAll(sheet, { contacts: customers.contacts, interactions: customers.interactions });
    sheet.bundle.call('recalculateScores');
    setSetting(sheet, 'backtest.holdoutMonths', 9);
    sheet.bundle.call('recalculateScores');

    const block = report(sheet);
    const backtestLine = block.findIndex((row) => String(row[0]).startsWith('Backtest'));
    expect(block[backtestLine]).toEqual([
      'Backtest (the last 9 months): Fitted on purchases up to 1997-09-30, the model expected 1,653 repeat purchases from 1997-10-01 to 1998-06-30 by the 2,357 customers; there were 1,882: it predicted 12 % too few. Per customer it was off by 0.79 purchases on average.',
    ]);
    const table = block.slice(backtestLine + 1);
    expect(table[0]).toEqual(['Purchases up to 1997-09-30', 'Customers', 'Purchases expected after, each', 'Purchases after, each']);
    expect(table.slice(1).map((row) => row.slice(0, 2))).toEqual([[1, 1411], [2, 439], [3, 214], [4, 100], [5, 62], [6, 38], [7, 29], ['8 or more', 64]]);
    // Who bought more before bought more after, and the model expected it.
    expect(table[8]![2]).toBeGreaterThan(table[1]![2] as number);
    expect(table[8]![3]).toBeGreaterThan(table[1]![3] as number);
    // The scores themselves use every purchase to today: the full data fit by maximum likelihood.
    expect(block[2]![0]).toMatch(/based on 1,\d{3} repeat buyers: solid\. Fitted on your data alone \(maximum likelihood\)\.$/);
  }, 60_000);

  it('says when there is no history before the backtest’s cutoff, checks the setting, and backtests once there is', () => {
    const { contact, purchase } = recordMakers(11, '2026-01-05T09:00:00.000Z');
    const [first, second] = [contact({ firstName: 'First' }), contact({ firstName: 'Second' })];
    const sheet = sheetAt('2026-06-30T12:00:00.000Z');
    syncAll(sheet, {
      contacts: [first, second],
      interactions: [
        purchase(first.id, '2026-01-10T10:00:00.000Z', 40),
        purchase(first.id, '2026-02-10T10:00:00.000Z', 60),
        purchase(first.id, '2026-05-01T10:00:00.000Z', 50),
        purchase(second.id, '2026-01-20T10:00:00.000Z', 20),
        purchase(second.id, '2026-03-01T10:00:00.000Z', 30),
      ],
    });
    sheet.bundle.call('recalculateScores');
    expect(report(sheet).at(-1)).toEqual(['Backtest (the last 6 months): not possible yet: no purchases up to 2025-12-30 to fit on.']);

    setSetting(sheet, 'backtest.holdoutMonths', 0);
    sheet.bundle.call('recalculateScores');
    expect(tabRows(sheet, 'Settings').find((r) => r.Setting === 'backtest.holdoutMonths')!.Problem).toBe('Must be a whole number of months from 1 to 60; using the default 6');

    setSetting(sheet, 'backtest.holdoutMonths', 3);
    sheet.bundle.call('recalculateScores');
    const block = report(sheet);
    expect(String(block.at(-3)![0])).toMatch(
      /^Backtest \(the last 3 months\): Fitted on purchases up to 2026-03-30, the model expected \d+ repeat purchases from 2026-03-31 to 2026-06-30 by the 2 customers; there were 1: it predicted \d+ % too (few|many)\. Per customer it was off by \d\.\d\d purchases on average\.$/,
    );
    expect(block.at(-2)).toEqual(['Purchases up to 2026-03-30', 'Customers', 'Purchases expected after, each', 'Purchases after, each']);
    expect(block.at(-1)).toEqual([2, 2, expect.any(Number), 0.5]);

    // Back to six months: the shorter report replaces the longer one, leaving nothing behind.
    setSetting(sheet, 'backtest.holdoutMonths', 6);
    sheet.bundle.call('recalculateScores');
    expect(report(sheet).length).toBe(block.length - 2);
    expect(report(sheet).at(-1)).toEqual(['Backtest (the last 6 months): not possible yet: no purchases up to 2025-12-30 to fit on.']);
  });
});
