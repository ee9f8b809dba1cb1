import { describe, expect, it } from 'vitest';
import { fieldCode } from '../../../shared/sheet-rows';
import { makers, teamSheet } from '../team-sheet';

type Team = ReturnType<typeof teamSheet>;
const setUp = (team: Team) => {
  team.sheet.bundle.callAs('editor', 'setUp');
  return team.google.dialogs.at(-1)!.message;
};
const systemHeaders = ['id', 'Created at', 'Updated at', 'Updated by', '_rev', '_hash', '_clock'];

function groupOf(team: Team, tab: string) {
  return team.google.asPerson(() => {
    const sheet = team.tab(tab);
    const header = team.header(tab);
    const first = header.indexOf('id') + 1;
    const group = sheet.getColumnGroup(first, 1);
    return { depths: header.map((_, i) => sheet.getColumnGroupDepth(i + 1)), collapsed: group?.isCollapsed(), range: group?.getRange().getA1Notation() };
  });
}

const rule = (team: Team, tab: string, heading: string) =>
  team.google.asPerson(() => {
    const validation = team.tab(tab).getRange(2, team.column(tab, heading)).getDataValidation();
    return validation && { type: String(validation.getCriteriaType()), values: validation.getCriteriaValues(), allowInvalid: validation.getAllowInvalid() };
  });
const format = (team: Team, tab: string, heading: string) => team.google.asPerson(() => team.tab(tab).getRange(5, team.column(tab, heading)).getNumberFormat());

