import { livingContactCount } from '../db/contact-count';
import type { RapportDatabase } from '../db/database';
import type { Contact } from '../../shared/records';
import type { ContactActivity, ContactRow } from './contact-rows';
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
  /** orders already read, to filter without waiting */
  private ready = new Map<string, string[]>();
  /** list rows already read: typing on narrows to rows the last keystroke read */
  private rows = new Map<string, ContactRow>();

  constructor(private readonly db: RapportDatabase) {}

  /** Call when the data changed (any write). */
  invalidate() {
    this.orders.clear();
    this.ready.clear();
    this.rows.clear();
    this.counted = null;
  }

  /** The list rows of these ids that exist, read from the database only where not read before. */
  private async rowsOf(ids: readonly string[]): Promise<ContactRow[]> {
    const missing = ids.filter((id) => !this.rows.has(id));
    if (missing.length) for (const row of await this.db.contactRows.bulkGet(missing)) if (row) this.rows.set(row.id, row);
    return ids.flatMap((id) => this.rows.get(id) ?? []);
  }

  /** Every living contact's id in the natural order of a sort: those without the sort's value last, by name. */
  order(sort: SortKey): Promise<string[]> {
    let order = this.orders.get(sort);
    if (!order) {
      order = this.computeOrder(sort);
      this.orders.set(sort, order);
      void order.then((ids) => this.orders.get(sort) === order && this.ready.set(sort, ids));
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
    return (await this.list(query)).ids;
  }

  /**
   * The ids a query lists, in order, and whether the list is cut short: a typed word that starts
   * more than SEARCH_CAP contacts' words (one or two letters) is looked up only that far, and the
   * person is asked to type on.
   */
  async list(query: ListQuery): Promise<{ ids: string[]; partial: boolean }> {
    const [search, ...sets] = await Promise.all([searchSet(this.db, query.search, (ids) => this.rowsOf(ids)), ...filterSets(this.db, query.filters)]);
    const keep = [...sets, ...(search ? [search.ids] : [])];
    if (keep.length === 0) return { ids: await this.turned(query, await this.order(query.sort)), partial: false };
    const matched = intersect(keep);
    // A few thousand matches are sorted by their own rows; the whole order is used once it was read anyway.
    const order = this.ready.get(query.sort);
    const listed = order ? order.filter((id) => matched.has(id)) : await this.sortRows(query.sort, [...matched]);
    return { ids: await this.turned(query, listed), partial: search?.partial ?? false };
  }

  /** Ids in a sort's order from their own list rows and activity, as computeOrder would place them. */
  private async sortRows(sort: SortKey, ids: string[]): Promise<string[]> {
    const rows = await this.rowsOf(ids);
    const byName = (a: ContactRow, b: ContactRow) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    if (sort === 'name') return rows.sort(byName).map((r) => r.id);
    let key: (row: ContactRow) => string | number | undefined;
    let descending = true;
    if (sort === 'value') key = (row) => row.clv;
    else {
      const activity = new Map((await this.db.contactActivity.bulkGet(rows.map((r) => r.id))).filter((a): a is ContactActivity => !!a).map((a) => [a.id, a]));
      key = sort === 'lastContact' ? (row) => activity.get(row.id)?.lastContactAt : (row) => activity.get(row.id)?.nextFollowUpAt;
      descending = sort === 'lastContact';
    }
    const keyed = rows.filter((row) => key(row) !== undefined);
    const rest = rows.filter((row) => key(row) === undefined).sort(byName);
    keyed.sort((a, b) => {
      const x = key(a)!;
      const y = key(b)!;
      if (x === y) return descending ? (a.id < b.id ? 1 : -1) : a.id < b.id ? -1 : 1;
      return (x < y ? -1 : 1) * (descending ? -1 : 1);
    });
    return [...keyed, ...rest].map((r) => r.id);
  }

  private counted: Promise<number> | null = null;
  /** How many living contacts there are (the length of the unfiltered list), read once until the data changes. */
  count(): Promise<number> {
    if (!this.counted) {
      const counting = livingContactCount(this.db);
      counting.catch(() => this.counted === counting && (this.counted = null));
      this.counted = counting;
    }
    return this.counted;
  }

  /**
   * Rows start…start+size of the unfiltered list by name, straight from the name index: what a
   * person sees first and scrolls through, without reading 100,000 keys.
   */
  async page(start: number, size: number, reversed = false): Promise<string[]> {
    const ordered = this.db.contactRows.orderBy('sortName');
    return (await (reversed ? ordered.reverse() : ordered).offset(start).limit(size).primaryKeys()) as string[];
  }

  private async turned(query: ListQuery, listed: string[]): Promise<string[]> {
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

/** How many index entries one typed word is looked up to: beyond, the word is too short to narrow the list. */
export const SEARCH_CAP = 500;
/** Candidates read whole to check the short words against, at most. */
const VERIFY_CAP = 500;

/**
 * The contacts that have, for every typed word, a word starting so: one index range per typed
 * word. A word starting more than SEARCH_CAP entries ("s") is not looked up whole; when another
 * word narrows the list enough, the candidates' words are checked for it, else the list is partial.
 */
function intersect(sets: Set<string>[]): Set<string> {
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...(first ?? [])].filter((id) => rest.every((set) => set.has(id))));
}

async function searchSet(db: RapportDatabase, search: string, rowsOf: (ids: readonly string[]) => Promise<ContactRow[]>): Promise<{ ids: Set<string>; partial: boolean } | null> {
  const tokens = queryTokens(search);
  if (tokens.length === 0) return null;
  const found = await Promise.all(tokens.map(async (token) => ({ token, keys: (await db.contactRows.where('tokens').startsWith(token).limit(SEARCH_CAP + 1).primaryKeys()) as string[] })));
  const narrow = found.filter((f) => f.keys.length <= SEARCH_CAP).map((f) => new Set(f.keys));
  const broad = found.filter((f) => f.keys.length > SEARCH_CAP);
  if (broad.length === 0) return { ids: intersect(narrow), partial: false };
  if (narrow.length > 0) {
    const candidates = intersect(narrow);
    if (candidates.size <= VERIFY_CAP) {
      const rows = await rowsOf([...candidates]);
      const ids = rows.filter((row) => broad.every((b) => row.tokens.some((t) => t.startsWith(b.token)))).map((row) => row.id);
      return { ids: new Set(ids), partial: false };
    }
    return { ids: intersect([...narrow, ...broad.map((b) => new Set(b.keys))]), partial: true };
  }
  return { ids: intersect(broad.map((b) => new Set(b.keys))), partial: true };
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
