import { describe, expect, it } from 'vitest';
import { makers, teamSheet } from './team-sheet';

// Regression tests for "Nothing a team types is lost or bent": each case was a defect of the
// sync before field-level merging, reproduced on the built bundle in the local sheet.

const MINUTE = 60_000;

describe('only what changed is written', () => {
  it('keeps a person’s edit made between the script’s read and its write, and people’s formulas', () => {
    const team = teamSheet();
    const { contact } = makers();
    const people = Array.from({ length: 9 }, (_, i) => contact({ firstName: `P${i}` }));
    const first = team.sync({ contacts: people });
    const rowOf = (i: number) => team.rowOf('Contacts', people[i]!.id);
    team.google.asPerson(() => team.tab('Contacts').getRange(rowOf(3), team.column('Contacts', 'Notes')).setFormula('=UPPER("vip")'));
    const taken = team.sync({}, first.cursor);

    // Scattered changes to P0, P2, P4, P6, P8; while the script works, a teammate types into P1 and P5.
    team.advance(MINUTE);
    const edits = [0, 2, 4, 6, 8].map((i) => ({ ...people[i], jobTitle: 'Buyer', updatedAt: team.now().toISOString() }));
    team.google.beforeCall('Sheets.Spreadsheets.Values.batchUpdate', () => {
      team.type('Contacts', rowOf(1), 'Notes', 'typed while syncing');
      team.type('Contacts', rowOf(5), 'Phones', "'+49 30 1234567");
    });
    team.google.resetCalls();
    expect(team.sync({ contacts: edits }, taken.cursor).ok).toBe(true);
    expect(team.google.calls.byMethod['Sheets.Spreadsheets.Values.batchUpdate']).toBe(1);
    expect(team.cell('Contacts', rowOf(1), 'Notes')).toBe('typed while syncing');
    expect(team.cell('Contacts', rowOf(5), 'Phones')).toBe('+49 30 1234567');
    expect(team.formula('Contacts', rowOf(3), 'Notes')).toBe('=UPPER("vip")');
    expect([0, 2, 4, 6, 8].map((i) => team.cell('Contacts', rowOf(i), 'Job title'))).toEqual(Array(5).fill('Buyer'));

    // The next sync hands the teammate’s edits to everyone.
    const next = team.sync({}, taken.cursor);
    const byName = new Map(next.changes.contacts.map((c) => [c.firstName, c]));
    expect(byName.get('P1')).toMatchObject({ notes: 'typed while syncing', updatedBy: 'sheet' });
    expect(byName.get('P5')).toMatchObject({ phones: ['+49 30 1234567'] });
  });

  it('writes scattered updates cell by cell: 100 of 2,000 contacts cost one write of a few hundred cells', () => {
    const team = teamSheet();
    const { contact } = makers();
    const people = Array.from({ length: 2000 }, (_, i) => contact({ firstName: `P${i}`, emails: [`p${i}@client.test`] }));
    const first = team.sync({ contacts: people });
    team.advance(MINUTE);
    const edits = people.filter((_, i) => i % 20 === 7).map((p) => ({ ...p, notes: 'called back', updatedAt: team.now().toISOString() }));
    team.google.resetCalls();
    // The member's own edits are not sent back; another member gets all 100.
    expect(team.sync({ contacts: edits }, first.cursor).changes.contacts).toHaveLength(0);
    const calls = { ...team.google.calls };
    expect(team.sync({}, first.cursor).changes.contacts).toHaveLength(100);
    Object.assign(team.google.calls, calls);
    // Per update: the note, updated at/by, revision, field hashes, field times. Before: the whole span, about 33,000 cells.
    expect(team.google.calls.cellsWritten).toBe(100 * 6);
    expect(team.google.calls.byMethod['Sheets.Spreadsheets.Values.batchUpdate']).toBe(1);
    expect(team.google.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
  });

  it.each([
    // The 3rd batchGet: after the headers' and the id and revision columns', the rows.
    ['between reading the ids and reading the rows', 'Sheets.Spreadsheets.Values.batchGet', 3],
    // The 7th getLastRow: after the edit log's and one per tab for the index, the check of the rows just before writing.
    ['between reading the rows and writing them', 'Sheet.getLastRow', 7],
  ])('answers busy and writes nothing when people sort the rows %s; the next sync goes through', (_, method, nth) => {
    const team = teamSheet();
    const { contact } = makers();
    const people = [contact({ firstName: 'Zed' }), contact({ firstName: 'Amy' })];
    const first = team.sync({ contacts: people });
    team.advance(MINUTE);
    const edit = { ...people[0], jobTitle: 'CFO', updatedAt: team.now().toISOString() };
    team.google.beforeCall(method, () => {
      // A person sorts by first name: Amy moves up, Zed down.
      const tab = team.tab('Contacts');
      const values = tab.getRange(2, 1, 2, tab.getLastColumn()).getValues();
      tab.getRange(2, 1, 2, tab.getLastColumn()).setValues([values[1]!, values[0]!].map((row) => row.map((cell) => (typeof cell === 'string' && cell !== '' ? `'${cell}` : cell))));
    }, nth);
    const busy = team.post({ token: 'test-token-0123456789abcdef', clientId: 'c', since: first.cursor, changes: { contacts: [edit], companies: [], interactions: [], deals: [], followUps: [] } });
    expect(busy).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(team.rows('Contacts').map((r) => [r['First name'], r['Job title']])).toEqual([['Amy', ''], ['Zed', '']]);
    expect(team.sync({ contacts: [edit] }, first.cursor).ok).toBe(true);
    expect(team.cell('Contacts', team.rowOf('Contacts', people[0]!.id), 'Job title')).toBe('CFO');
  });
});

describe('dates in the spreadsheet’s time zone', () => {
  it.each(['Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'])('keeps a birthday and a typed date exact on a sheet in %s, sync after sync', (zone) => {
    const team = teamSheet({ spreadsheetTimeZone: zone, scriptTimeZone: 'Etc/UTC' });
    const { contact } = makers();
    const bea = contact({ birthday: '1990-06-14' });
    let cursor = team.sync({ contacts: [bea] }).cursor;
    const row = team.rowOf('Contacts', bea.id);
    const birthdayCell = team.cell('Contacts', row, 'Birthday') as Date;
    expect(Object.prototype.toString.call(birthdayCell)).toBe('[object Date]');
    // The cell shows 14 June 1990 in the sheet's zone.
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(birthdayCell)).toBe('1990-06-14');

    team.type('Contacts', row, 'Consent date', '2024-03-02');
    const taken = team.sync({}, cursor);
    expect(taken.changes.contacts[0]).toMatchObject({ birthday: '1990-06-14', consentDate: '2024-03-02' });
    cursor = taken.cursor;
    for (let i = 0; i < 3; i++) {
      team.advance(MINUTE);
      const again = team.sync({}, cursor);
      expect(again.changes.contacts).toEqual([]);
      cursor = again.cursor;
    }
    expect(team.sync({}, 0).changes.contacts[0]).toMatchObject({ birthday: '1990-06-14', consentDate: '2024-03-02' });
  });

  it('reads a due date and time typed without a zone as the spreadsheet’s wall time', () => {
    const team = teamSheet({ spreadsheetTimeZone: 'Europe/Berlin' });
    const { contact, followUp } = makers();
    const bea = contact();
    const call = followUp(bea.id);
    const first = team.sync({ contacts: [bea], followUps: [call] });
    team.type('FollowUps', team.rowOf('FollowUps', call.id), 'Due at', '2026-12-03 14:30');
    const taken = team.sync({}, first.cursor);
    expect(taken.changes.followUps[0]?.dueAt).toBe('2026-12-03T13:30:00.000Z');
  });
});

