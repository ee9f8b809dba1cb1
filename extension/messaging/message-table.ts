import * as z from 'zod';
import { normaliseEmails } from '../../shared/emails';
import { dayOf, type WallClock } from '../../shared/calendar';
import { dealStages, tableNames, type Company, type Contact, type TableName } from '../../shared/records';
import { openEmailSchema, pageCaptureSchema, type Candidate, type PageCapture } from '../capture/candidate';
import { domainOf } from '../capture/url';
import { findCompanyByDomain, saveCompany } from '../db/companies';
import { contactHistory, findMatch, historyById, type ContactHistory, type MatchedBy } from '../db/contacts';
import type { RapportDatabase } from '../db/database';
import { moveDeal, openDeal } from '../db/deals';
import { addFollowUp, settleFollowUp } from '../db/follow-ups';
import { addNote, logConversation, logEmail } from '../db/interactions';
import type { DueRules, TodayItem } from '../db/today';
import { undoWrite, writeUndoable } from '../db/undo';
import { deleteRecord } from '../db/write-record';
import { anyNeverLogged } from '../never-log';
import type { SyncReport } from '../sync/sync-service';
import { companyFieldsSchema, contactFieldsSchema } from './fields';
import { fail, Failure, type Answer } from './problems';

/**
 * Every message an extension page sends the service worker, declared once: its request schema,
 * and its handler, whose return type is the response type. The service worker owns the database
 * and syncing and validates every request here; pages import only the types (see send.ts), so
 * the popup's first render carries neither zod nor Dexie.
 */

export interface ServiceDeps {
  db: RapportDatabase;
  /** the member's email, written on every record */
  author: () => Promise<string>;
  /** runs the page reader in a tab and gives back what it returned */
  readTab: (tabId: number) => Promise<unknown>;
  /** the selection the user sent with the context menu, taken once */
  takeSelection: () => Promise<Candidate | null>;
  /** the welcome page's sample email as read by the page reader, taken once */
  takeSample: () => Promise<unknown>;
  sync: (force: boolean) => Promise<SyncReport>;
  syncStatus: () => Promise<SyncReport>;
  /** a local write happened: sync soon, and count what is due again */
  changed: () => void;
  now: () => Date;
  /** the browser's wall clock: days are the member's days */
  clock: WallClock;
  /** 'HH:MM' at which a follow-up that names only a day falls due */
  followUpTime: () => Promise<string>;
  /** what is due today (see due-list.ts: worked out once per change) */
  dueItems: (rules: DueRules) => Promise<TodayItem[]>;
  /** addresses and domains never offered, saved or logged (never-log.ts) */
  neverLog: () => Promise<readonly string[]>;
}

/** A candidate with the known contact it matches, and how it matched. */
export interface CandidateMatch {
  candidate: Candidate;
  match: { history: ContactHistory; by: MatchedBy } | null;
  /** for an organisation: the known company with its domain */
  company: Company | null;
}

export interface PageReading {
  page: PageCapture;
  matches: CandidateMatch[];
}

const id = z.uuid();
const day = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });

function message<S extends z.ZodType, R>(request: S, handle: (input: z.output<S>, deps: ServiceDeps) => Promise<R | Failure>) {
  return { request, handle };
}

async function withMatch(db: RapportDatabase, candidate: Candidate): Promise<CandidateMatch> {
  if (candidate.role === 'organization') {
    const company = await findCompanyByDomain(db, domainOf(candidate.website, candidate.emails));
    return { candidate, match: null, company: company ?? null };
  }
  const found = await findMatch(db, candidate);
  return { candidate, match: found ? { history: await contactHistory(db, found.contact), by: found.by } : null, company: null };
}

async function reading(deps: ServiceDeps, raw: unknown): Promise<PageReading | Failure> {
  const page = pageCaptureSchema.safeParse(raw);
  if (!page.success) return fail('nothing_readable');
  const neverLog = await deps.neverLog();
  const people = page.data.candidates.filter((c) => !c.isSelf && !anyNeverLogged(c.emails, neverLog));
  return { page: page.data, matches: await Promise.all(people.map((c) => withMatch(deps.db, c))) };
}

const neverLogged = async (deps: ServiceDeps, emails: readonly string[]) => anyNeverLogged(emails, await deps.neverLog());

/** The contact a write is about, or why nothing may be written about them: gone meanwhile, or on the never-log list (saved before it was listed). */
async function writableContact(deps: ServiceDeps, contactId: string): Promise<Contact | Failure> {
  const person = await deps.db.contacts.get(contactId);
  if (!person || person.deleted) return fail('record_gone');
  return (await neverLogged(deps, person.emails)) ? fail('never_logged') : person;
}

