import { computedContactFields, recordSchemas, type TableName } from './records';

/**
 * The sheet column contract: which tab holds each record type and how each field is written
 * to a cell. Columns are found by header name, never by position, so people may reorder them
 * and add their own. A header matches a field when both read the same ignoring case, spaces
 * and punctuation ("First name" = "firstName").
 */

export type ColumnKind = 'text' | 'list' | 'number' | 'boolean' | 'date' | 'datetime';

export interface ColumnSpec {
  field: string;
  header: string;
  kind: ColumnKind;
  /** written by the sheet's scoring run; clients cannot change it */
  computed?: boolean;
  /** bookkeeping kept out of people's way */
  hidden?: boolean;
}

export interface TabSpec {
  table: TableName;
  tab: string;
  columns: ColumnSpec[];
}

/** Hidden columns: the row's revision and a hash of its cells as last written by the script. */
export const REV_FIELD = '_rev';
export const HASH_FIELD = '_hash';

const listFields = new Set(['emails', 'phones', 'tags', 'socialLinks']);
const numberFields = new Set(['amount', 'cost', 'probability', 'leadScore', 'clv', 'pAlive']);
const dateFields = new Set(['birthday', 'consentDate', 'expectedClose', 'closedAt']);
const dateTimeFields = new Set(['createdAt', 'updatedAt', 'occurredAt', 'dueAt']);
const computedFields = new Set<string>(computedContactFields);
const metaFields = ['id', 'createdAt', 'updatedAt', 'updatedBy', 'deleted'];

/** `firstName` → `First name`; `id` stays `id`. */
export function headerFor(field: string): string {
  if (field === 'id' || field.startsWith('_')) return field;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const normaliseHeader = (header: unknown): string =>
  String(header ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function kindOf(field: string): ColumnKind {
  if (field === 'deleted' || field === 'atRisk') return 'boolean';
  if (listFields.has(field)) return 'list';
  if (numberFields.has(field)) return 'number';
  if (dateFields.has(field)) return 'date';
  if (dateTimeFields.has(field)) return 'datetime';
  return 'text';
}

const tabNames: Record<TableName, string> = {
  contacts: 'Contacts',
  companies: 'Companies',
  interactions: 'Interactions',
  deals: 'Deals',
  followUps: 'FollowUps',
};

function tabSpec(table: TableName): TabSpec {
  const fields = Object.keys(recordSchemas[table].shape);
  // People read the record's own fields first; the id and bookkeeping go to the right.
  const ordered = [...fields.filter((f) => !metaFields.includes(f)), ...metaFields];
  const columns: ColumnSpec[] = ordered.map((field) => ({
    field,
    header: headerFor(field),
    kind: kindOf(field),
    ...(table === 'contacts' && computedFields.has(field) ? { computed: true } : {}),
  }));
  columns.push({ field: REV_FIELD, header: REV_FIELD, kind: 'number', hidden: true });
  columns.push({ field: HASH_FIELD, header: HASH_FIELD, kind: 'text', hidden: true });
  return { table, tab: tabNames[table], columns };
}

export const tabSpecs: Record<TableName, TabSpec> = {
  contacts: tabSpec('contacts'),
  companies: tabSpec('companies'),
  interactions: tabSpec('interactions'),
  deals: tabSpec('deals'),
  followUps: tabSpec('followUps'),
};
