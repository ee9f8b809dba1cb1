import { recordSchemas } from '../shared/records';

/**
 * A large team's database for the workspace benchmark, made in the browser: 100,000 contacts
 * (German and English names, companies, stages, tags, scores) and 500,000 interactions, one
 * contact holding 1,000 of them. Written with plain IndexedDB into the schema the extension had
 * before the workspace (version 1), so opening the workspace runs the real upgrade that builds
 * the search index and the list rows.
 */

export const SIZES = { contacts: 100_000, interactions: 500_000, busyContactInteractions: 1_000, followUps: 20_000, deals: 2_000 };

const stamp = '2026-01-01T00:00:00.000Z';
export const templates = {
  contact: recordSchemas.contacts.parse({ id: '00000000-0000-7000-8000-000000000000', createdAt: stamp, updatedAt: stamp, updatedBy: 'bench@rapport.test' }),
  interaction: recordSchemas.interactions.parse({ id: '00000000-0000-7000-8000-000000000000', createdAt: stamp, updatedAt: stamp, updatedBy: 'bench@rapport.test' }),
  followUp: recordSchemas.followUps.parse({ id: '00000000-0000-7000-8000-000000000000', createdAt: stamp, updatedAt: stamp, updatedBy: 'bench@rapport.test' }),
  deal: recordSchemas.deals.parse({ id: '00000000-0000-7000-8000-000000000000', createdAt: stamp, updatedAt: stamp, updatedBy: 'bench@rapport.test' }),
};