/** The contact's history after a write, or the failure that it is gone (deleted by a teammate meanwhile). */
async function historyAfter(deps: ServiceDeps, contactId: string): Promise<ContactHistory | Failure> {
  deps.changed();
  return (await historyById(deps.db, contactId)) ?? fail('record_gone');
}

const today = (deps: ServiceDeps) => dayOf(deps.now(), deps.clock)!;

export const messageTable = {
  syncNow: message(z.object({}), (_, deps) => deps.sync(true)),
  syncStatus: message(z.object({}), (_, deps) => deps.syncStatus()),

  capture: message(z.object({ tabId: z.number().int() }), async ({ tabId }, deps) => {
    let raw: unknown;
    try {
      raw = await deps.readTab(tabId);
    } catch (error) {
      return fail('unreadable_page', error instanceof Error ? error.message : String(error));
    }
    return reading(deps, raw);
  }),
  consumeSelection: message(z.object({}), async (_, deps) => {
    const candidate = await deps.takeSelection();
    return candidate && !(await neverLogged(deps, candidate.emails)) ? withMatch(deps.db, candidate) : null;
  }),
  consumeSample: message(z.object({}), async (_, deps) => {
    const raw = await deps.takeSample();
    return raw ? reading(deps, raw) : null;
  }),

  contact: message(z.object({ contactId: id, interactionLimit: z.number().int().min(1).max(5000).optional() }), async ({ contactId, interactionLimit }, deps) =>
    (await historyById(deps.db, contactId, interactionLimit)) ?? fail('record_gone')),

  today: message(z.object({}), async (_, deps) => ({
    today: today(deps),
    items: await deps.dueItems({ now: deps.now(), clock: deps.clock, defaultTime: await deps.followUpTime() }),
  })),

  saveContact: message(z.object({
    /** update (or merge into) this contact; a new contact when absent */
    contactId: id.optional(),
    fields: contactFieldsSchema,
    source: z.string().max(40).default(''),
  }), async ({ contactId, fields, source }, deps) => {
    if (await neverLogged(deps, fields.emails)) return fail('never_logged');
    // emails are stored normalised, so a look-up by email finds the contact
    const draft = { ...(contactId ? { id: contactId } : { source }), ...fields, emails: normaliseEmails(fields.emails) };
    const { record, undo } = await writeUndoable(deps.db, 'contacts', draft, await deps.author());
    const history = await historyAfter(deps, record.id);
    return history instanceof Failure ? history : { history, created: !contactId, undo };
  }),

  saveCompany: message(z.object({ companyId: id.optional(), fields: companyFieldsSchema }), async ({ companyId, fields }, deps) => {
    const company = await saveCompany(deps.db, { ...(companyId ? { id: companyId } : {}), ...fields }, await deps.author());
    deps.changed();
    return { company, created: !companyId };
  }),

  logEmail: message(z.object({ contactId: id, email: openEmailSchema, url: z.string().max(2000).default(''), keepSnippet: z.boolean() }), async (input, deps) => {
    const contact = await writableContact(deps, input.contactId);
    if (contact instanceof Failure) return contact;
    const result = await logEmail(deps.db, input, await deps.author());
    const history = await historyAfter(deps, input.contactId);
    return history instanceof Failure ? history : { history, alreadyLogged: result.alreadyLogged, undo: result.undo };
  }),

  logConversation: message(z.object({
    contactId: id,
    type: z.enum(['call', 'meeting']),
    direction: z.enum(['inbound', 'outbound', '']).default(''),
    outcome: z.string().max(1000).default(''),
    durationMinutes: z.number().int().min(0).max(24 * 60).nullable().default(null),
    summary: z.string().max(10_000).default(''),
  }), async (input, deps) => {
    const contact = await writableContact(deps, input.contactId);
    if (contact instanceof Failure) return contact;
    const { undo } = await logConversation(deps.db, { ...input, occurredAt: deps.now().toISOString() }, await deps.author());
    const history = await historyAfter(deps, input.contactId);
    return history instanceof Failure ? history : { history, undo };
  }),

  addNote: message(z.object({ contactId: id, text: z.string().trim().min(1).max(10_000) }), async ({ contactId, text }, deps) => {
    const contact = await writableContact(deps, contactId);
    if (contact instanceof Failure) return contact;
    const { undo } = await addNote(deps.db, { contactId, text, occurredAt: deps.now().toISOString() }, await deps.author());
    const history = await historyAfter(deps, contactId);
    return history instanceof Failure ? history : { history, undo };
  }),

  addFollowUp: message(z.object({ contactId: id, dueAt: z.union([day, dateTime]), title: z.string().trim().min(1).max(1000) }), async (input, deps) => {
    const contact = await writableContact(deps, input.contactId);
    if (contact instanceof Failure) return contact;
    const { record, undo } = await addFollowUp(deps.db, input, await deps.author());
    const history = await historyAfter(deps, input.contactId);
    return history instanceof Failure ? history : { history, followUp: record, undo };
  }),

  settleFollowUp: message(z.union([
    z.object({ followUpId: id, done: z.literal(true) }),
    z.object({ followUpId: id, snoozeUntil: z.union([day, dateTime]) }),
  ]), async (input, deps) => {
    const result = await settleFollowUp(deps.db, input, await deps.author());
    if (!result) return fail('record_gone');
    deps.changed();
    return { history: await historyById(deps.db, result.record.contactId), undo: result.undo };
  }),

  openDeal: message(z.object({
    contactId: id,
    name: z.string().trim().min(1).max(500),
    amount: z.number().finite().min(0).nullable().default(null),
    currency: z.union([z.string().regex(/^[A-Z]{3}$/), z.literal('')]).default(''),
    stage: z.enum(dealStages).default('prospecting'),
    expectedClose: z.union([day, z.literal('')]).default(''),
  }), async (input, deps) => {
    const contact = await writableContact(deps, input.contactId);
    if (contact instanceof Failure) return contact;
    const { undo } = await openDeal(deps.db, { ...input, companyId: contact.companyId }, today(deps), await deps.author());
    const history = await historyAfter(deps, input.contactId);
    return history instanceof Failure ? history : { history, undo };
  }),

  moveDeal: message(z.object({ dealId: id, stage: z.enum(dealStages) }), async (input, deps) => {
    const result = await moveDeal(deps.db, input, today(deps), await deps.author());
    if (!result) return fail('record_gone');
    const history = await historyAfter(deps, result.record.contactId);
    return history instanceof Failure ? history : { history, undo: result.undo };
  }),

  /** deletes the contact for everyone, and clears the personal text of their history */
  deleteContact: message(z.object({ contactId: id }), async ({ contactId }, deps) => {
    await deleteRecord(deps.db, 'contacts', contactId, await deps.author());
    deps.changed();
    return { deleted: true as const };
  }),

  /** an extension page (the workspace) wrote to the database itself: sync soon */
  localChange: message(z.object({}), async (_, deps) => {
    deps.changed();
    return { queued: true as const };
  }),

  /** puts back what one of the actions above wrote */
  undo: message(z.object({
    step: z.object({ table: z.enum(tableNames as [TableName, ...TableName[]]), id, before: z.record(z.string(), z.unknown()).nullable() }),
    /** the contact whose history the page shows */
    contactId: id.optional(),
  }), async ({ step, contactId }, deps) => {
    await undoWrite(deps.db, step, await deps.author());
    deps.changed();
    return { history: contactId ? await historyById(deps.db, contactId) : null };
  }),
};

