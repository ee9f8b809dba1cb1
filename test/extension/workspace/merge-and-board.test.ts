import { beforeEach, describe, expect, it } from 'vitest';
import { RapportDatabase } from '../../../extension/db/database';
import { mergeContacts } from '../../../extension/db/merge-contacts';
import { writeRecord } from '../../../extension/db/write-record';
import { dealBoard, neighbourStage } from '../../../extension/workspace/deal-board';
import { findDuplicatePairs } from '../../../extension/workspace/duplicates';
import { mergedFields, proposedChoices } from '../../../extension/workspace/merge-contacts';
import { timelineRows } from '../../../extension/workspace/timeline';
import { changeStage } from '../../../extension/db/stage-change';
import { personRecords } from '../../../extension/db/person-data';
import { newId } from '../../../shared/ids';
import { recordSchemas, type Contact, type Deal } from '../../../shared/records';

const ME = 'ann@team.test';
const now = '2026-01-01T00:00:00.000Z';
const contact = (fields: Partial<Contact>): Contact => recordSchemas.contacts.parse({ id: newId(), createdAt: now, updatedAt: now, updatedBy: ME, ...fields });

describe('duplicate suggestions', () => {
  it('pair the same email, the same phone written two ways, and a similar name at the same company; not strangers', () => {
    const a = contact({ firstName: 'Bea', lastName: 'Lindqvist', emails: ['bea@northwind.test'], company: 'Northwind' });
    const b = contact({ firstName: 'Beatrice', lastName: 'Lindqvist', emails: ['b.lindqvist@gmail.test'], company: 'NORTHWIND' });
    const c = contact({ firstName: 'B.', lastName: 'Lindqvist', emails: ['bea@northwind.test'] });
    const d = contact({ firstName: 'Carl', lastName: 'Berg', phones: ['+49 30 1234567'] });
    const e = contact({ firstName: 'Karl', lastName: 'Berg', phones: ['030 1234567'], company: 'Contoso' });
    const f = contact({ firstName: 'Jon', lastName: 'Smith', company: 'Contoso' });
    const g = contact({ firstName: 'John', lastName: 'Smith', company: 'Contoso' });
    const h = contact({ firstName: 'Anna', lastName: 'Smith', company: 'Contoso' });
    const pairs = findDuplicatePairs([a, b, c, d, e, f, g, h]);
    const has = (x: Contact, y: Contact) => pairs.find((p) => [p.a, p.b].sort().join() === [x.id, y.id].sort().join())?.reasons;
    expect(has(a, c)).toEqual(['email']);
    expect(has(d, e)).toEqual(['phone']);
    expect(has(a, b)).toEqual(['name']);
    expect(has(f, g)).toEqual(['name']);
    expect(has(f, h)).toBeUndefined();
    expect(pairs[0]!.reasons).toEqual(['email']);
  });
});

describe('a merge', () => {
  let db: RapportDatabase;
  beforeEach(() => {
    db = new RapportDatabase(`merge-${newId()}`);
  });

  it('keeps every interaction, deal and follow-up, chooses field by field, and queues the survivor before the tombstone', async () => {
    const keep = await writeRecord(db, 'contacts', { firstName: 'Bea', lastName: 'Lindqvist', emails: ['bea@northwind.test'], jobTitle: '', phones: ['+49 1'] }, ME);
    const other = await writeRecord(db, 'contacts', { firstName: 'Beatrice', lastName: 'Lindqvist', emails: ['b@private.test'], jobTitle: 'CFO', phones: ['+49 2'], tags: ['vip'] }, ME);
    await writeRecord(db, 'interactions', { contactId: other.id, type: 'call', subject: 'Pricing call', occurredAt: '2026-02-01T10:00:00.000Z' }, ME);
    await writeRecord(db, 'deals', { contactId: other.id, name: 'Q3 order', amount: 5000 }, ME);
    await writeRecord(db, 'followUps', { contactId: other.id, dueAt: '2026-03-01', title: 'Send offer' }, ME);
    await writeRecord(db, 'interactions', { contactId: keep.id, type: 'email', subject: 'Hello', occurredAt: '2026-01-01T10:00:00.000Z' }, ME);

    const choices = proposedChoices(keep, other);
    expect(choices).toEqual({ firstName: 'keep', jobTitle: 'other' });
    await db.outbox.clear();
    const { contact: merged, moved } = await mergeContacts(db, keep.id, other.id, { ...choices, firstName: 'other' }, ME);
    expect(moved).toBe(3);
    expect(merged).toMatchObject({ firstName: 'Beatrice', jobTitle: 'CFO', emails: ['bea@northwind.test', 'b@private.test'], phones: ['+49 1', '+49 2'], tags: ['vip'] });
    const person = (await personRecords(db, keep.id))!;
    expect(person.interactions.map((i) => i.subject)).toEqual(['Hello', 'Pricing call']);
    expect(person.deals.map((d) => d.name)).toEqual(['Q3 order']);
    expect(person.followUps.map((f) => f.title)).toEqual(['Send offer']);
    expect(await db.contacts.get(other.id)).toMatchObject({ deleted: true, firstName: '', emails: [] });
    expect(await db.contactRows.count()).toBe(1);
    expect((await db.contactActivity.get(keep.id))?.lastContactAt).toBe('2026-02-01T10:00:00.000Z');
    // Sent in this order: the survivor, the history moved to it, then the tombstone (the sheet erases what still names it).
    const queued = (await db.outbox.orderBy('seq').toArray()).map((e) => `${e.table}:${e.id === other.id ? 'other' : e.id === keep.id ? 'keep' : 'linked'}:${Object.keys(e.fields ?? {}).join('+')}`);
    expect(queued).toEqual(['contacts:keep:firstName+emails+phones+jobTitle+tags', 'interactions:linked:contactId', 'deals:linked:contactId', 'followUps:linked:contactId', 'contacts:other:deleted']);
  });

  it('refuses a contact with itself or one that is gone', async () => {
    const keep = await writeRecord(db, 'contacts', { firstName: 'Bea' }, ME);
    await expect(mergeContacts(db, keep.id, keep.id, {}, ME)).rejects.toThrow('itself');
    await expect(mergeContacts(db, keep.id, newId(), {}, ME)).rejects.toThrow('no longer exists');
  });

  it('lists lists whole even when they are long', () => {
    const a = contact({ emails: Array.from({ length: 30 }, (_, i) => `a${i}@x.test`) });
    const b = contact({ emails: Array.from({ length: 30 }, (_, i) => `b${i}@x.test`) });
    expect(mergedFields(a, b, {}).emails).toHaveLength(50);
  });
});

