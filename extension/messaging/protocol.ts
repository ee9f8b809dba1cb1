import * as z from 'zod';
import { openEmailSchema, type Candidate, type PageCapture } from '../capture/candidate';
import type { ContactSummary } from '../db/contacts';
import { lifecycleStages, type Company } from '../../shared/records';

/**
 * What extension pages ask the service worker. The service worker owns the database and
 * syncing, and validates every request here; pages import only the types, so the popup's
 * first render carries neither zod nor Dexie.
 */

const text = (max: number) => z.string().max(max).default('');
const list = z.array(z.string().max(500)).max(50).default([]);

export const contactFieldsSchema = z.object({
  firstName: text(200),
  lastName: text(200),
  emails: list,
  phones: list,
  jobTitle: text(200),
  company: text(200),
  website: text(500),
  stage: z.enum(lifecycleStages).default('lead'),
  tags: list,
});
export type ContactFields = z.infer<typeof contactFieldsSchema>;

export const companyFieldsSchema = z.object({
  name: z.string().min(1).max(200),
  domain: text(253),
  emails: list,
  phones: list,
  address: text(500),
  tags: list,
});
export type CompanyFields = z.infer<typeof companyFieldsSchema>;

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('syncNow') }),
  z.object({ type: z.literal('syncStatus') }),
  z.object({ type: z.literal('capture'), tabId: z.number().int() }),
  z.object({ type: z.literal('consumeSelection') }),
  z.object({
    type: z.literal('saveContact'),
    /** update (or merge into) this contact; a new contact when absent */
    contactId: z.string().optional(),
    fields: contactFieldsSchema,
    source: text(40),
  }),
  z.object({ type: z.literal('saveCompany'), companyId: z.string().optional(), fields: companyFieldsSchema }),
  z.object({ type: z.literal('logEmail'), contactId: z.string(), email: openEmailSchema, url: text(2000), keepSnippet: z.boolean() }),
  z.object({ type: z.literal('addFollowUp'), contactId: z.string(), dueAt: z.iso.date(), title: text(1000) }),
  z.object({ type: z.literal('addNote'), contactId: z.string(), text: z.string().min(1).max(10_000) }),
  /** deletes the contact for everyone, and clears the personal text of their history */
  z.object({ type: z.literal('deleteContact'), contactId: z.string() }),
  /** an extension page (the workspace) wrote to the database itself: sync soon */
  z.object({ type: z.literal('localChange') }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestInput = z.input<typeof requestSchema>;

export interface SyncReport {
  ok: boolean;
  message: string;
  pending: number;
  lastSuccessAt: string;
}

/** A candidate with the known contact it matches, and how it matched. */
export interface CandidateMatch {
  candidate: Candidate;
  match: { summary: ContactSummary; by: 'email' | 'phone' | 'name' } | null;
  /** for an organisation: the known company with its domain */
  company: Company | null;
}

export type CaptureAnswer = { ok: true; page: PageCapture; matches: CandidateMatch[] } | { ok: false; message: string };

export interface Responses {
  syncNow: SyncReport;
  syncStatus: SyncReport;
  capture: CaptureAnswer;
  consumeSelection: CandidateMatch | null;
  saveContact: { summary: ContactSummary; created: boolean };
  saveCompany: { company: Company; created: boolean };
  logEmail: { summary: ContactSummary; alreadyLogged: boolean };
  addFollowUp: { summary: ContactSummary };
  addNote: { summary: ContactSummary };
  deleteContact: { deleted: true };
  localChange: { queued: true };
}

/** Every answer is wrapped, so an unexpected failure reaches the page as a message, not silence. */
export type Answer<T extends Request['type']> = { ok: true; value: Responses[T] } | { ok: false; message: string };
