import { baseFields, fieldsOf, metaOf, type FieldMeta, type TableName } from './records';

/**
 * The sheet column contract: which tab holds each record type and how each field is written
 * to a cell. Columns are found by header name, never by position, so people may reorder them
 * and add their own.
 */

export interface ColumnSpec {
  field: string;
  header: string;
  /** earlier headers of this column, still matched exactly (set-up renames them to `header`) */
  aliases?: string[];
  meta: FieldMeta;
  /** bookkeeping kept out of people's way */
  hidden?: boolean;
  /** the script's own: people's edits of it are put back (id, timestamps, bookkeeping) */
  system?: boolean;
}

export interface TabSpec {
  table: TableName;
  tab: string;
  columns: ColumnSpec[];
  /** the visible fields in the order whole-row hashes of older sheets covered them */
  legacyFields: string[];
}

/** Hidden columns: the row's revision, a hash of each field as last written, and when each field last changed. */
export const REV_FIELD = '_rev';
export const HASH_FIELD = '_hash';
export const CLOCK_FIELD = '_clock';
export const hiddenFields = [REV_FIELD, HASH_FIELD, CLOCK_FIELD] as const;

/** `firstName` → `First name`; `id` stays `id`. The header sheets made before named headers used. */
export function generatedHeader(field: string): string {
  if (field === 'id' || field.startsWith('_')) return field;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Headers in the words people use where the generated one reads badly ("Clv", "P alive"). */
const headerWords: Record<string, string> = {
  clv: 'CLV',
  rfmSegment: 'RFM segment',
  rfmScore: 'RFM score',
  pAlive: 'P(alive)',
  keepInTouchDays: 'Keep in touch (days)',
  contactId: 'Contact ID',
  companyId: 'Company ID',
  dealId: 'Deal ID',
  messageId: 'Message ID',
  sourceUrl: 'Source URL',
};

/** A field's header: `firstName` → `First name`, `clv` → `CLV`. */
export const headerFor = (field: string): string => headerWords[field] ?? generatedHeader(field);

/** Fields added after sheets kept one hash per row: such a hash never covered them. */
const fieldsAfterRowHashes = new Set(['keepInTouchDays']);

/** A header as compared loosely: "E-Mails", "e mails" and "emails" read the same. */
export const normaliseHeader = (header: unknown): string =>
  String(header ?? '').toLowerCase().replace(/[^\p{L}\p{N}_]/gu, '');

const tabNames: Record<TableName, string> = {
  contacts: 'Contacts',
  companies: 'Companies',
  interactions: 'Interactions',
  deals: 'Deals',
  followUps: 'FollowUps',
};

function tabSpec(table: TableName): TabSpec {
  const fields = fieldsOf(table);
  const isBase = (field: string) => (baseFields as readonly string[]).includes(field);
  // People read the record's own fields first, then the Deleted tick; the id and bookkeeping go
  // to the right, side by side, so set-up can group and collapse them.
  const content = fields.filter((f) => !isBase(f));
  const ordered = [...content, 'deleted', ...baseFields.filter((f) => f !== 'deleted')];
  const columns: ColumnSpec[] = ordered.map((field) => {
    const header = headerFor(field);
    const old = generatedHeader(field);
    return {
      field,
      header,
      ...(old !== header ? { aliases: [old] } : {}),
      meta: metaOf(table, field),
      ...(isBase(field) && field !== 'deleted' ? { system: true } : {}),
    };
  });
  for (const field of hiddenFields) columns.push({ field, header: field, meta: { kind: field === REV_FIELD ? 'number' : 'text' }, hidden: true, system: true });
  const legacyFields = [...content.filter((f) => !fieldsAfterRowHashes.has(f)), ...baseFields];
  return { table, tab: tabNames[table], columns, legacyFields };
}

export const tabSpecs: Record<TableName, TabSpec> = {
  contacts: tabSpec('contacts'),
  companies: tabSpec('companies'),
  interactions: tabSpec('interactions'),
  deals: tabSpec('deals'),
  followUps: tabSpec('followUps'),
};

/** Where each field of a tab sits (-1: no usable column), and what is wrong with the header row. */
export interface ColumnLayout {
  columns: Map<string, number>;
  /** one sentence per field whose column is missing or cannot be told apart from another */
  problems: { field: string; header: string; message: string }[];
}

/**
 * Finds each field's column by its header. An exact header (ignoring case and surrounding spaces)
 * wins over a loose one ("E-Mails" for Emails), so a team's own similar column never shadows
 * Rapport's. Two candidates of the same rank make the field unusable rather than a guess.
 */
export function layoutOf(header: readonly unknown[], spec: TabSpec): ColumnLayout {
  const exact = new Map<string, number[]>();
  const loose = new Map<string, number[]>();
  header.forEach((cell, index) => {
    const text = String(cell ?? '').trim().toLowerCase();
    if (text === '') return;
    (exact.get(text) ?? exact.set(text, []).get(text)!).push(index);
    const name = normaliseHeader(text);
    (loose.get(name) ?? loose.set(name, []).get(name)!).push(index);
  });
  const columns = new Map<string, number>();
  const problems: ColumnLayout['problems'] = [];
  for (const column of spec.columns) {
    const exactHits = [...new Set([column.header, ...(column.aliases ?? [])].flatMap((name) => exact.get(name.toLowerCase()) ?? []))];
    const looseHits = [...new Set([...(loose.get(normaliseHeader(column.header)) ?? []), ...(loose.get(normaliseHeader(column.field)) ?? [])])];
    const hits = exactHits.length > 0 ? exactHits : looseHits;
    if (hits.length === 1) {
      columns.set(column.field, hits[0]!);
      continue;
    }
    columns.set(column.field, -1);
    if (hits.length > 1) {
      const names = hits.map((i) => `"${String(header[i]).trim()}"`).join(' and ');
      problems.push({ field: column.field, header: column.header, message: `${names} both look like Rapport's "${column.header}" column: rename one of them` });
    } else {
      problems.push({ field: column.field, header: column.header, message: `there is no "${column.header}" column (renamed or cleared?)` });
    }
  }
  return { columns, problems };
}
