import type { RapportDatabase } from '../db/database';
import type { Contact } from '../../shared/records';
import type { ContactActivity } from './contact-rows';
import { queryTokens } from './search-tokens';

/**
 * The workspace's contact list as index lookups: an order from one index, each filter and each
 * typed word a set of ids from another, intersected. Nothing reads every contact; 100,000 rows
 * cost a few key lists, and only the rows on screen are read whole.
 */

export const sortKeys = ['name', 'lastContact', 'value', 'nextFollowUp'] as const;
export type SortKey = (typeof sortKeys)[number];

export interface ListFilters {
  stage?: string;
  tag?: string;
  owner?: string;
  segment?: string;
  valueClass?: string;
  atRisk?: boolean;
}

export interface ListQuery {
  search: string;
  sort: SortKey;
  /** the other way round from the natural order (A–Z, most recent, highest value, soonest due) */
  reversed?: boolean;
  filters: ListFilters;
}

export const emptyQuery = (): ListQuery => ({ search: '', sort: 'name', filters: {} });

export interface ListRow {
  contact: Contact;
  activity: ContactActivity | undefined;
}

/** Key lists of the current data, kept until the database changes. */
export class ContactListIndex {
  private orders = new Map<string, Promise<string[]>>();

  constructor(private readonly db: RapportDatabase) {}

  /** Call when the data changed (any write). */
  invalidate() {
    this.orders.clear();
  }

  /** Every living contact's id in the natural order of a sort: those without the sort's value last, by name. */
  order(sort: SortKey): Promise<string[]> {
    let order = this.orders.get(sort);
    if (!order) {
      order = this.computeOrder(sort);
      this.orders.set(sort, order);
      order.catch(() => this.orders.delete(sort));
    }
    return order;
  }

  private async computeOrder(sort: SortKey): Promise<string[]> {
    const byName = (await this.db.contactRows.orderBy('sortName').primaryKeys()) as string[];
    if (sort === 'name') return byName;
    const keyed = (
      sort === 'value'
        ? ((await this.db.contactRows.orderBy('clv').primaryKeys()) as string[]).reverse()
        : sort === 'lastContact'
          ? ((await this.db.contactActivity.orderBy('lastContactAt').primaryKeys()) as string[]).reverse()
          : ((await this.db.contactActivity.orderBy('nextFollowUpAt').primaryKeys()) as string[])
    );
    // Activity may name contacts that were deleted since; only living ones are listed.
    const living = new Set(byName);
    const first = keyed.filter((id) => living.has(id));
    const placed = new Set(first);
    return [...first, ...byName.filter((id) => !placed.has(id))];
  }

  /** The ids a query lists, in order. */
  async ids(query: ListQuery): Promise<string[]> {
    const [order, ...sets] = await Promise.all([this.order(query.sort), ...filterSets(this.db, query.filters), ...searchSets(this.db, query.search)]);
    const keep = sets.sort((a, b) => a.size - b.size);
    const listed = keep.length === 0 ? order : order.filter((id) => keep.every((set) => set.has(id)));
    if (!query.reversed) return listed;
    // Reversed: the contacts with the sort's value turned round, those without it still last.
    const withValue = query.sort === 'name' ? listed.length : await this.countWithValue(query.sort, listed);
    return [...listed.slice(0, withValue).reverse(), ...listed.slice(withValue)];
  }

  private async countWithValue(sort: SortKey, listed: string[]): Promise<number> {
    const has = sort === 'value'
      ? new Set((await this.db.contactRows.where('clv').above(-Infinity).primaryKeys()) as string[])
      : new Set((await this.db.contactActivity.where(sort === 'lastContact' ? 'lastContactAt' : 'nextFollowUpAt').above('').primaryKeys()) as string[]);
    let count = 0;
    while (count < listed.length && has.has(listed[count]!)) count++;
    return count;
  }
}

function filterSets(db: RapportDatabase, filters: ListFilters): Promise<Set<string>>[] {
  const rows = db.contactRows;
  const lookups: Promise<unknown[]>[] = [];
  if (filters.stage) lookups.push(rows.where('stage').equals(filters.stage).primaryKeys());
  if (filters.tag) lookups.push(rows.where('tags').equals(filters.tag.toLowerCase()).primaryKeys());
  if (filters.owner) lookups.push(rows.where('owner').equals(filters.owner.toLowerCase()).primaryKeys());
  if (filters.segment) lookups.push(rows.where('rfmSegment').equals(filters.segment).primaryKeys());
  if (filters.valueClass) lookups.push(rows.where('valueClass').equals(filters.valueClass).primaryKeys());
  if (filters.atRisk) lookups.push(rows.where('atRisk').equals(1).primaryKeys());
  return lookups.map(async (ids) => new Set((await ids) as string[]));
}

/** One set per typed word: the contacts with a word that starts so. */
function searchSets(db: RapportDatabase, search: string): Promise<Set<string>>[] {
  return queryTokens(search).map(async (token) => new Set((await db.contactRows.where('tokens').startsWith(token).primaryKeys()) as string[]));
}

/** The values a filter can take, as the data has them (tags, owners, segments, classes). */
export async function filterChoices(db: RapportDatabase) {
  const unique = async (index: 'tags' | 'owner' | 'rfmSegment' | 'valueClass') =>
    ((await db.contactRows.orderBy(index).uniqueKeys()) as string[]).filter(Boolean);
  const [tags, owners, segments, valueClasses] = await Promise.all([unique('tags'), unique('owner'), unique('rfmSegment'), unique('valueClass')]);
  return { tags, owners, segments, valueClasses };
}

/** The rows on screen, read whole. */
export async function loadRows(db: RapportDatabase, ids: string[]): Promise<ListRow[]> {
  const [contacts, activity] = await Promise.all([db.contacts.bulkGet(ids), db.contactActivity.bulkGet(ids)]);
  return contacts.flatMap((contact, i) => (contact && !contact.deleted ? [{ contact, activity: activity[i] }] : []));
}