describe('no cell can stop the team', () => {
  it('leaves a field alone for everyone when its header is renamed, and says so', () => {
    const team = teamSheet();
    const { contact } = makers();
    const people = Array.from({ length: 4 }, (_, i) => contact({ firstName: `P${i}`, notes: `note ${i}`, lastName: `L${i}` }));
    const first = team.sync({ contacts: people });
    team.type('Contacts', 1, 'Notes', 'Remarks');
    team.type('Contacts', 1, 'Last name', '');
    team.advance(MINUTE);
    const edit = { ...people[0], firstName: 'Paula', notes: 'new note', fieldTimes: { firstName: team.now().toISOString(), notes: team.now().toISOString() } };
    const answer = team.sync({ contacts: [edit] }, first.cursor);
    expect(answer.sheetProblems.map((p) => p.column)).toEqual(expect.arrayContaining(['Notes', 'Last name']));
    expect(answer.conflicts).toEqual([expect.objectContaining({ id: people[0]!.id, field: 'notes', reason: 'unwritable' })]);
    // Only the first name changed; nobody's notes or last name are sent as empty.
    expect(answer.changes.contacts).toHaveLength(1);
    expect(answer.changes.contacts[0]).toMatchObject({ firstName: 'Paula', unknownFields: expect.arrayContaining(['notes', 'lastName']) });
    expect(answer.changes.contacts[0]).not.toHaveProperty('notes');
    const everyone = team.sync({}, 0).changes.contacts;
    expect(everyone.every((c) => !('notes' in c) && !('lastName' in c))).toBe(true);
    expect(team.rows('Contacts').map((r) => r.Remarks)).toEqual(['note 0', 'note 1', 'note 2', 'note 3']);
    expect(team.header('Contacts')).not.toContain('Notes');
  });

  it('reads Rapport’s own column when a team column with a similar name stands left of it', () => {
    const team = teamSheet();
    const { contact } = makers();
    const bea = contact({ emails: ['bea@client.test'] });
    const first = team.sync({ contacts: [bea] });
    const tab = team.tab('Contacts');
    team.google.asPerson(() => {
      tab.insertColumnBefore(1);
      tab.getRange(1, 1).setValue('E-Mails');
      tab.getRange(2, 1).setValue('private@home.test');
    });
    const answer = team.sync({}, first.cursor);
    expect(answer.changes.contacts).toEqual([]);
    expect(team.sync({}, 0).changes.contacts[0]).toMatchObject({ emails: ['bea@client.test'] });
  });

  it('survives a revision of 2^53 or more in a cell and in the stored counter', () => {
    const team = teamSheet();
    const { contact } = makers();
    const [ann, bob] = [contact({ firstName: 'Ann' }), contact({ firstName: 'Bob' })];
    const first = team.sync({ contacts: [ann, bob] });
    team.type('Contacts', team.rowOf('Contacts', ann.id), '_rev', '9007199254740993');
    team.google.asPerson(() => {
      const properties = team.google.globals.PropertiesService.getScriptProperties();
      properties.setProperty('rapport.state', JSON.stringify({ ...JSON.parse(properties.getProperty('rapport.state')!), rev: 1e20 }));
    });
    const next = team.sync({}, first.cursor);
    expect(Number.isSafeInteger(next.cursor)).toBe(true);
    expect(next.cursor).toBeLessThan(1e6);
    expect(next.sheetProblems).toEqual([expect.objectContaining({ tab: 'Contacts', column: '_rev' })]);
    team.advance(MINUTE);
    const later = team.sync({ contacts: [{ ...bob, jobTitle: 'CTO', updatedAt: team.now().toISOString() }] }, next.cursor);
    expect(later.cursor).toBeGreaterThan(next.cursor);
    expect(team.sync({}, next.cursor).changes.contacts.map((c) => c.jobTitle)).toEqual(['CTO']);
    expect(team.sync({}, later.cursor).changes.contacts).toEqual([]);
  });

  it('refuses a record whose tag holds 60 commas, and stores the rest of the batch', () => {
    const team = teamSheet();
    const { contact } = makers();
    const poison = contact({ firstName: 'Poison', tags: [Array.from({ length: 61 }, (_, i) => `t${i}`).join(',')] });
    const fine = contact({ firstName: 'Fine', tags: ['vip'] });
    const answer = team.sync({ contacts: [poison, fine] });
    expect(answer.rejected).toEqual([{ table: 'contacts', id: poison.id, errors: [expect.stringMatching(/^tags: .*50/)] }]);
    expect(team.rows('Contacts').map((r) => r['First name'])).toEqual(['Fine']);
  });

  it('names a word typed into Amount, syncs the rest of the row, and never duplicates the record', () => {
    const team = teamSheet();
    const { contact, interaction } = makers();
    const bea = contact();
    const sale = interaction(bea.id, { type: 'purchase', amount: 120 });
    const first = team.sync({ contacts: [bea], interactions: [sale] });
    const row = team.rowOf('Interactions', sale.id);
    team.type('Interactions', row, 'Amount', 'twelve');
    team.type('Interactions', row, 'Outcome', 'paid in cash');
    const taken = team.sync({}, first.cursor);
    expect(taken.sheetProblems).toEqual([expect.objectContaining({ tab: 'Interactions', row, column: 'Amount', errors: [expect.stringContaining('"twelve"')] })]);
    expect(taken.changes.interactions).toEqual([expect.objectContaining({ id: sale.id, outcome: 'paid in cash', unknownFields: ['amount'] })]);
    team.advance(MINUTE);
    const edit = { ...sale, summary: 'Paid the invoice', fieldTimes: { summary: team.now().toISOString() } };
    expect(team.sync({ interactions: [edit] }, taken.cursor).ok).toBe(true);
    expect(team.rows('Interactions').filter((r) => r.id === sale.id)).toHaveLength(1);
    expect(team.cell('Interactions', row, 'Amount')).toBe('twelve');
    // The person fixes the cell: the amount reaches everyone.
    team.type('Interactions', row, 'Amount', '12');
    expect(team.sync({}, taken.cursor).changes.interactions[0]).toMatchObject({ amount: 12, summary: 'Paid the invoice' });
  });

  it('puts back a cleared id instead of making a duplicate', () => {
    const team = teamSheet();
    const { contact } = makers();
    const people = [contact({ firstName: 'Ann' }), contact({ firstName: 'Bob' })];
    const first = team.sync({ contacts: people });
    const row = team.rowOf('Contacts', people[1]!.id);
    team.type('Contacts', row, 'id', '');
    const next = team.sync({}, first.cursor);
    expect(team.rows('Contacts').map((r) => r.id)).toEqual(people.map((p) => p.id));
    expect(next.sheetProblems).toEqual([expect.objectContaining({ row, column: 'id', errors: [expect.stringContaining('put it back')] })]);
    expect(team.sync({}, 0).changes.contacts.map((c) => c.id).sort()).toEqual(people.map((p) => p.id).sort());
  });

  it('treats ids that differ only in letter case as one record', () => {
    const team = teamSheet();
    const { contact } = makers();
    const bea = contact();
    const first = team.sync({ contacts: [bea] });
    team.advance(MINUTE);
    team.sync({ contacts: [{ ...bea, id: bea.id.toUpperCase(), jobTitle: 'CEO', updatedAt: team.now().toISOString() }] }, first.cursor);
    expect(team.rows('Contacts')).toHaveLength(1);
    expect(team.rows('Contacts')[0]).toMatchObject({ id: bea.id, 'Job title': 'CEO' });
  });

  it('takes a timestamp a person spelled differently for the same instant as no change', () => {
    const team = teamSheet({ spreadsheetTimeZone: 'Europe/Berlin' });
    const { contact, interaction, followUp } = makers();
    const bea = contact();
    const mail = interaction(bea.id, { occurredAt: '2026-11-20T08:00:00.000Z' });
    const call = followUp(bea.id, { dueAt: '2026-11-25' });
    const first = team.sync({ contacts: [bea], interactions: [mail], followUps: [call] });
    team.type('Interactions', team.rowOf('Interactions', mail.id), 'Occurred at', '2026-11-20T09:00:00+01:00');
    team.type('FollowUps', team.rowOf('FollowUps', call.id), 'Due at', '2026-11-25');
    const next = team.sync({}, first.cursor);
    expect(next.changes.interactions).toEqual([]);
    expect(next.changes.followUps).toEqual([]);
    expect(team.rows('Interactions')[0]).toMatchObject({ 'Updated by': 'ann@team.test' });
  });

  it('does not take a person’s edit of a computed score for an edit of the record', () => {
    const team = teamSheet();
    const { contact } = makers();
    const bea = contact();
    const first = team.sync({ contacts: [bea] });
    team.type('Contacts', team.rowOf('Contacts', bea.id), 'CLV', 99999);
    expect(team.sync({}, first.cursor).changes.contacts).toEqual([]);
    expect(team.rows('Contacts')[0]).toMatchObject({ 'Updated by': 'ann@team.test' });
    // The next recalculation puts the computed value back (Bea has bought nothing: no CLV).
    team.sheet.bundle.call('recalculateScores');
    expect(team.rows('Contacts')[0]).toMatchObject({ CLV: '', 'Updated by': 'ann@team.test' });
  });
});

