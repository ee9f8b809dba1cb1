import type { RapportDatabase } from './database';

/**
 * How many living contacts there are (the contact list's length), kept in `meta` by the derived
 * rows' middleware in the same transaction as every write. Counting the list rows instead walks
 * the whole table: 150 ms for 100,000 in Chromium, before the list could draw its first rows.
 */
export const CONTACT_COUNT_KEY = 'contactRows.count';

/** The kept count; counted once (and kept from then on) where a database has none yet. */
export async function livingContactCount(db: RapportDatabase): Promise<number> {
  const kept = (await db.meta.get(CONTACT_COUNT_KEY))?.value;
  if (typeof kept === 'number') return kept;
  // Read-write, so no write can land between the count and keeping it.
  return db.transaction('rw', [db.contactRows, db.meta], async () => {
    const counted = await db.contactRows.count();
    await db.meta.put({ key: CONTACT_COUNT_KEY, value: counted });
    return counted;
  }).catch(() => db.contactRows.count()); // not kept (a full disk): the count is still right
}
