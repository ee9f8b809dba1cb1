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

export const syncChangesOutSchema = z.object({
  contacts: z.array(contactSchema),
  companies: z.array(companySchema),
  interactions: z.array(interactionSchema),
  deals: z.array(dealSchema),
  followUps: z.array(followUpSchema),
});
export type SyncChanges = z.infer<typeof syncChangesOutSchema>;

export const rejectedRecordSchema = z.object({
  table: z.enum(tableNames as [string, ...string[]]),
  id: z.string(),
  errors: z.array(z.string()),
});
export type RejectedRecord = z.infer<typeof rejectedRecordSchema>;

export const errorCodes = ['unauthorized', 'bad_request', 'unknown_table', 'busy', 'internal'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const syncErrorSchema = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.enum(errorCodes), message: z.string() }),
});
export type SyncError = z.infer<typeof syncErrorSchema>;

export const syncSuccessSchema = z.object({
  ok: z.literal(true),
  cursor: z.number().int().min(0),
  changes: syncChangesOutSchema,
  rejected: z.array(rejectedRecordSchema),
  /** rows in the sheet that could not be read (a person typed something invalid) */
  sheetProblems: z.array(z.object({ tab: z.string(), row: z.number(), errors: z.array(z.string()) })).default([]),
});
export type SyncSuccess = z.infer<typeof syncSuccessSchema>;

export const syncResponseSchema = z.discriminatedUnion('ok', [syncSuccessSchema, syncErrorSchema]);
export type SyncResponse = z.infer<typeof syncResponseSchema>;

/** zod issues as short sentences a person can act on: `emails.0: Invalid email`. */
export const issueMessages = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`);