describe('deletion and erasure', () => {
  it('turns a row a person deletes into a deletion for every member, and refuses a later edit of it', () => {
    const team = teamSheet();
    const { contact } = makers();
    const [ann, bob] = [contact({ firstName: 'Ann' }), contact({ firstName: 'Bob', notes: 'secret' })];
    const first = team.sync({ contacts: [ann, bob] });
    team.google.asPerson(() => team.tab('Contacts').deleteRow(team.rowOf('Contacts', bob.id)));
    const next = team.sync({}, first.cursor);
    expect(next.changes.contacts).toEqual([expect.objectContaining({ id: bob.id, deleted: true, firstName: '', notes: '', emails: [] })]);
    expect(team.rows('Contacts').find((r) => r.id === bob.id)).toMatchObject({ Deleted: true, 'First name': '', Notes: '' });

    team.advance(MINUTE);
    const offline = team.sync({ contacts: [{ ...bob, notes: 'edited offline', updatedAt: team.now().toISOString() }] }, next.cursor);
    expect(offline.conflicts).toEqual([expect.objectContaining({ id: bob.id, reason: 'deleted' })]);
    expect(offline.changes.contacts).toEqual([expect.objectContaining({ id: bob.id, deleted: true, notes: '' })]);
    expect(team.rows('Contacts').filter((r) => r.id === bob.id)).toEqual([expect.objectContaining({ Deleted: true, Notes: '' })]);
  });

  it('clears every personal field of a row whose Deleted box a person ticks', () => {
    const team = teamSheet();
    const { contact } = makers();
    const bea = contact({ firstName: 'Bea', phones: ['+4915112345678'], notes: 'secret', tags: ['vip'] });
    const first = team.sync({ contacts: [bea] });
    team.type('Contacts', team.rowOf('Contacts', bea.id), 'Deleted', true);
    const next = team.sync({}, first.cursor);
    const [tombstone] = next.changes.contacts;
    expect(tombstone).toMatchObject({ id: bea.id, deleted: true, firstName: '', lastName: '', emails: [], phones: [], notes: '', tags: [] });
    const row = team.rows('Contacts')[0]!;
    expect(Object.entries(row).filter(([heading, value]) => !['id', 'Created at', 'Updated at', 'Updated by', 'Deleted', '_rev', '_hash', '_clock', 'Stage', 'At risk'].includes(heading) && value !== '')).toEqual([]);
  });

  it('erases a contact’s personal text from their interactions, deals and follow-ups, keeping the figures', () => {
    const team = teamSheet();
    const { contact, interaction, followUp, deal } = makers();
    const bea = contact();
    const sale = interaction(bea.id, { type: 'purchase', amount: 250, subject: 'Order from Bea', summary: 'Bea’s home address is …' });
    const task = followUp(bea.id);
    const opportunity = deal(bea.id);
    const first = team.sync({ contacts: [bea], interactions: [sale], followUps: [task], deals: [opportunity] });
    team.advance(MINUTE);
    const erased = team.sync({ contacts: [{ ...bea, deleted: true, updatedAt: team.now().toISOString() }] }, first.cursor);
    expect(erased.changes.interactions).toEqual([expect.objectContaining({ id: sale.id, subject: '', summary: '', amount: 250, type: 'purchase', contactId: bea.id })]);
    expect(erased.changes.followUps).toEqual([expect.objectContaining({ id: task.id, title: '' })]);
    expect(erased.changes.deals).toEqual([expect.objectContaining({ id: opportunity.id, name: '', amount: 4000 })]);
    expect(team.rows('Interactions')[0]).toMatchObject({ Subject: '', Summary: '', Amount: 250 });
  });
});