export type MessageTable = typeof messageTable;
export type MessageName = keyof MessageTable;
export type RequestOf<K extends MessageName> = z.input<MessageTable[K]['request']>;
export type ResponseOf<K extends MessageName> = Exclude<Awaited<ReturnType<MessageTable[K]['handle']>>, Failure>;

const envelopeSchema = z.object({ type: z.string(), request: z.unknown() });
const isMessageName = (name: string): name is MessageName => Object.hasOwn(messageTable, name);

/** Answers one message from an extension page: `{ type, request }`. Expected failures are problems; a bug is told as `failed`. */
export async function handleMessage(raw: unknown, deps: ServiceDeps): Promise<Answer<unknown>> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success || !isMessageName(envelope.data.type)) return { ok: false, problem: { code: 'not_understood' } };
  const entry = messageTable[envelope.data.type] as { request: z.ZodType; handle: (input: unknown, deps: ServiceDeps) => Promise<unknown> };
  const request = entry.request.safeParse(envelope.data.request ?? {});
  if (!request.success) return { ok: false, problem: { code: 'not_understood', detail: z.prettifyError(request.error) } };
  try {
    const value = await entry.handle(request.data, deps);
    return value instanceof Failure ? { ok: false, problem: value.problem } : { ok: true, value };
  } catch (error) {
    return { ok: false, problem: { code: 'failed', detail: error instanceof Error ? error.message : String(error) } };
  }
}
