import * as z from 'zod';
import { dealStages, directions, followUpStatuses, interactionTypes, lifecycleStages } from './vocabulary';

export { dealStages, directions, followUpStatuses, interactionTypes, lifecycleStages };

/**
 * The five record types of Rapport, shared by the extension and the sheet add-on.
 * Field names here are the names on the wire and, title-cased, the sheet headers.
 * Every field has a default so that a sparse row or an older client still parses.
 *
 * Each field declares how the sheet holds it (its kind), whether the sheet computes it and
 * whether it is personal text that an erasure clears: the column contract reads this registry.
 */

/** How a field is held in a sheet cell. */
export type FieldKind = 'text' | 'list' | 'number' | 'boolean' | 'date' | 'datetime' | 'choice';

export interface FieldMeta {
  kind: FieldKind;
  /** written by the sheet's scoring run; clients cannot change it, people's edits are put back */
  computed?: boolean;
  /** cleared from a contact's interactions, deals and follow-ups when the contact is erased */
  personal?: boolean;
  /** a date-time field that also takes a calendar day ("some time that day") */
  allowsDay?: boolean;
}

export const fieldMeta = z.registry<FieldMeta>();
const declare = <S extends z.ZodType>(schema: S, meta: FieldMeta): S => {
  fieldMeta.add(schema, meta);
  return schema;
};

const isoDateTime = () => z.iso.datetime({ offset: true });
/** Lists are written to one cell, separated by commas: an item may not hold a separator. */
export const LIST_ITEM_SEPARATORS = /[,;\n]/;

const text = (max = 2000, meta: Omit<FieldMeta, 'kind'> = {}) => declare(z.string().max(max).default(''), { kind: 'text', ...meta });
const list = (max = 50) =>
  declare(
    z.array(z.string().max(500).refine((item) => !LIST_ITEM_SEPARATORS.test(item), 'a list item cannot contain a comma, semicolon or line break')).max(max).default([]),
    { kind: 'list' },
  );
const amount = (meta: Omit<FieldMeta, 'kind'> = {}) => declare(z.number().finite().nullable().default(null), { kind: 'number', ...meta });
/** A calendar date (birthday, expected close): YYYY-MM-DD, or empty. */
const calendarDate = () => declare(z.union([z.iso.date(), z.literal('')]).default(''), { kind: 'date' });
const choice = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  declare(z.enum(values).default(fallback as never), { kind: 'choice' });
const computed = <S extends z.ZodType>(schema: S, kind: FieldKind) => declare(schema, { kind, computed: true });

export const recordBase = z.object({
  id: declare(z.uuid(), { kind: 'text' }),
  createdAt: declare(isoDateTime(), { kind: 'datetime' }),
  updatedAt: declare(isoDateTime(), { kind: 'datetime' }),
  /** member email, or `sheet` for edits made in the spreadsheet */
  updatedBy: declare(z.string().min(1).max(320), { kind: 'text' }),
  /** tombstone: a deleted record keeps its id and carries no personal data */
  deleted: declare(z.boolean().default(false), { kind: 'boolean' }),
});

/** The fields every record has; the rest is the record's content. */
export const baseFields = ['id', 'createdAt', 'updatedAt', 'updatedBy', 'deleted'] as const;

export const lifecycleStage = z.enum(lifecycleStages);

