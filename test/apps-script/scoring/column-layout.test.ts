import { describe, expect, it } from 'vitest';
import { contactRowsById, recordMakers, sheetAt, syncAll, type LocalSheet } from './scoring-sheet';

// People rearrange the Contacts tab: computed columns are found by their header, and the columns
// people add (their formulas too) are never written.
const NOW = '2026-06-30T12:00:00.000Z';
const { contact, purchase } = recordMakers(13, '2026-01-05T09:00:00.000Z');

/** Moves the columns of a whole tab as a person would (cut and paste), and adds one of their own. */
function rearrange(sheet: LocalSheet, order: (header: string[]) => string[]) {
  sheet.google.asPerson(() => {
    const tab = sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const values = tab.getDataRange().getValues();
    const header = values[0]!.map(String);
    const next = order(header);
    if (next.length > tab.getMaxColumns()) tab.insertColumnsAfter(tab.getMaxColumns(), next.length - tab.getMaxColumns());
    const moved = values.map((row, r) => next.map((name) => (name === 'Region' ? (r === 0 ? 'Region' : `Region ${r}`) : row[header.indexOf(name)])));
    tab.getRange(1, 1, moved.length, next.length).setValues(moved.map((row) => row.map((cell) => (typeof cell === 'string' && cell !== '' && !/^[A-Za-z]/.test(cell) ? `'${cell}` : cell))));
    tab.getRange(2, next.indexOf('Region') + 1).setFormula('=UPPER("north")');
  });
}

describe('Contacts columns people moved (built bundle, local sheet)', () => {
  it('writes each score under its own header and leaves people’s columns alone', () => {
    const sheet = sheetAt(NOW);
    const buyers = [contact({ firstName: 'Ada' }), contact({ firstName: 'Ben' }), contact({ firstName: 'Cy' })];
    syncAll(sheet, {
      contacts: buyers,
      interactions: buyers.flatMap((b, i) => [purchase(b.id, '2026-02-01T10:00:00.000Z', 100 * (i + 1)), purchase(b.id, `2026-0${3 + i}-01T10:00:00.000Z`, 50)]),
    });
    // 'CLV' first, 'Value class' last, and a column of their own between the computed ones.
    rearrange(sheet, (header) => {
      const rest = header.filter((h) => h !== 'CLV' && h !== 'Value class');
      const segment = rest.indexOf('RFM segment');
      return ['CLV', ...rest.slice(0, segment + 1), 'Region', ...rest.slice(segment + 1), 'Value class'];
    });
    sheet.bundle.call('recalculateScores');

    const rows = contactRowsById(sheet);
    expect(buyers.map((b) => rows.get(b.id)!['Value class'])).toEqual(['B', 'A', 'A']);
    expect(buyers.map((b) => rows.get(b.id)!['First name'])).toEqual(['Ada', 'Ben', 'Cy']);
    expect(buyers.map((b) => rows.get(b.id)!['RFM score'])).toEqual(buyers.map(() => expect.stringMatching(/^[1-5]{3}$/)));
    const tab = sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const header = sheet.google.asPerson(() => tab.getRange(1, 1, 1, tab.getLastColumn()).getValues()[0]!);
    const region = sheet.google.asPerson(() => tab.getRange(2, header.indexOf('Region') + 1, 3, 1));
    expect(region.getFormulas().map((r) => r[0])).toEqual(['=UPPER("north")', '', '']);
    expect(region.getValues().map((r) => r[0])).toEqual(['NORTH', 'Region 2', 'Region 3']);
    // One protection per block of computed columns: Clv alone, the block up to Rfm segment, the block after Region, Value class.
    const marked = tab.getProtections(sheet.google.globals.SpreadsheetApp.ProtectionType.RANGE)
      .map((p) => header.slice(p.getRange().getColumn() - 1, p.getRange().getColumn() - 1 + p.getRange().getNumColumns()));
    expect(marked.flat().sort()).toEqual(['At risk', 'CLV', 'Lead score', 'P(alive)', 'RFM score', 'RFM segment', 'Scored at', 'Value class']);
    expect(marked.flat()).not.toContain('Region');
  });
});