/** Runs in the page: fills a version-1 Rapport database. Returns the id of the contact with 1,000 interactions. */
export async function seedInPage(input: { sizes: typeof SIZES; templates: typeof templates }): Promise<string> {
  const { sizes } = input;
  // mulberry32: small, seeded, and without the short cycles of a plain linear congruence
  let seed = 42;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const uuid = (kind: number, n: number) => `0190${kind.toString(16).padStart(4, '0')}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
  const first = ['Anna', 'Bea', 'Carl', 'Dora', 'Emil', 'Frieda', 'Georg', 'Hanna', 'Ida', 'Jonas', 'Karla', 'Lukas', 'Mia', 'Noah', 'Olga', 'Paul', 'Quirin', 'Rosa', 'Sven', 'Tina', 'Uwe', 'Vera', 'Willi', 'Xenia', 'Yusuf', 'Zoe', 'Amelia', 'Oliver', 'Harry', 'Isla', 'Jack', 'Grace', 'Jürgen', 'Sören', 'Jörg', 'Ülkü', 'Chloé', 'François', 'Ramón', 'Søren'];
  const last = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Lindqvist', 'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green'];
  const companies = Array.from({ length: 400 }, (_, i) => `${pick(['Northwind', 'Contoso', 'Fabrikam', 'Adatum', 'Litware', 'Tailspin', 'Woodgrove', 'Proseware', 'Brauhaus', 'Alpenblick', 'Hanse', 'Rhein'])} ${pick(['Traders', 'Logistik', 'Systems', 'Bank', 'Foods', 'Solutions', 'Maschinenbau', 'Handel'])} ${pick(['GmbH', 'AG', 'KG', 'Ltd', 'Inc.', 'S.p.A.'])} ${i}`);
  const stages = ['lead', 'qualified', 'customer', 'loyal', 'at risk', 'lost'];
  const tags = ['vip', 'trade fair', 'newsletter', 'partner', 'reseller', 'press'];
  const owners = ['ann@rapport.test', 'bob@rapport.test', 'cleo@rapport.test'];
  const segments = ['Champions', 'Loyal', 'Potential loyalist', 'At risk', 'Hibernating', 'New'];
  const types = ['email', 'call', 'meeting', 'note', 'purchase', 'complaint'];
  const day = (n: number) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString();

  const db: IDBDatabase = await new Promise((resolve, reject) => {
    // The service worker has made today's database already (it reads what is due at start): start
    // again from an older one. Its Dexie closes on the deletion; this open is queued right behind
    // the deletion, so the worker cannot make a new one in between.
    indexedDB.deleteDatabase('rapport');
    const open = indexedDB.open('rapport', 10); // Dexie stores version 1 as 10
    open.onupgradeneeded = () => {
      const d = open.result;
      const contacts = d.createObjectStore('contacts', { keyPath: 'id' });
      contacts.createIndex('emails', 'emails', { multiEntry: true });
      contacts.createIndex('phones', 'phones', { multiEntry: true });
      contacts.createIndex('lastName', 'lastName');
      contacts.createIndex('updatedAt', 'updatedAt');
      const companiesStore = d.createObjectStore('companies', { keyPath: 'id' });
      companiesStore.createIndex('domain', 'domain');
      companiesStore.createIndex('name', 'name');
      const interactions = d.createObjectStore('interactions', { keyPath: 'id' });
      for (const index of ['contactId', 'messageId', 'occurredAt']) interactions.createIndex(index, index);
      const deals = d.createObjectStore('deals', { keyPath: 'id' });
      deals.createIndex('contactId', 'contactId');
      deals.createIndex('companyId', 'companyId');
      const followUps = d.createObjectStore('followUps', { keyPath: 'id' });
      for (const index of ['contactId', 'dueAt', 'status']) followUps.createIndex(index, index);
      const outbox = d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('[table+id]', ['table', 'id']);
      d.createObjectStore('meta', { keyPath: 'key' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const write = (store: string, records: unknown[]) =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      const os = tx.objectStore(store);
      for (const record of records) os.put(record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });

  const contactIds: string[] = [];
  for (let start = 0; start < sizes.contacts; start += 10_000) {
    const batch = [];
    for (let i = start; i < Math.min(sizes.contacts, start + 10_000); i++) {
      const firstName = pick(first);
      const lastName = pick(last);
      const company = pick(companies);
      const id = uuid(1, i);
      contactIds.push(id);
      const local = `${firstName}.${lastName}`.toLowerCase().normalize('NFKD').replace(/[^a-z.]/g, '');
      const valueClass = random() < 0.6 ? pick(['A', 'B', 'C']) : '';
      batch.push({
        ...input.templates.contact, id, firstName, lastName, company,
        emails: [`${local}${i}@${company.split(' ')[0]!.toLowerCase()}.test`],
        phones: [`+49 ${150 + (i % 30)} ${String(1_000_000 + i * 7).slice(0, 7)}`],
        jobTitle: pick(['CEO', 'Buyer', 'Head of Procurement', 'Einkaufsleiter', 'CFO', 'Office Manager']),
        stage: pick(stages), tags: random() < 0.4 ? [pick(tags)] : [], owner: pick(owners),
        valueClass, rfmSegment: valueClass ? pick(segments) : '', clv: valueClass ? Math.round(random() * 50_000) / 10 : null, atRisk: random() < 0.08,
        createdAt: day(Math.floor(random() * 900)),
      });
    }
    await write('contacts', batch);
  }
  const busy = contactIds[0]!;
  let n = 0;
  for (let start = 0; start < sizes.interactions; start += 25_000) {
    const batch = [];
    for (let i = start; i < Math.min(sizes.interactions, start + 25_000); i++) {
      const contactId = i < sizes.busyContactInteractions ? busy : contactIds[1 + Math.floor(random() * (contactIds.length - 1))]!;
      const type = pick(types);
      batch.push({
        ...input.templates.interaction, id: uuid(2, n++), contactId, type, direction: pick(['inbound', 'outbound']), channel: type === 'email' ? 'gmail' : '',
        occurredAt: day(Math.floor(random() * 1060)), subject: `${type} about order ${i}`, summary: type === 'note' ? 'Asked for a new quote; send prices by Friday.' : '',
        amount: type === 'purchase' ? Math.round(random() * 100_000) / 100 : null,
      });
    }
    await write('interactions', batch);
  }
  const followUps = [];
  for (let i = 0; i < sizes.followUps; i++) followUps.push({ ...input.templates.followUp, id: uuid(3, i), contactId: pick(contactIds), dueAt: day(1000 + Math.floor(random() * 200)).slice(0, 10), title: 'Call back', status: random() < 0.7 ? 'open' : 'done' });
  await write('followUps', followUps);
  const deals = [];
  for (let i = 0; i < sizes.deals; i++) deals.push({ ...input.templates.deal, id: uuid(4, i), contactId: pick(contactIds), name: `Deal ${i}`, amount: Math.round(random() * 2_000_000) / 100, currency: 'EUR', stage: pick(['prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost']) });
  await write('deals', deals);
  db.close();
  return busy;
}
