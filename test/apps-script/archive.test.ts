import { describe, expect, it } from 'vitest';
import { localSheet } from './local-sheet-harness';
import { makers, teamSheet } from './team-sheet';

// An archive before the sheet is full: old history moves to yearly archive spreadsheets the script
// makes; nobody's copy is deleted; scores still count archived purchases; members can page into it.
function teamWithHistory() {
  const team = teamSheet({ now: '2026-11-20T10:00:00.000Z' });
  const { contact, interaction, deal, followUp } = makers('2021-01-05T09:00:00.000Z');
  const bea = contact({ stage: 'customer' });
  const old = [
    interaction(bea.id, { type: 'purchase', amount: 120, occurredAt: '2021-03-01T10:00:00.000Z', subject: 'First order' }),
    interaction(bea.id, { type: 'purchase', amount: 80, occurredAt: '2022-06-01T10:00:00.000Z', subject: 'Second order' }),
    interaction(bea.id, { type: 'email', occurredAt: '2023-02-01T10:00:00.000Z', subject: 'Thanks' }),
  ];
  const recent = interaction(bea.id, { type: 'purchase', amount: 60, occurredAt: '2026-10-01T10:00:00.000Z', subject: 'Recent order' });
  const wonDeal = deal(bea.id, { stage: 'won', closedAt: '2022-05-01', amount: 500 });
  const openDeal = deal(bea.id, { stage: 'proposal', expectedClose: '2027-01-31' });
  const doneTask = followUp(bea.id, { status: 'done', dueAt: '2022-01-10' });
  const openTask = followUp(bea.id, { status: 'open', dueAt: '2021-01-10' });
  const first = team.sync({ contacts: [bea], interactions: [...old, recent], deals: [wonDeal, openDeal], followUps: [doneTask, openTask] });
  return { team, bea, old, recent, wonDeal, openDeal, doneTask, openTask, cursor: first.cursor };
}

describe('archiving old history', () => {
  it('moves history older than two years into one archive spreadsheet a year, and leaves the rest', () => {
    const { team, old, recent, wonDeal, openDeal, doneTask, openTask, cursor } = teamWithHistory();
    team.sheet.bundle.call('archiveOldHistory');
    expect(team.rows('Interactions').map((r) => r.id)).toEqual([recent.id]);
    expect(team.rows('Deals').map((r) => r.id)).toEqual([openDeal.id]);
    expect(team.rows('FollowUps').map((r) => r.id)).toEqual([openTask.id]);
    const archives = team.google.toJSON().spreadsheets ?? [];
    expect(archives.map((a) => a.name).sort()).toEqual(['Rapport (local) — archive 2021', 'Rapport (local) — archive 2022', 'Rapport (local) — archive 2023']);
    const y2022 = archives.find((a) => a.name.endsWith('2022'))!;
    const ids = (tab: string) => {
      const [header = [], ...rows] = y2022.sheets[tab] ?? [];
      return rows.map((row) => row[header.indexOf('id')]);
    };
    expect(ids('Interactions')).toEqual([old[1]!.id]);
    expect(ids('Deals')).toEqual([wonDeal.id]);
    expect(ids('FollowUps')).toEqual([doneTask.id]);
    // Moving is not deleting: the next sync hands out no tombstones.
    const next = team.sync({}, cursor);
    expect([...next.changes.interactions, ...next.changes.deals, ...next.changes.followUps]).toEqual([]);
  });

  it('keeps archived purchases in the scores', () => {
    const { team, bea } = teamWithHistory();
    team.sheet.bundle.call('recalculateScores');
    const before = team.rows('Contacts')[0]!;
    team.sheet.bundle.call('archiveOldHistory');
    team.sheet.bundle.call('recalculateScores');
    const after = team.rows('Contacts').find((r) => r.id === bea.id)!;
    expect(after['RFM score']).toBe(before['RFM score']);
    expect(after['Value class']).toBe(before['Value class']);
    expect(String(after['RFM score'])).toMatch(/^[1-5]{3}$/);
  });

  it('shows how full the spreadsheet is, warns at 70 %, and links the archives in the Settings tab', () => {
    const { team } = teamWithHistory();
    team.sheet.bundle.call('archiveOldHistory');
    team.sheet.bundle.call('recalculateScores');
    const settings = () => JSON.stringify(team.google.toJSON().sheets.Settings);
    expect(settings()).toMatch(/uses [\d,]+ of the 10,000,000 cells Google allows \(\d %\)/);
    expect(settings()).toContain('Archive 2022');
    expect(settings()).not.toContain('Warning: over 70 % full');
    team.google.asPerson(() => {
      const filler = team.google.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Imported');
      filler.insertRowsAfter(filler.getMaxRows(), 270_000);
    });
    team.sheet.bundle.call('recalculateScores');
    expect(settings()).toContain('Warning: over 70 % full');
  });

  it('erases a deleted contact’s personal text in the archives too, keeping the figures', () => {
    const { team, bea, old, cursor } = teamWithHistory();
    team.sheet.bundle.call('archiveOldHistory');
    // Someone deleted a column of one archive: the erasure still clears what is there.
    const ids = (team.google.toJSON().spreadsheets ?? []).map((a) => (a as unknown as { id: string }).id);
    team.google.asPerson(() => {
      const tab = team.google.globals.SpreadsheetApp.openById(ids[0]!).getSheetByName('Interactions')!;
      const header = tab.getRange(1, 1, 1, tab.getLastColumn()).getValues()[0]!;
      tab.deleteColumn(header.indexOf('Message ID') + 1);
    });
    const later = new Date(team.now().getTime() + 60_000).toISOString();
    team.advance(60_000);
    team.sync({ contacts: [{ id: bea.id, createdAt: bea.createdAt, updatedAt: later, updatedBy: 'ann@team.test', deleted: true }] }, cursor);
    const answer = team.sheet.get({ token: 'test-token-0123456789abcdef', history: bea.id }) as unknown as { history: { interactions: { subject: string; amount: number | null }[]; deals: { name: string; amount: number | null }[]; followUps: { title: string }[] } };
    expect(answer.history.interactions.map((i) => i.subject)).toEqual(['', '', '']);
    expect(answer.history.interactions.map((i) => i.amount).sort()).toEqual([120, 80, null].sort());
    expect(answer.history.deals.map((d) => [d.name, d.amount])).toEqual([['', 500]]);
    expect(answer.history.followUps.map((f) => f.title)).toEqual(['']);
    // Nothing of theirs is left in any archive's cells.
    const archived = JSON.stringify(team.google.toJSON().spreadsheets);
    for (const entry of old) expect(archived).not.toContain(entry.subject);
  });

  it('gives a member a contact’s archived history on request, also after the sheet restarts', () => {
    const { team, bea, old } = teamWithHistory();
    team.sheet.bundle.call('archiveOldHistory');
    const again = localSheet(team.google.toJSON(), () => new Date('2026-11-20T11:00:00.000Z'));
    const answer = again.get({ token: 'test-token-0123456789abcdef', history: bea.id }) as unknown as { ok: boolean; history: { interactions: { id: string; subject: string }[]; deals: unknown[]; followUps: unknown[] } };
    expect(answer.ok).toBe(true);
    expect(answer.history.interactions.map((i) => i.subject).sort()).toEqual(old.map((i) => i.subject).sort());
    expect(answer.history.deals).toHaveLength(1);
    expect(answer.history.followUps).toHaveLength(1);
  });
});
