import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RapportDatabase } from '../../../extension/db/database';
import { deleteRecord, writeRecord } from '../../../extension/db/write-record';
import { ContactListIndex, filterChoices } from '../../../extension/workspace/contact-list';
import { contactTokens, queryTokens } from '../../../extension/workspace/search-tokens';
import { newId } from '../../../shared/ids';
import { recordSchemas } from '../../../shared/records';

const ME = 'ann@team.test';
let db: RapportDatabase;
let index: ContactListIndex;
const ids: Record<string, string> = {};

async function contact(key: string, fields: Record<string, unknown>) {
  // Scores come from the sheet: written as the sync writes them.
  const now = new Date().toISOString();
  const record = recordSchemas.contacts.parse({ id: newId(), createdAt: now, updatedAt: now, updatedBy: 'sheet', ...fields });
  await db.contacts.put(record);
  ids[key] = record.id;
}

beforeEach(async () => {
  db = new RapportDatabase(`list-${newId()}`);
  index = new ContactListIndex(db);
  await contact('bea', { firstName: 'Bea', lastName: 'Müller', emails: ['bea.mueller@northwind.test'], phones: ['+49 170 1234567'], company: 'Northwind Traders', stage: 'customer', valueClass: 'A', atRisk: true, owner: ME, clv: 900, tags: ['VIP'] });
  await contact('carl', { firstName: 'Carl', lastName: 'Anders', emails: ['carl@contoso.test'], company: 'Contoso', stage: 'lead', valueClass: 'B', owner: 'bob@team.test', clv: 2000 });
  await contact('dora', { firstName: 'Dora', lastName: 'Zeller', emails: ['dora@northwind.test'], company: 'Northwind Traders', stage: 'customer', valueClass: 'A', owner: ME, rfmSegment: 'Champions' });
  await contact('ed', { emails: ['ed@nowhere.test'] });
});

describe('the contact list', () => {
  it('knows how many contacts it lists without counting them again, also after a change (counting walks the whole table)', async () => {
    const counts = vi.spyOn(db.contactRows, 'count');
    expect(await index.count()).toBe(4);
    expect(await index.count()).toBe(4);
    await deleteRecord(db, 'contacts', ids.ed!, ME);
    index.invalidate();
    expect(await index.count()).toBe(3);
    // A profile keeps its count from the start, through every write.
    expect(counts).not.toHaveBeenCalled();
  });

  it('reads each list row once while a person types on, and again after any change', async () => {
    const read = vi.spyOn(db.contactRows, 'bulkGet');
    const find = (search: string) => index.ids({ search, sort: 'name', filters: {} });
    const rowsRead = () => read.mock.calls.reduce((sum, [keys]) => sum + (keys as unknown[]).length, 0);
    expect(await find('nor')).toEqual([ids.bea, ids.dora]);
    expect(rowsRead()).toBe(2);
    expect(await find('north')).toEqual([ids.bea, ids.dora]);
    expect(await find('northw')).toEqual([ids.bea, ids.dora]);
    expect(rowsRead()).toBe(2);
    // Renamed elsewhere: the list sorts by the new name.
    await db.contacts.put({ ...(await db.contacts.get(ids.dora!))!, lastName: 'Adler' });
    index.invalidate();
    expect(await find('northw')).toEqual([ids.dora, ids.bea]);
    expect(rowsRead()).toBe(4);
  });

  it('is in name order, people without a name last, and finds by name, email, company and phone as typed', async () => {
    expect(await index.ids({ search: '', sort: 'name', filters: {} })).toEqual([ids.carl, ids.bea, ids.dora, ids.ed]);
    const find = (search: string) => index.ids({ search, sort: 'name', filters: {} });
    expect(await find('mül')).toEqual([ids.bea]);
    expect(await find('muel')).toEqual([ids.bea]);
    expect(await find('MUELLER')).toEqual([ids.bea]);
    expect(await find('north')).toEqual([ids.bea, ids.dora]);
    expect(await find('north zel')).toEqual([ids.dora]);
    expect(await find('dora@north')).toEqual([ids.dora]);
    expect(await find('0170 123')).toEqual([ids.bea]);
    expect(await find('+49 170')).toEqual([ids.bea]);
    expect(await find('contoso')).toEqual([ids.carl]);
    expect(await find('xyz')).toEqual([]);
  });

  it('filters by stage, tag, owner, segment, class and risk, and saves nothing it was not asked to', async () => {
    const filtered = (filters: object) => index.ids({ search: '', sort: 'name', filters });
    expect(await filtered({ stage: 'customer' })).toEqual([ids.bea, ids.dora]);
    expect(await filtered({ tag: 'vip' })).toEqual([ids.bea]);
    expect(await filtered({ owner: ME, valueClass: 'A', atRisk: true })).toEqual([ids.bea]); // "my A customers at risk"
    expect(await filtered({ segment: 'Champions' })).toEqual([ids.dora]);
    expect(await filterChoices(db)).toEqual({ tags: ['vip'], owners: ['ann@team.test', 'bob@team.test'], segments: ['Champions'], valueClasses: ['A', 'B'] });
  });

  it('sorts by value, last contact and next follow-up, those without last, and can turn round', async () => {
    expect(await index.ids({ search: '', sort: 'value', filters: {} })).toEqual([ids.carl, ids.bea, ids.dora, ids.ed]);
    expect(await index.ids({ search: '', sort: 'value', reversed: true, filters: {} })).toEqual([ids.bea, ids.carl, ids.dora, ids.ed]);
    await writeRecord(db, 'interactions', { contactId: ids.dora!, occurredAt: '2026-05-01T10:00:00.000Z' }, ME);
    await writeRecord(db, 'interactions', { contactId: ids.ed!, occurredAt: '2026-04-01T10:00:00.000Z' }, ME);
    await writeRecord(db, 'followUps', { contactId: ids.carl!, dueAt: '2026-07-01', title: 'x' }, ME);
    index.invalidate();
    expect(await index.ids({ search: '', sort: 'lastContact', filters: {} })).toEqual([ids.dora, ids.ed, ids.carl, ids.bea]);
    expect(await index.ids({ search: '', sort: 'nextFollowUp', filters: {} })).toEqual([ids.carl, ids.bea, ids.dora, ids.ed]);
    await deleteRecord(db, 'contacts', ids.dora!, ME);
    index.invalidate();
    expect(await index.ids({ search: '', sort: 'lastContact', filters: {} })).toEqual([ids.ed, ids.carl, ids.bea]);
  });
});

