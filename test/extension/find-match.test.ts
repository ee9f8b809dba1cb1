import { beforeEach, describe, expect, it } from 'vitest';
import { findMatch, saveContact } from '../../extension/db/contacts';
import { RapportDatabase } from '../../extension/db/database';
import { newId } from '../../shared/ids';

let db: RapportDatabase;
beforeEach(() => {
  db = new RapportDatabase(`match-${newId()}`);
});

const query = { emails: ['bea@private.test'], phones: [] as string[], firstName: 'Bea', lastName: 'Lindqvist', company: 'Northwind Traders GmbH' };

describe('finding the known contact a person on a page is', () => {
  it('takes a phone number as a match only when one contact has it: a switchboard shared by several is nobody’s', async () => {
    const ann = await saveContact(db, { firstName: 'Ann', lastName: 'Berg', phones: ['+4930123456'] }, 'me');
    expect(await findMatch(db, { ...query, phones: ['+4930123456'], lastName: 'Other' })).toMatchObject({ by: 'phone', contact: { id: ann.id } });
    await saveContact(db, { firstName: 'Carl', lastName: 'Dahl', phones: ['+4930123456'] }, 'me');
    expect(await findMatch(db, { ...query, phones: ['+4930123456'], lastName: 'Other' })).toBeNull();
  });

  it('matches the same name at the same company whatever the case it was typed in', async () => {
    const bea = await saveContact(db, { firstName: 'bea', lastName: 'LINDQVIST', company: 'northwind traders gmbh', emails: ['bea@old.test'] }, 'me');
    expect(await findMatch(db, query)).toMatchObject({ by: 'name', contact: { id: bea.id } });
    expect(await findMatch(db, { ...query, company: 'Southwind AG' })).toBeNull();
    expect(await findMatch(db, { ...query, firstName: 'Bo' })).toBeNull();
  });

  it('finds the one namesake at the company among many contacts with the same last name', async () => {
    await db.contacts.bulkAdd(Array.from({ length: 300 }, (_, i) => ({
      ...{ id: newId(), createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'sheet', deleted: false },
      firstName: `Person${i}`, lastName: 'Lindqvist', emails: [`p${i}@x.test`], phones: [], jobTitle: '', companyId: '', company: 'Northwind Traders GmbH', website: '', socialLinks: [], address: '', birthday: '', tags: [],
      stage: 'lead' as const, source: '', owner: '', consentBasis: '', consentDate: '', notes: '', keepInTouchDays: null, valueClass: '', rfmSegment: '', rfmScore: '', leadScore: null, clv: null, pAlive: null, atRisk: false, scoredAt: '',
    })));
    const bea = await saveContact(db, { firstName: 'Bea', lastName: 'Lindqvist', company: 'Northwind Traders GmbH' }, 'me');
    expect(await findMatch(db, query)).toMatchObject({ by: 'name', contact: { id: bea.id } });
  });

  it('never matches a deleted contact', async () => {
    const bea = await saveContact(db, { firstName: 'Bea', lastName: 'Lindqvist', company: 'Northwind Traders GmbH', emails: ['bea@private.test'] }, 'me');
    await db.contacts.update(bea.id, { deleted: true, firstName: '', lastName: '', emails: [], company: '' });
    expect(await findMatch(db, query)).toBeNull();
  });
});