describe('merging by field', () => {
  it('keeps a teammate’s phone fix in the sheet and a member’s note from the extension, made minutes apart', () => {
    const team = teamSheet();
    const { contact } = makers();
    const bea = contact({ phones: ['+4930111'], notes: '' });
    const first = team.sync({ contacts: [bea] });
    // 10:00 the member writes a note offline; 10:03 a teammate fixes the phone in the sheet; 10:05 the member syncs.
    const noteAt = team.now().toISOString();
    team.advance(3 * MINUTE);
    team.type('Contacts', team.rowOf('Contacts', bea.id), 'Phones', "'+4930222");
    team.sync({}, first.cursor);
    team.advance(2 * MINUTE);
    const answer = team.sync({ contacts: [{ ...bea, notes: 'wants a demo', updatedAt: noteAt, fieldTimes: { notes: noteAt } }] }, first.cursor);
    expect(answer.conflicts).toEqual([]);
    expect(answer.changes.contacts.at(-1)).toMatchObject({ phones: ['+4930222'], notes: 'wants a demo' });
  });

  it('tells a member whose clock is 10 minutes slow that an earlier edit lost, and sends the winner', () => {
    const team = teamSheet();
    const { contact } = makers();
    const bea = contact({ jobTitle: 'Buyer' });
    const first = team.sync({ contacts: [bea] });
    team.advance(5 * MINUTE);
    team.type('Contacts', team.rowOf('Contacts', bea.id), 'Job title', 'Head of Buying');
    const taken = team.sync({}, first.cursor);
    team.advance(MINUTE);
    // The member edits after the teammate, but a slow clock stamps it 10 minutes early.
    const slow = new Date(team.now().getTime() - 10 * MINUTE).toISOString();
    const answer = team.sync({ contacts: [{ ...bea, jobTitle: 'Purchasing lead', updatedAt: slow, fieldTimes: { jobTitle: slow } }] }, taken.cursor);
    expect(answer.conflicts).toEqual([expect.objectContaining({ id: bea.id, field: 'jobTitle', reason: 'newer' })]);
    expect(answer.changes.contacts).toEqual([expect.objectContaining({ id: bea.id, jobTitle: 'Head of Buying' })]);
    // Corrected by the sheet's clock (serverTime), the member's next edit wins.
    team.advance(MINUTE);
    const corrected = team.now().toISOString();
    const again = team.sync({ contacts: [{ ...bea, jobTitle: 'Purchasing lead', updatedAt: corrected, fieldTimes: { jobTitle: corrected } }] }, answer.cursor);
    expect(again.serverTime).toBe(corrected);
    expect(again.conflicts).toEqual([]);
    expect(team.sync({}, answer.cursor).changes.contacts).toEqual([expect.objectContaining({ jobTitle: 'Purchasing lead' })]);
  });

  it('does not let a clock 5 minutes fast beat a later correct edit', () => {
    const team = teamSheet();
    const { contact } = makers();
    const bea = contact({ jobTitle: 'Buyer' });
    const first = team.sync({ contacts: [bea] });
    team.advance(10 * MINUTE);
    // A teammate corrects the title in the sheet; the sheet sees it now.
    team.type('Contacts', team.rowOf('Contacts', bea.id), 'Job title', 'Correct and later');
    const seen = team.sync({}, first.cursor);
    // A member edited a minute earlier, on a clock 5 minutes fast, and syncs only now.
    const fast = new Date(team.now().getTime() - MINUTE + 5 * MINUTE).toISOString();
    const answer = team.sync({ contacts: [{ ...bea, jobTitle: 'Earlier, from the fast clock', updatedAt: fast, fieldTimes: { jobTitle: fast } }] }, seen.cursor);
    expect(answer.conflicts).toEqual([expect.objectContaining({ field: 'jobTitle', reason: 'newer' })]);
    expect(answer.changes.contacts).toEqual([expect.objectContaining({ jobTitle: 'Correct and later' })]);
  });

  it('reports, not drops, the second of two versions of a record with the same timestamp in one batch', () => {
    const team = teamSheet();
    const { contact } = makers();
    const bea = contact();
    const first = team.sync({ contacts: [bea] });
    team.advance(MINUTE);
    const at = team.now().toISOString();
    const answer = team.sync({ contacts: [{ ...bea, jobTitle: 'One', updatedAt: at }, { ...bea, jobTitle: 'Two', updatedAt: at }] }, first.cursor);
    expect(answer.conflicts).toEqual([expect.objectContaining({ id: bea.id, field: 'jobTitle', reason: 'newer' })]);
    expect(answer.changes.contacts).toEqual([expect.objectContaining({ jobTitle: 'One' })]);
  });
});

