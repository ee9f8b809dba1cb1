import { describe, expect, it } from 'vitest';
import { addMember, checkToken, listMembers, revokeMember } from '../../apps-script/src/members';
import { localTeam } from '../../apps-script/local/team';
import { emptyChanges, localSheet, MEMBER, TOKEN } from './local-sheet-harness';
import { makers } from './team-sheet';

// Members you can manage: a thousand fit, tokens kept only as hashes, revoked tokens told apart,
// owners must be members, wrong tokens slowed down.
const post = (sheet: ReturnType<typeof localSheet>, token: string, clientId = 'c1', changes = {}) =>
  sheet.post({ token, clientId, since: 0, changes: { ...emptyChanges(), ...changes } }) as { ok: boolean; error?: { code: string; message: string }; conflicts?: unknown[] };

describe('team members', () => {
  it('keeps a thousand members in the script properties, each token only as its SHA-256', () => {
    const sheet = localSheet();
    const team = localTeam(sheet.google);
    const tokens = Array.from({ length: 1000 }, (_, i) => `token-${i}-0123456789abcdefghij`);
    tokens.forEach((token, i) => addMember(team, `member${i}@team.test`, token, new Date()));
    expect(listMembers(team)).toHaveLength(1001);
    expect(checkToken(team, tokens[777]!)).toMatchObject({ ok: true, email: 'member777@team.test' });
    expect(post(sheet, tokens[999]!).ok).toBe(true);
    const properties = JSON.stringify(sheet.google.toJSON().properties);
    expect(properties).not.toContain(tokens[0]);
    expect(properties).not.toContain(TOKEN);
  });

  it('refuses a revoked token with its own message, and gives a rotated member a new one', () => {
    const sheet = localSheet();
    const team = localTeam(sheet.google);
    addMember(team, 'bob@team.test', 'bob-first-token-0123456789', new Date());
    expect(post(sheet, 'bob-first-token-0123456789').ok).toBe(true);
    addMember(team, 'bob@team.test', 'bob-second-token-0123456789', new Date('2026-12-01T09:00:00Z'));
    expect(post(sheet, 'bob-first-token-0123456789')).toMatchObject({ ok: false, error: { code: 'revoked', message: expect.stringContaining('2026-12-01') } });
    expect(post(sheet, 'bob-second-token-0123456789').ok).toBe(true);
    revokeMember(team, 'bob@team.test', new Date());
    expect(post(sheet, 'bob-second-token-0123456789')).toMatchObject({ ok: false, error: { code: 'revoked', message: expect.stringContaining('stay in Rapport') } });
    expect(post(sheet, 'never-a-token-0123456789')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('moves members kept the old way (plain tokens in one property) over on first use', () => {
    const sheet = localSheet({ sheets: { Sheet1: [] }, properties: { 'rapport.members': JSON.stringify({ 'legacy-token-0123456789': 'old@team.test' }) } });
    expect(post(sheet, 'legacy-token-0123456789').ok).toBe(true);
    const properties = sheet.google.toJSON().properties ?? {};
    expect(properties['rapport.members']).toBeUndefined();
    expect(JSON.stringify(properties)).not.toContain('legacy-token-0123456789');
  });

  it('keeps a record’s owner a member of the team, and says so', () => {
    const sheet = localSheet();
    const { contact } = makers();
    const answer = post(sheet, TOKEN, 'c1', { contacts: [contact({ owner: 'stranger@elsewhere.test' }), contact({ owner: MEMBER })] });
    expect(answer.conflicts).toEqual([expect.objectContaining({ field: 'owner', reason: 'not_allowed', message: expect.stringContaining('stranger@elsewhere.test') })]);
    const tab = sheet.google.asPerson(() => sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!.getDataRange().getValues());
    const owner = tab[0]!.indexOf('Owner');
    expect(tab.slice(1).map((row) => row[owner])).toEqual(['', MEMBER]);
  });

  it('refuses a browser after five wrong tokens in ten minutes, and makes guessing slow', () => {
    const sheet = localSheet();
    for (let i = 0; i < 5; i++) expect(post(sheet, `guess-${i}-0123456789`, 'guesser')).toMatchObject({ error: { code: 'unauthorized' } });
    expect(post(sheet, TOKEN, 'guesser')).toMatchObject({ ok: false, error: { message: expect.stringContaining('Too many wrong sync tokens') } });
    expect(post(sheet, TOKEN, 'a-member').ok).toBe(true);
    const slept = sheet.google.slept.ms;
    for (let i = 0; i < 60; i++) post(sheet, `guess-${i}-0123456789`, `client-${i}`);
    expect(sheet.google.slept.ms - slept).toBeGreaterThan(0);
  });
});