describe('the timeline', () => {
  it('puts every channel, stage changes, deals and follow-ups on one line, newest first', async () => {
    const db = new RapportDatabase(`timeline-${newId()}`);
    const bea = await writeRecord(db, 'contacts', { firstName: 'Bea', stage: 'lead' }, ME);
    await writeRecord(db, 'interactions', { contactId: bea.id, type: 'email', direction: 'inbound', subject: 'Question', occurredAt: '2026-01-02T09:00:00.000Z' }, ME);
    await writeRecord(db, 'interactions', { contactId: bea.id, type: 'purchase', amount: 120, occurredAt: '2026-01-05T09:00:00.000Z' }, ME);
    await writeRecord(db, 'interactions', { contactId: bea.id, type: 'complaint', subject: 'Late delivery', occurredAt: '2026-01-07T09:00:00.000Z' }, ME);
    await writeRecord(db, 'deals', { contactId: bea.id, name: 'Renewal', closedAt: '2026-01-06', stage: 'won', amount: 900, currency: 'EUR' }, ME);
    await writeRecord(db, 'followUps', { contactId: bea.id, dueAt: '2026-01-10', title: 'Call back' }, ME);
    await changeStage(db, bea.id, 'customer', ME);
    const person = (await personRecords(db, bea.id))!;
    const rows = timelineRows(person);
    expect(rows.map((r) => `${r.kind}:${r.title || r.state}`).slice(1)).toEqual(['followUp:Call back', 'complaint:Late delivery', 'deal:Renewal', 'purchase:', 'email:Question']);
    expect(rows[0]).toMatchObject({ kind: 'stage', state: 'customer' });
  });

  it('shows the sheet’s own notes of a stage change as stage changes too', () => {
    const at = '2026-01-08T02:00:00.000Z';
    const note = recordSchemas.interactions.parse({ id: newId(), createdAt: at, updatedAt: at, updatedBy: 'rapport', contactId: newId(), type: 'note', direction: 'internal', channel: 'Rapport', occurredAt: at, subject: 'Stage: customer → loyal', summary: '3 purchases (customers become loyal at 3).' });
    expect(timelineRows({ interactions: [note], deals: [], followUps: [] })).toEqual([expect.objectContaining({ kind: 'stage', state: 'loyal' })]);
  });
});

describe('the deals board', () => {
  const deal = (fields: Partial<Deal>): Deal => recordSchemas.deals.parse({ id: newId(), createdAt: now, updatedAt: now, updatedBy: ME, ...fields });
  it('totals each stage per currency, weighted by the deal’s probability or the stage’s', () => {
    const board = dealBoard([
      deal({ stage: 'proposal', amount: 1000, currency: 'EUR', owner: 'ann@team.test' }),
      deal({ stage: 'proposal', amount: 0.1, currency: 'EUR', probability: 90, owner: 'bob@team.test' }),
      deal({ stage: 'proposal', amount: 500, currency: 'USD', owner: 'ann@team.test' }),
      deal({ stage: 'won', amount: 200, currency: 'EUR', deleted: true }),
    ]);
    expect(board.find((c) => c.stage === 'proposal')?.totals).toEqual([{ currency: 'EUR', amount: 1000.1, weighted: 500.09 }, { currency: 'USD', amount: 500, weighted: 250 }]);
    expect(board.find((c) => c.stage === 'won')?.deals).toEqual([]);
    expect(dealBoard(board.flatMap((c) => c.deals), { owner: 'BOB@team.test' }).find((c) => c.stage === 'proposal')?.deals).toHaveLength(1);
    expect([neighbourStage('prospecting', -1), neighbourStage('proposal', 1), neighbourStage('lost', 1)]).toEqual(['prospecting', 'negotiation', 'lost']);
  });
});