export const contactSchema = recordBase.extend({
  firstName: text(200),
  lastName: text(200),
  emails: list(),
  phones: list(),
  jobTitle: text(200),
  companyId: text(64),
  company: text(200),
  website: text(500),
  socialLinks: list(),
  address: text(500),
  birthday: calendarDate(),
  tags: list(),
  stage: choice(lifecycleStages, 'lead'),
  source: text(200),
  owner: text(320),
  consentBasis: text(200),
  consentDate: calendarDate(),
  notes: text(10_000),
  /** keep in touch every this many days: an interaction resets the clock, an overdue one is a reminder */
  keepInTouchDays: declare(z.number().int().min(1).max(3650).nullable().default(null), { kind: 'number' }),
  // Computed by the sheet's scoring run; read-only on the client.
  valueClass: computed(z.string().max(8).default(''), 'text'),
  rfmSegment: computed(z.string().max(40).default(''), 'text'),
  rfmScore: computed(z.string().max(8).default(''), 'text'),
  leadScore: computed(z.number().finite().nullable().default(null), 'number'),
  clv: computed(z.number().finite().nullable().default(null), 'number'),
  pAlive: computed(z.number().finite().nullable().default(null), 'number'),
  /** a valuable customer who seems to be slipping away */
  atRisk: computed(z.boolean().default(false), 'boolean'),
  scoredAt: computed(z.string().max(40).default(''), 'text'),
});
export type Contact = z.infer<typeof contactSchema>;

export const companySchema = recordBase.extend({
  name: text(200),
  domain: text(253),
  /** the organisation's own addresses and numbers (info@, the switchboard), not a person's */
  emails: list(),
  phones: list(),
  industry: text(200),
  size: text(40),
  address: text(500),
  owner: text(320),
  tags: list(),
});
export type Company = z.infer<typeof companySchema>;

export const interactionSchema = recordBase.extend({
  contactId: text(64),
  type: choice(interactionTypes, 'note'),
  direction: declare(z.union([z.enum(directions), z.literal('')]).default(''), { kind: 'choice' }),
  channel: text(100),
  occurredAt: declare(z.union([isoDateTime(), z.literal('')]).default(''), { kind: 'datetime' }),
  subject: text(1000, { personal: true }),
  summary: text(10_000, { personal: true }),
  outcome: text(1000, { personal: true }),
  /** how long a call or meeting took */
  durationMinutes: amount(),
  amount: amount(),
  cost: amount(),
  sourceUrl: text(2000, { personal: true }),
  /** the webmail message id: logging the same email twice is a no-op */
  messageId: text(500, { personal: true }),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const dealSchema = recordBase.extend({
  contactId: text(64),
  companyId: text(64),
  name: text(500, { personal: true }),
  amount: amount(),
  currency: text(3),
  stage: choice(dealStages, 'prospecting'),
  probability: amount(),
  expectedClose: calendarDate(),
  closedAt: calendarDate(),
  owner: text(320),
});
export type Deal = z.infer<typeof dealSchema>;

export const followUpSchema = recordBase.extend({
  contactId: text(64),
  dealId: text(64),
  /** a date-time, or a calendar day for "some time that day" */
  dueAt: declare(z.union([isoDateTime(), z.iso.date(), z.literal('')]).default(''), { kind: 'datetime', allowsDay: true }),
  title: text(1000, { personal: true }),
  status: choice(followUpStatuses, 'open'),
  owner: text(320),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const recordSchemas = {
  contacts: contactSchema,
  companies: companySchema,
  interactions: interactionSchema,
  deals: dealSchema,
  followUps: followUpSchema,
} as const;

export type TableName = keyof typeof recordSchemas;
export const tableNames = Object.keys(recordSchemas) as TableName[];
export type RecordOf<T extends TableName> = z.infer<(typeof recordSchemas)[T]>;
export type AnyRecord = RecordOf<TableName>;
export type RecordBase = z.infer<typeof recordBase>;

/** What the registry says of one field of a table. */
export function metaOf(table: TableName, field: string): FieldMeta {
  const schema = (recordSchemas[table].shape as Record<string, z.ZodType>)[field];
  const meta = schema && fieldMeta.get(schema);
  if (!meta) throw new Error(`${table}.${field} has no declared sheet kind`);
  return meta;
}

export const fieldsOf = (table: TableName): string[] => Object.keys(recordSchemas[table].shape);

/** Fields a client may not set: the sheet computes them. */
export const computedContactFields = fieldsOf('contacts').filter((field) => metaOf('contacts', field).computed) as (keyof Contact)[];

/** The records that name a contact, whose personal text an erasure of that contact clears. */
export const contactLinkedTables = ['interactions', 'deals', 'followUps'] as const satisfies readonly TableName[];