describe('text stays text', () => {
  it.each([true, false])('stores page text Google would auto-type exactly as text (Sheets API: %s)', (sheetsApi) => {
    const team = teamSheet({ sheetsApi });
    const { contact } = makers();
    const texts = { jobTitle: 'Jan 5', company: '1/2/2024', notes: '12:30', address: '$100', source: '50%', website: '=HYPERLINK("http://evil.test")' };
    const bea = contact(texts);
    const first = team.sync({ contacts: [bea] });
    const row = team.rowOf('Contacts', bea.id);
    expect(team.cell('Contacts', row, 'Job title')).toBe('Jan 5');
    expect(team.cell('Contacts', row, 'Company')).toBe('1/2/2024');
    expect(team.cell('Contacts', row, 'Address')).toBe('$100');
    expect(team.formula('Contacts', row, 'Website')).toBe('');
    expect(team.sync({}, first.cursor).changes.contacts).toEqual([]);
    expect(team.sync({}, 0).changes.contacts[0]).toMatchObject(texts);
  });

  it('formats the text columns of a new tab as plain text, so people’s typing stays text too', () => {
    const team = teamSheet();
    const { contact } = makers();
    const bea = contact();
    const first = team.sync({ contacts: [bea] });
    const row = team.rowOf('Contacts', bea.id);
    team.type('Contacts', row, 'Phones', '+4915112345678');
    team.type('Contacts', row, 'Job title', 'Jan 5');
    expect(team.sync({}, first.cursor).changes.contacts[0]).toMatchObject({ phones: ['+4915112345678'], jobTitle: 'Jan 5' });
  });
});

describe('the script lock', () => {
  it('waits for another run that lets go in time, and answers busy after 30 seconds', () => {
    const team = teamSheet();
    const { contact } = makers();
    team.google.locks.hold('script', 5_000);
    expect(team.sync({ contacts: [contact()] }).ok).toBe(true);
    team.google.locks.hold('script');
    expect(team.post({ token: 'test-token-0123456789abcdef', clientId: 'c', since: 0, changes: { contacts: [contact()], companies: [], interactions: [], deals: [], followUps: [] } })).toMatchObject({ ok: false, error: { code: 'busy' } });
    team.google.locks.release('script');
    expect(team.rows('Contacts')).toHaveLength(1);
  });
});
