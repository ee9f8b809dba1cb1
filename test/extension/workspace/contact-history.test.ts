import { describe, expect, it } from 'vitest';
import { RapportDatabase } from '../../../extension/db/database';
import { personRecords } from '../../../extension/db/person-data';
import { deleteRecord, writeRecord } from '../../../extension/db/write-record';
import { timelineRows, wholeSoFar } from '../../../extension/workspace/timeline';
import { newId } from '../../../shared/ids';

const ME = 'ann@team.test';

describe('a contact page’s history read newest first', () => {
  it('shows, before the whole history is read, exactly the entries the whole history starts with', async () => {
    const db = new RapportDatabase(`history-${newId()}`);
    const bea = await writeRecord(db, 'contacts', { firstName: 'Bea' }, ME);
    const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`;
    for (let n = 1; n <= 28; n++) await writeRecord(db, 'interactions', { contactId: bea.id, type: 'call', occurredAt: day(n), subject: `call ${n}` }, ME);
    // Two at the same moment as the last of the newest read, one removed among the newest, one without a time
    // (it counts by when it was written: now, the newest), a deal and a follow-up in between.
    await writeRecord(db, 'interactions', { contactId: bea.id, type: 'note', occurredAt: day(20), subject: 'same moment' }, ME);
    const removed = await writeRecord(db, 'interactions', { contactId: bea.id, type: 'note', occurredAt: day(27), subject: 'removed' }, ME);
    await deleteRecord(db, 'interactions', removed.id, ME);
    await writeRecord(db, 'interactions', { contactId: bea.id, type: 'note', subject: 'no time given' }, ME);
    await writeRecord(db, 'deals', { contactId: bea.id, name: 'Renewal', stage: 'won', closedAt: '2026-03-24' }, ME);
    await writeRecord(db, 'followUps', { contactId: bea.id, title: 'call back', dueAt: '2026-03-22' }, ME);

    const whole = await personRecords(db, bea.id);
    const first = await personRecords(db, bea.id, 10);
    expect(whole!.newerThan).toBeUndefined();
    expect(first!.newerThan).toBeDefined();
    const all = timelineRows(whole!);
    const early = wholeSoFar(timelineRows(first!), first!.newerThan!);
    expect(early.length).toBeGreaterThan(5);
    expect(early).toEqual(all.slice(0, early.length));
    expect(early[0]!.title).toBe('no time given');
    expect(early.map((row) => row.title)).not.toContain('removed');

    // A short history is read whole at once.
    const carl = await writeRecord(db, 'contacts', { firstName: 'Carl' }, ME);
    await writeRecord(db, 'interactions', { contactId: carl.id, type: 'call', occurredAt: day(1) }, ME);
    expect((await personRecords(db, carl.id, 10))!.newerThan).toBeUndefined();
  });
});
