import { describe, expect, it } from 'vitest';
import { contactRowsById, lastToast, recordMakers, sheetAt, syncAll, type LocalSheet } from './scoring-sheet';

const NOW = '2026-06-30T12:00:00.000Z';
const { contact, purchase } = recordMakers(5, '2026-01-05T09:00:00.000Z');

const nightlyTriggers = (sheet: LocalSheet) => sheet.google.triggers.filter((t) => t.handlerFunction === 'nightlyRun');

describe('nightly scoring and the menu (built bundle, local sheet)', () => {
  it('offers Recalculate scores in the Rapport menu, and keeps Turn on nightly scoring as a function', () => {
    const sheet = sheetAt(NOW);
    sheet.bundle.call('onOpen');
    const items = sheet.google.menus.find((m) => m.caption === 'Rapport')!.items;
    expect(items).toEqual(expect.arrayContaining([{ caption: 'Recalculate scores', functionName: 'recalculateScores' }]));
    expect(sheet.bundle.functions).toEqual(expect.arrayContaining(['recalculateScores', 'turnOnNightlyScoring', 'nightlyRun']));
  });

  it('installs the nightly trigger once, however often it is turned on', () => {
    const sheet = sheetAt(NOW);
    sheet.bundle.call('setUpTabs');
    sheet.bundle.call('turnOnNightlyScoring');
    expect(lastToast(sheet)).toMatch(/already on/);
    sheet.bundle.call('turnOnNightlyScoring');
    sheet.bundle.call('setUpTabs');
    expect(nightlyTriggers(sheet)).toEqual([expect.objectContaining({ eventType: 'CLOCK', schedule: expect.objectContaining({ everyDays: 1, atHour: 2 }) })]);
  });

  it('removes duplicate nightly triggers left from before', () => {
    const sheet = sheetAt(NOW);
    sheet.google.asPerson(() => {
      for (let i = 0; i < 3; i++) sheet.google.globals.ScriptApp.newTrigger('nightlyRun').timeBased().everyDays(1).atHour(4).create();
    });
    sheet.bundle.call('turnOnNightlyScoring');
    expect(nightlyTriggers(sheet)).toHaveLength(1);
  });

  it('sets up the Settings tab and the computed columns’ marks with the tabs', () => {
    const sheet = sheetAt(NOW);
    sheet.bundle.call('setUpTabs');
    const spreadsheet = sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(spreadsheet.getSheetByName('Settings')).not.toBeNull();
    const contacts = spreadsheet.getSheetByName('Contacts')!;
    const marks = contacts.getProtections(sheet.google.globals.SpreadsheetApp.ProtectionType.RANGE).filter((p) => p.getDescription() === 'Rapport: computed scores');
    expect(marks).toHaveLength(1);
    expect(sheet.google.dialogs.at(-1)?.message).toMatch(/Turned on the nightly run \(scores, stages, dashboard\) every night/);
  });

  it('recalculates the scores when the trigger fires', () => {
    const sheet = sheetAt(NOW);
    sheet.bundle.call('turnOnNightlyScoring');
    const buyer = contact();
    syncAll(sheet, { contacts: [buyer], interactions: [purchase(buyer.id, '2026-06-01T10:00:00.000Z', 80)] });
    sheet.bundle.call('nightlyRun'); // a handler of a time-driven trigger: runs as the trigger would, without a UI
    expect(contactRowsById(sheet).get(buyer.id)).toMatchObject({ 'Value class': 'A', 'Scored at': NOW });
  });
});
