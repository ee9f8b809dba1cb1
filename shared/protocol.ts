import * as z from 'zod';
import { contactSchema, companySchema, dealSchema, followUpSchema, interactionSchema, tableNames } from './records';

/**
 * The sync wire protocol between the extension and the sheet's web app. The client POSTs a
 * batch as text/plain JSON (a simple request: no CORS preflight); a web app cannot set an
 * HTTP status, so errors are answered in the body.
 */

/** Records arrive unparsed: each is validated on its own, so one bad record does not sink the batch. */
const incoming = z.array(z.unknown()).max(5000).default([]);

export const syncChangesInSchema = z.strictObject({
  contacts: incoming,
  companies: incoming,
  interactions: incoming,
  deals: incoming,
  followUps: incoming,
});

export const syncRequestSchema = z.object({
  token: z.string().min(1).max(200),
  clientId: z.string().min(1).max(100),
  since: z.number().int().min(0).default(0),
  changes: syncChangesInSchema.default({ contacts: [], companies: [], interactions: [], deals: [], followUps: [] }),
});
export type SyncRequest = z.input<typeof syncRequestSchema>;

/**
 * A sent record may say which fields this member changed and when (`fieldTimes`, ISO instants);
 * only those are merged into the sheet. Without it, every field that differs from the sheet's
 * copy counts as changed at the record's `updatedAt`.
 */
export const fieldTimesSchema = z.record(z.string().max(64), z.iso.datetime({ offset: true })).optional();
export type FieldTimes = Record<string, string>;

/** Fields the sheet could not read for this record (a broken cell or a missing column): keep your own value. */
const withUnknownFields = <S extends z.ZodObject>(schema: S) => schema.extend({ unknownFields: z.array(z.string()).optional() });

export const syncChangesOutSchema = z.object({
  contacts: z.array(withUnknownFields(contactSchema)),
  companies: z.array(withUnknownFields(companySchema)),
  interactions: z.array(withUnknownFields(interactionSchema)),
  deals: z.array(withUnknownFields(dealSchema)),
  followUps: z.array(withUnknownFields(followUpSchema)),
});
export type SyncChanges = z.infer<typeof syncChangesOutSchema>;

const tableEnum = z.enum(tableNames as [string, ...string[]]);

export const rejectedRecordSchema = z.object({
  table: tableEnum,
  id: z.string(),
  errors: z.array(z.string()),
});
export type RejectedRecord = z.infer<typeof rejectedRecordSchema>;

/**
 * An edit of this member's that did not win: a later edit of the same field (`newer`), the record
 * was deleted (`deleted`), the sheet has no usable column for the field (`unwritable`), or the team
 * does not allow it (`not_allowed`: an owner who is not a member). The winning version is in `changes`.
 */
export const conflictSchema = z.object({
  table: tableEnum,
  id: z.string(),
  field: z.string().optional(),
  reason: z.enum(['newer', 'deleted', 'unwritable', 'not_allowed']),
  message: z.string(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const sheetProblemSchema = z.object({
  tab: z.string(),
  /** the sheet's row number (1 is the header row) */
  row: z.number(),
  column: z.string().optional(),
  errors: z.array(z.string()),
});
export type SheetProblem = z.infer<typeof sheetProblemSchema>;

/** `revoked`: the member's token was withdrawn (their unsent changes stay in their browser). */
export const errorCodes = ['unauthorized', 'revoked', 'bad_request', 'unknown_table', 'busy', 'internal'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const syncErrorSchema = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.enum(errorCodes), message: z.string() }),
});
export type SyncError = z.infer<typeof syncErrorSchema>;

export const syncSuccessSchema = z.object({
  ok: z.literal(true),
  cursor: z.number().int().min(0),
  /** the sheet's clock when it answered: clients stamp their edits by it, not by their own */
  serverTime: z.iso.datetime().optional(),
  changes: syncChangesOutSchema,
  rejected: z.array(rejectedRecordSchema),
  conflicts: z.array(conflictSchema).default([]),
  /** cells and rows in the sheet that could not be read (a person typed something invalid) */
  sheetProblems: z.array(sheetProblemSchema).default([]),
  /** this answer is one page: ask again from `cursor` for the rest */
  more: z.boolean().optional(),
  /** how many changed records the next pages carry (for progress) */
  remaining: z.number().int().min(0).optional(),
});
export type SyncSuccess = z.infer<typeof syncSuccessSchema>;

export const syncResponseSchema = z.discriminatedUnion('ok', [syncSuccessSchema, syncErrorSchema]);
export type SyncResponse = z.infer<typeof syncResponseSchema>;

/** zod issues as short sentences a person can act on: `emails.0: Invalid email`. */
export const issueMessages = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`);

const archivedRecordsSchema = z.object({ interactions: z.array(interactionSchema), deals: z.array(dealSchema), followUps: z.array(followUpSchema) });

/** GET /exec?token=…&history=CONTACT_ID: a contact's interactions, deals and follow-ups in the yearly archives. */
export const archivedHistoryAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), history: archivedRecordsSchema }),
  syncErrorSchema,
]);

/**
 * GET /exec?token=…&person=CONTACT_ID: what the sheet holds about one person, for their data
 * export: their rows by tab as people see them (the team's own columns included), and their history
 * in the yearly archives.
 */
export const personAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), person: z.record(z.string(), z.array(z.record(z.string(), z.string()))), archived: archivedRecordsSchema }),
  syncErrorSchema,
]);
