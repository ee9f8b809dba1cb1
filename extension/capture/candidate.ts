import * as z from 'zod';

/** Where a candidate was found; shown to the user next to each card. */
export const candidateSources = [
  'gmail', 'outlook', 'json-ld', 'microdata', 'rdfa', 'h-card', 'mailto', 'tel', 'vcard', 'signature', 'selection', 'site',
] as const;

/** A person or organisation found on the page, before the user saves it. */
export const candidateSchema = z.object({
  name: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  jobTitle: z.string(),
  company: z.string(),
  website: z.string(),
  address: z.string().default(''),
  source: z.enum(candidateSources),
  /** how the candidate relates to the open email or page */
  role: z.enum(['sender', 'to', 'cc', 'person', 'organization']).default('person'),
  /** the signed-in user: shown, never offered as a new contact */
  isSelf: z.boolean().default(false),
  /** profile links (LinkedIn, X, XING…) found next to the person */
  socialLinks: z.array(z.string()).optional(),
  /** what else is worth keeping but has no field, e.g. the address of a vCard link (never fetched) */
  note: z.string().optional(),
});
export type Candidate = z.infer<typeof candidateSchema>;

/** The open email, when the page is a webmail message. */
export const openEmailSchema = z.object({
  provider: z.enum(['gmail', 'outlook']),
  subject: z.string(),
  /** ISO 8601 when the page's date could be parsed, else '' */
  sentAt: z.string(),
  /** the date as the page showed it */
  dateText: z.string(),
  /** stable id of the message, used to log an email once */
  messageId: z.string(),
  threadId: z.string(),
  /** a link that opens the thread again, when the page gives one */
  threadUrl: z.string().optional(),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  /** inbound when someone else sent it to the user, outbound when the user sent it */
  direction: z.enum(['inbound', 'outbound']),
  /** a short plain-text start of the body; stored only if the user asks */
  snippet: z.string(),
});
export type OpenEmail = z.infer<typeof openEmailSchema>;

/** What one click on the toolbar reads from the page. */
export const pageCaptureSchema = z.object({
  url: z.string(),
  title: z.string(),
  candidates: z.array(candidateSchema),
  email: openEmailSchema.nullable(),
  /** the signed-in webmail user's address, if the page shows it */
  self: z.string(),
  /** parsers the page needs that were not injected yet: inject them and read again */
  needs: z.array(z.enum(['microformats'])).optional(),
});
export type PageCapture = z.infer<typeof pageCaptureSchema>;
