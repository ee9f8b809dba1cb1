import { describe, expect, it } from 'vitest';
import { contactRowsById, lastToast, recordMakers, sheetAt, syncAll, unreadableCells } from './scoring-sheet';

// Data too thin or too odd for the models: the sheet must still show what can be computed,
// leave the rest empty (never NaN or Infinity) and say why in the toast.
const NOW = '2026-06-30T12:00:00.000Z';
const { contact, purchase, deal } = recordMakers(7, '2026-01-05T09:00:00.000Z');

describe('Recalculate scores on degenerate data (built bundle, local sheet)', () => {
  it('scores a lone customer by RFM and ABC, leaves CLV and P(alive) empty and says why', () => {
    const sheet = sheetAt(NOW);
    const only = contact({ firstName: 'Olli' });
    const lead = contact({ firstName: 'Lea' });
    syncAll(sheet, { contacts: [only, lead], interactions: [purchase(only.id, '2026-03-01T10:00:00.000Z', 120)] });
    sheet.bundle.call('recalculateScores');

    const rows = contactRowsById(sheet);
    expect(rows.get(only.id)).toMatchObject({
      'Value class': 'A', 'RFM score': '333', 'RFM segment': 'potential loyalist', CLV: '', 'P(alive)': '', 'Lead score': '', 'At risk': false, 'Scored at': NOW,
    });
    expect(rows.get(lead.id)).toMatchObject({ 'Value class': '', CLV: '', 'Lead score': expect.any(Number) });
    expect(lastToast(sheet)).toMatch(/CLV and P\(alive\) are left empty: too few repeat buyers to fit the purchase model \(BG\/NBD\)/);
    expect(unreadableCells(sheet)).toEqual([]);
  });

  it('copes with no repeat buyers, zero and negative amounts, future dates and purchases it cannot use', () => {
    const sheet = sheetAt(NOW);
    const free = contact({ firstName: 'Zero' });
    const refunded = contact({ firstName: 'Partly refunded' });
    const onlyRefund = contact({ firstName: 'Only refund' });
    const future = contact({ firstName: 'Future' });
    const noAmount = contact({ firstName: 'No amount' });
    const gone = contact({ firstName: 'Gone' });
    syncAll(sheet, {
      contacts: [free, refunded, onlyRefund, future, noAmount, gone],
      interactions: [
        purchase(free.id, '2026-02-01T10:00:00.000Z', 0),
        purchase(refunded.id, '2026-03-01T10:00:00.000Z', 200),
        purchase(refunded.id, '2026-04-01T10:00:00.000Z', -50),
        purchase(onlyRefund.id, '2026-04-02T10:00:00.000Z', -80),
        purchase(future.id, '2026-08-01T10:00:00.000Z', 300),
        purchase(noAmount.id, '2026-05-01T10:00:00.000Z', null),
        purchase('', '2026-05-02T10:00:00.000Z', 40),
        purchase(gone.id, '2026-05-03T10:00:00.000Z', 70),
      ],
      deals: [deal(noAmount.id, { amount: 900 })],
    });
    // The contact is erased afterwards: a tombstone, whose purchases no longer count.
    syncAll(sheet, { contacts: [{ id: gone.id, createdAt: gone.createdAt, updatedAt: '2026-06-01T09:00:00.000Z', updatedBy: gone.updatedBy, deleted: true }] });
    sheet.bundle.call('recalculateScores');

    const rows = contactRowsById(sheet);
    // A zero-value purchase is a purchase (class C: no revenue); a refund lowers revenue but is no visit.
    expect(rows.get(free.id)).toMatchObject({ 'Value class': 'C', 'RFM score': expect.stringMatching(/^\d{3}$/), CLV: '', 'P(alive)': '' });
    expect(rows.get(refunded.id)).toMatchObject({ 'Value class': 'A', CLV: '', 'P(alive)': '' });
    // Nothing bought up to today: scored as leads.
    for (const lead of [onlyRefund, future, noAmount]) expect(rows.get(lead.id)).toMatchObject({ 'Value class': '', 'RFM score': '', 'Lead score': expect.any(Number) });
    expect(rows.get(gone.id)).toMatchObject({ Deleted: true, 'Value class': '', 'Lead score': '', 'Scored at': '' });

    const toast = lastToast(sheet);
    expect(toast).toMatch(/too few repeat buyers/);
    expect(toast).toMatch(/1 transaction\(s\) dated after the calibration end 2026-06-30 ignored/);
    expect(toast).toMatch(/2 customer\(s\) not scored: no purchase up to 2026-06-30/);
    expect(toast).toMatch(/1 purchase\(s\) or won deal\(s\) left out: they name no contact/);
    expect(toast).toMatch(/1 purchase\(s\) or won deal\(s\) left out: they belong to a contact that was deleted/);
    expect(toast).toMatch(/1 purchase\(s\) or won deal\(s\) left out: they have no amount/);
    expect(toast).toMatch(/1 purchase\(s\) or won deal\(s\) left out: they have no date/);
    expect(unreadableCells(sheet)).toEqual([]);
  });

  it('still scores rows whose hidden hash the sheet turned into a number it cannot write back', () => {
    const sheet = sheetAt(NOW);
    const [first, second, third] = [contact({ firstName: 'One' }), contact({ firstName: 'Two' }), contact({ firstName: 'Three' })];
    syncAll(sheet, {
      contacts: [first, second, third],
      interactions: [purchase(first.id, '2026-03-01T10:00:00.000Z', 10), purchase(third.id, '2026-03-02T10:00:00.000Z', 30)],
    });
    // What the sheet does to a hash such as "1e999…" written as plain text: Infinity.
    sheet.google.asPerson(() => {
      const tab = sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
      const header = tab.getRange(1, 1, 1, tab.getLastColumn()).getValues()[0]!;
      tab.getRange(2, header.indexOf('_hash') + 1, 3, 1).setValues([['1e999'], ['1e999'], ['1e999']]);
    });
    sheet.bundle.call('recalculateScores');
    const rows = contactRowsById(sheet);
    expect([first, second, third].map((c) => rows.get(c.id)!['Value class'])).toEqual(['A', '', 'A']);
    expect(rows.get(second.id)!['Lead score']).toEqual(expect.any(Number));
  });

  it('writes nothing but says so when there are no contacts at all', () => {
    const sheet = sheetAt(NOW);
    sheet.bundle.call('recalculateScores');
    expect(lastToast(sheet)).toMatch(/nothing changed \(0 customer\(s\), 0 lead\(s\)\)/);
    expect(sheet.google.toJSON().sheets.Contacts).toHaveLength(1);
    expect(unreadableCells(sheet)).toEqual([]);
  });
});
