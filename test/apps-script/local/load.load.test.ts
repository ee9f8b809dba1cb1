import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addMember } from '../../../apps-script/src/members';
import { startLocalSheet } from '../../../apps-script/local/server';
import { localTeam } from '../../../apps-script/local/team';
import { formatWorkbookJson } from '../../../apps-script/local/workbook-json';
import { newId } from '../../../shared/ids';
import { recordSchemas, type AnyRecord } from '../../../shared/records';
import { BUNDLE_PATH, emptyChanges, localSheet, TOKEN } from '../local-sheet-harness';
import { seedTab } from '../seed';

// Load: sixteen members sync at the same moment against 50,000 contacts on the local sheet, over
// HTTP, with locks that wait like Google's: every one is answered, none with "busy".
const folder = mkdtempSync(join(tmpdir(), 'rapport-load-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a sync into 200,000 interactions', () => {
  it('reads the placing columns and the ten rows it changes, not the tab', () => {
    const at = '2026-11-20T09:00:00.000Z';
    const sheet = localSheet(undefined, () => new Date('2026-11-20T10:00:00.000Z'));
    const contact = recordSchemas.contacts.parse({ id: newId(), createdAt: at, updatedAt: at, updatedBy: 'ann@team.test', firstName: 'Bea' }) as AnyRecord;
    const interactions = Array.from({ length: 200_000 }, (_, i) => recordSchemas.interactions.parse({ id: newId(), createdAt: at, updatedAt: at, updatedBy: 'ann@team.test', contactId: contact.id, type: 'email', occurredAt: at, subject: `Message ${i}` }) as AnyRecord);
    const lastRev = seedTab(sheet, 'interactions', interactions, seedTab(sheet, 'contacts', [contact], 0));
    // A member who has everything: the first sync takes the seeded tabs in (edit log, id index).
    const cursor = (sheet.post({ token: TOKEN, clientId: 'c', since: lastRev, changes: emptyChanges() }) as unknown as { cursor: number }).cursor;
    const edits = interactions.filter((_, i) => i % 20_000 === 7).map((record) => ({ ...record, summary: 'Answered', updatedAt: '2026-11-20T10:00:00.000Z', fieldTimes: { summary: '2026-11-20T10:00:00.000Z' } }));
    sheet.google.resetCalls();
    expect(sheet.post({ token: TOKEN, clientId: 'c', since: cursor, changes: { ...emptyChanges(), interactions: edits } }).ok).toBe(true);
    // The id and revision columns of each tab, the ten rows, the header rows: nothing in proportion to the tab besides the placing columns.
    expect(sheet.google.calls.cellsRead).toBeLessThan(2 * 200_001 + 10 * 20 + 1000);
    expect(sheet.google.calls.cellsWritten).toBe(10 * 6);
  }, 120_000);
});

describe('sixteen members at once', () => {
  it('answers all of them against 50,000 contacts', async () => {
    const at = '2026-11-20T09:00:00.000Z';
    const seeded = localSheet();
    seedTab(seeded, 'contacts', Array.from({ length: 50_000 }, (_, i) => recordSchemas.contacts.parse({ id: newId(), createdAt: at, updatedAt: at, updatedBy: 'ann@team.test', firstName: `P${i}`, emails: [`p${i}@client.test`] }) as AnyRecord), 0);
    const dataFile = join(folder, 'workbook.json');
    writeFileSync(dataFile, formatWorkbookJson(seeded.google.toJSON()));
    const sheet = await startLocalSheet({ port: 0, dataFile, bundlePath: BUNDLE_PATH, log: () => {} });
    try {
      const members = Array.from({ length: 16 }, (_, i) => ({ email: `member${i}@team.test`, token: `load-token-${i}-0123456789abcdef` }));
      for (const member of members) addMember(localTeam(sheet.google), member.email, member.token, new Date());
      const answers = await Promise.all(
        members.map(async (member, i) => {
          const contact = { id: newId(), createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), updatedBy: member.email, firstName: `New ${i}` };
          const response = await fetch(sheet.execUrl, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ token: member.token, clientId: `load-${i}`, since: 0, changes: { ...emptyChanges(), contacts: [contact] } }) });
          return (await response.json()) as { ok: boolean; error?: { code: string } };
        }),
      );
      expect(answers.filter((answer) => !answer.ok)).toEqual([]);
      expect(sheet.google.toJSON().sheets.Contacts).toHaveLength(1 + 50_000 + 16);
    } finally {
      await sheet.close();
    }
  }, 120_000);
});
