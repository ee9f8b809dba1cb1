import * as z from 'zod';
import { dealStages, directions, followUpStatuses, interactionTypes, lifecycleStages } from './vocabulary';

export { dealStages, directions, followUpStatuses, interactionTypes, lifecycleStages };

/**
 * The five record types of Rapport, shared by the extension and the sheet add-on.
 * Field names here are the names on the wire and, title-cased, the sheet headers.
 * Every field has a default so that a sparse row or an older client still parses.
 */

const isoDateTime = z.iso.datetime({ offset: true });
/** A calendar date (birthday, expected close): YYYY-MM-DD, or empty. */
const calendarDate = z.union([z.iso.date(), z.literal('')]).default('');
const text = (max = 2000) => z.string().max(max).default('');
const list = (max = 50) => z.array(z.string().max(500)).max(max).default([]);
const amount = z.number().finite().nullable().default(null);

export const recordBase = z.object({
  id: z.uuid(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** member email, or `sheet` for edits made in the spreadsheet */
  updatedBy: z.string().min(1).max(320),
  /** tombstone: a deleted record keeps its id and carries no personal data */
  deleted: z.boolean().default(false),
});

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
  birthday: calendarDate,
  tags: list(),
  stage: lifecycleStage.default('lead'),
  source: text(200),
  owner: text(320),
  consentBasis: text(200),
  consentDate: calendarDate,
  notes: text(10_000),
  // Computed by the sheet's scoring run; read-only on the client.
  valueClass: text(8),
  rfmSegment: text(40),
  rfmScore: text(8),
  leadScore: amount,
  clv: amount,
  pAlive: amount,
  /** a valuable customer who seems to be slipping away */
  atRisk: z.boolean().default(false),
  scoredAt: text(40),
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
  type: z.enum(interactionTypes).default('note'),
  direction: z.union([z.enum(directions), z.literal('')]).default(''),
  channel: text(100),
  occurredAt: z.union([isoDateTime, z.literal('')]).default(''),
  subject: text(1000),
  summary: text(10_000),
  outcome: text(1000),
  amount,
  cost: amount,
  sourceUrl: text(2000),
  /** the webmail message id: logging the same email twice is a no-op */
  messageId: text(500),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const dealSchema = recordBase.extend({
  contactId: text(64),
  companyId: text(64),
  name: text(500),
  amount,
  currency: text(3),
  stage: z.enum(dealStages).default('prospecting'),
  probability: amount,
  expectedClose: calendarDate,
  closedAt: calendarDate,
  owner: text(320),
});
export type Deal = z.infer<typeof dealSchema>;

export const followUpSchema = recordBase.extend({
  contactId: text(64),
  dealId: text(64),
  dueAt: z.union([isoDateTime, z.iso.date(), z.literal('')]).default(''),
  title: text(1000),
  status: z.enum(followUpStatuses).default('open'),
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

/** Fields a client may not set: the sheet computes them. */
export const computedContactFields = [
  'valueClass', 'rfmSegment', 'rfmScore', 'leadScore', 'clv', 'pAlive', 'atRisk', 'scoredAt',
] as const satisfies readonly (keyof Contact)[];