describe('search words', () => {
  it('of a contact: folded names, German spellings, address parts, phone forms', () => {
    const tokens = contactTokens({ firstName: 'Jörg', lastName: 'Weiß-Öztürk', emails: ['J.Weiss@Brauhaus.example'], phones: ['+49 (89) 123-4567'], company: 'Brauhaus Weiß KG' });
    expect(tokens).toEqual(expect.arrayContaining(['jorg', 'joerg', 'weiss', 'ozturk', 'oeztuerk', 'j.weiss@brauhaus.example', 'brauhaus', 'kg', '49891234567', '0891234567']));
  });
  it('of a query: an address stays whole, a phone number is its digits', () => {
    expect(queryTokens('  Anna  Müller ')).toEqual(['anna', 'muller']);
    expect(queryTokens('anna.k@x.test')).toEqual(['anna.k@x.test']);
    expect(queryTokens('0170 123-45')).toEqual(['017012345']);
  });
});

describe('a search with a very short word', () => {
  it('is looked up only so far and says so, unless another word narrows it', async () => {
    const now = new Date().toISOString();
    const many = Array.from({ length: 6000 }, (_, i) => recordSchemas.contacts.parse({ id: newId(), createdAt: now, updatedAt: now, updatedBy: 'sheet', firstName: `Sam${i}`, lastName: 'Stone' }));
    await db.contacts.bulkPut(many);
    await contact('sara', { firstName: 'Sara', lastName: 'Zeller' });
    index.invalidate();
    const broad = await index.list({ search: 's', sort: 'name', filters: {} });
    expect(broad.partial).toBe(true);
    expect(broad.ids.length).toBeLessThanOrEqual(501);
    const narrowed = await index.list({ search: 's zel', sort: 'name', filters: {} });
    // Dora Zeller has no word starting with s: the short word is checked on the few Zellers.
    expect(narrowed).toEqual({ ids: [ids.sara], partial: false });
    expect((await index.list({ search: 'sam5999', sort: 'name', filters: {} })).ids).toEqual([many[5999]!.id]);
  });
});