describe('Rapport → Set up or repair (built bundle, local sheet)', () => {
  it('makes every tab from nothing: headers in words, dropdowns, formats, highlighting, system columns grouped and protected', () => {
    const team = teamSheet();
    const said = setUp(team);
    expect(said).toMatch(/^Rapport set up or repaired:\n• Created the Settings tab/);
    expect(team.header('Contacts')).toEqual(expect.arrayContaining(['First name', 'Stage', 'Next follow-up', 'Keep in touch (days)', 'RFM segment', 'CLV', 'P(alive)', 'Deleted']));
    expect(team.header('Contacts').indexOf('Next follow-up')).toBe(team.header('Contacts').indexOf('Stage') + 1);
    for (const tab of ['Interactions', 'Deals', 'FollowUps']) {
      const header = team.header(tab);
      expect(header.slice(header.indexOf('Contact ID'), header.indexOf('Contact ID') + 2)).toEqual(['Contact ID', 'Contact']);
    }
    for (const tab of ['Contacts', 'Companies', 'Interactions', 'Deals', 'FollowUps']) {
      const header = team.header(tab);
      expect(header.slice(-7)).toEqual(systemHeaders);
      expect(header.at(-8)).toBe('Deleted');
      const group = groupOf(team, tab);
      expect(group.depths).toEqual(header.map((h) => (systemHeaders.includes(h) ? 1 : 0)));
      expect(group.collapsed).toBe(true);
      expect(team.google.asPerson(() => team.tab(tab).getFrozenRows())).toBe(1);
      const protections = team.google.asPerson(() => team.tab(tab).getProtections(team.google.globals.SpreadsheetApp.ProtectionType.RANGE).filter((p) => p.getDescription().startsWith('Rapport: system columns')));
      expect(protections.map((p) => [p.getRange().getNumColumns(), p.isWarningOnly()])).toEqual([[7, true]]);
      expect(rule(team, tab, 'Deleted')).toMatchObject({ type: 'CHECKBOX' });
    }
    expect(rule(team, 'FollowUps', 'Status')).toEqual({ type: 'VALUE_IN_LIST', values: [['open', 'done', 'snoozed'], true], allowInvalid: false });
    expect(rule(team, 'Contacts', 'Stage')).toMatchObject({ values: [['lead', 'qualified', 'customer', 'loyal', 'at risk', 'lost'], true] });
    expect(rule(team, 'Interactions', 'Type')).toMatchObject({ allowInvalid: false });
    expect(rule(team, 'Interactions', 'Channel')).toMatchObject({ allowInvalid: true });
    expect(rule(team, 'Deals', 'Owner')).toEqual({ type: 'VALUE_IN_LIST', values: [['ann@team.test'], true], allowInvalid: false });
    expect(format(team, 'Deals', 'Amount')).toBe('#,##0.00 "EUR"');
    expect(format(team, 'Deals', 'Expected close')).toBe('yyyy-mm-dd');
    expect(format(team, 'Contacts', 'P(alive)')).toBe('0.0%');
    expect(format(team, 'Contacts', 'Notes')).toBe('@');
    const highlights = team.google.asPerson(() => team.tab('FollowUps').getConditionalFormatRules().map((r) => [r.getBooleanCondition()!.getCriteriaValues()[0], r.getBooleanCondition()!.getBackground()]));
    const due = String.fromCharCode(64 + team.column('FollowUps', 'Due at'));
    expect(highlights).toEqual([[expect.stringContaining(`LEFT($${due}2,10)<TEXT(TODAY(),"yyyy-mm-dd")`), '#f4c7c3'], [expect.stringContaining(`LEFT($${due}2,10)=TEXT(TODAY(),"yyyy-mm-dd")`), '#fce8b2']]);
    // A person's typing meets the dropdowns: a status that is not one is refused, a listed one is kept.
    expect(() => team.google.personTypes('FollowUps', 2, team.column('FollowUps', 'Status'), 'later')).toThrow(/Input must be an item on the specified list: open, done, snoozed/);
    team.google.personTypes('FollowUps', 2, team.column('FollowUps', 'Status'), 'done');
    expect(team.cell('FollowUps', 2, 'Status')).toBe('done');
    expect(team.google.triggers.map((t) => t.handlerFunction).sort()).toEqual(['nightlyRun', 'sendReminders']);
  });

  it('changes nothing when run again, and says so', () => {
    const team = teamSheet();
    const m = makers();
    const bea = m.contact({ company: 'Acme', owner: 'ann@team.test' });
    team.sync({ contacts: [bea], followUps: [m.followUp(bea.id)], interactions: [m.interaction(bea.id)], deals: [m.deal(bea.id)] });
    setUp(team);
    const [json, mutations] = [JSON.stringify(team.google.toJSON()), team.google.mutations];
    team.google.resetCalls();
    expect(setUp(team)).toBe('Rapport is set up; nothing needed repair.');
    expect(team.google.mutations).toBe(mutations);
    expect(JSON.stringify(team.google.toJSON())).toBe(json);
    expect(team.google.calls.byMethod['Sheets.Spreadsheets.Values.batchUpdate'] ?? 0).toBe(0);
  });

  it('renames the headers of a sheet from the previous version in place, and the sync keeps working before and after', () => {
    const team = teamSheet();
    const m = makers();
    const bea = m.contact({ company: 'Acme', notes: 'Prefers mornings' });
    const call = m.followUp(bea.id, { title: 'Call back' });
    const first = team.sync({ contacts: [bea], followUps: [call] });
    // The previous version's headers, as its sheets have them.
    const old: Record<string, [string, string][]> = { Contacts: [['CLV', 'Clv'], ['RFM segment', 'Rfm segment'], ['RFM score', 'Rfm score'], ['P(alive)', 'P alive']], FollowUps: [['Contact ID', 'Contact id'], ['Deal ID', 'Deal id']] };
    for (const [tab, renames] of Object.entries(old)) for (const [now, before] of renames) team.type(tab, 1, now, before);
    const before = team.rows('Contacts');
    const synced = team.sync({ contacts: [{ ...bea, notes: 'Prefers afternoons', updatedAt: '2026-11-20T09:30:00.000Z' }] }, first.cursor);
    expect(synced.sheetProblems).toEqual([]);

    const said = setUp(team);
    expect(said).toContain('• Contacts: renamed "Clv" to "CLV".');
    expect(said).toContain('• Contacts: renamed "P alive" to "P(alive)".');
    expect(said).toContain('• FollowUps: renamed "Contact id" to "Contact ID".');
    expect(team.header('Contacts')).toEqual(expect.arrayContaining(['CLV', 'RFM segment', 'RFM score', 'P(alive)']));
    const after = team.rows('Contacts');
    expect(after.map((r) => [r.id, r['First name'], r.Notes, r.Company])).toEqual(before.map((r) => [r.id, r['First name'], 'Prefers afternoons', r.Company]));
    expect(team.rows('FollowUps')[0]).toMatchObject({ 'Contact ID': bea.id, Contact: 'Bea Lind · Acme', Title: 'Call back' });
    expect(team.sync({}, synced.cursor).sheetProblems).toEqual([]);
  });

  it('repairs a tab a person broke without losing a row, and says what it fixed', () => {
    const team = teamSheet();
    const m = makers();
    const people = [
      m.contact({ firstName: 'Ada', notes: 'Met at the fair', jobTitle: 'Buyer', emails: ['ada@client.test'] }),
      m.contact({ firstName: 'Ben', notes: 'Wants a demo', jobTitle: 'CTO', emails: ['ben@client.test'] }),
      m.contact({ firstName: 'Cy', notes: '', jobTitle: 'CFO', emails: ['cy@client.test'] }),
    ];
    const { cursor } = team.sync({ contacts: people });
    setUp(team);
    const tab = team.tab('Contacts');
    // A person renames Notes, clears the Emails header, moves the id column into the middle,
    // clears every id, and deletes the Job title column with its values.
    team.type('Contacts', 1, 'Notes', 'Remarks');
    team.type('Contacts', 1, 'Emails', '');
    team.google.asPerson(() => {
      tab.moveColumns(tab.getRange(1, team.column('Contacts', 'id')), 3);
      tab.getRange(2, 3, 3, 1).clearContent();
      tab.deleteColumn(team.column('Contacts', 'Job title'));
    });
    const said = setUp(team);
    expect(said).toContain('• Contacts: the column headed "Remarks" holds notes; renamed it back to "Notes".');
    expect(said).toContain('• Contacts: the column headed nothing holds emails; renamed it back to "Emails".');
    expect(said).toContain('• Contacts: moved the system columns (id, Created at, Updated at, Updated by, _rev, _hash, _clock) back together at the right.');
    expect(said.match(/the id of this row had been cleared; Rapport put it back/g)).toHaveLength(3);
    expect(said).toContain('the "Job title" column is gone, with the values 3 row(s) had; Rapport leaves job title alone for everyone.');
    expect(team.header('Contacts').slice(-7)).toEqual(systemHeaders);
    expect(groupOf(team, 'Contacts').collapsed).toBe(true);

    const rows = new Map(team.rows('Contacts').map((r) => [String(r.id), r]));
    expect(people.map((p) => [rows.get(p.id)?.['First name'], rows.get(p.id)?.Notes, rows.get(p.id)?.Emails])).toEqual([
      ['Ada', 'Met at the fair', 'ada@client.test'], ['Ben', 'Wants a demo', 'ben@client.test'], ['Cy', '', 'cy@client.test'],
    ]);
    // The members lose nothing: no field is blanked, the missing one is named as unknown.
    const pulled = team.sync({}, cursor);
    for (const contact of pulled.changes.contacts) {
      const person = people.find((p) => p.id === contact.id)!;
      expect(contact).toMatchObject({ notes: (person as Record<string, unknown>).notes, emails: person.emails, unknownFields: ['jobTitle'] });
      expect(contact.jobTitle).toBeUndefined();
    }
    expect(setUp(team)).not.toContain('renamed');
  });

  it('adds a column Rapport gained since the rows were written, and the sync does too', () => {
    const team = teamSheet();
    const m = makers();
    const bea = m.contact();
    team.sync({ contacts: [bea] });
    // As the previous version wrote the row: no Keep in touch column, and no hash for the field.
    const code = fieldCode('keepInTouchDays');
    const segments = String(team.cell('Contacts', 2, '_hash')).slice(3).match(/.{7}/g)!;
    expect(segments.some((segment) => segment.startsWith(code))).toBe(true);
    team.type('Contacts', 2, '_hash', `'h2:${segments.filter((segment) => !segment.startsWith(code)).join('')}`);
    team.google.asPerson(() => team.tab('Contacts').deleteColumn(team.column('Contacts', 'Keep in touch (days)')));
    const answer = team.sync({ contacts: [{ ...bea, keepInTouchDays: 30, updatedAt: '2026-11-20T09:40:00.000Z' }] });
    expect(answer.sheetProblems).toEqual([]);
    expect(team.rows('Contacts')[0]).toMatchObject({ 'Keep in touch (days)': 30 });
  });
});
