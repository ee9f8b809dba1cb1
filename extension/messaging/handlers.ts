import { pageCaptureSchema, type Candidate } from '../capture/candidate';
import { findMatch, saveContact, summariseContact, summaryById } from '../db/contacts';
import { domainOf } from '../capture/url';
import { findCompanyByDomain, saveCompany } from '../db/companies';
import type { RapportDatabase } from '../db/database';
import { addFollowUp, addNote } from '../db/follow-ups';
import { logEmail } from '../db/interactions';
import { deleteRecord } from '../db/write-record';
import type { Answer, CandidateMatch, Request, Responses, SyncReport } from './protocol';
import { requestSchema } from './protocol';
import { anyNeverLogged } from '../never-log';

export interface HandlerDeps {
  db: RapportDatabase;
  /** the member's email, written on every record */
  author: () => Promise<string>;
  /** runs the page reader in a tab and gives back what it returned */
  readTab: (tabId: number) => Promise<unknown>;
  /** the selection the user sent with the context menu, taken once */
  takeSelection: () => Promise<Candidate | null>;
  sync: (force: boolean) => Promise<SyncReport>;
  syncStatus: () => Promise<SyncReport>;
  /** a local write happened: sync soon */
  changed: () => void;
  /** addresses and domains never offered, saved or logged (never-log.ts); none when absent */
  neverLog?: () => Promise<readonly string[]>;
}

const neverLogged = async (deps: HandlerDeps, emails: readonly string[]) => anyNeverLogged(emails, (await deps.neverLog?.()) ?? []);
const NEVER_LOG = 'This address is on your never-log list (Rapport’s options), so Rapport does not save or log it.';

async function withMatch(db: RapportDatabase, candidate: Candidate): Promise<CandidateMatch> {
  if (candidate.role === 'organization') {
    const company = await findCompanyByDomain(db, domainOf(candidate.website, candidate.emails));
    return { candidate, match: null, company: company ?? null };
  }
  const found = await findMatch(db, candidate);
  return { candidate, match: found ? { summary: await summariseContact(db, found.contact), by: found.by } : null, company: null };
}

/** Answers one request from an extension page. Expected failures come back as messages. */
export async function handleRequest(raw: unknown, deps: HandlerDeps): Promise<Answer<Request['type']>> {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: 'Rapport did not understand that request.' };
  try {
    return { ok: true, value: await answer(parsed.data, deps) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

async function answer(request: Request, deps: HandlerDeps): Promise<Responses[Request['type']]> {
  const { db } = deps;
  switch (request.type) {
    case 'syncNow':
      return deps.sync(true);
    case 'syncStatus':
      return deps.syncStatus();
    case 'capture': {
      let result: unknown;
      try {
        result = await deps.readTab(request.tabId);
      } catch (error) {
        return { ok: false, message: `Rapport cannot read this page (${error instanceof Error ? error.message : String(error)}). You can still add a contact by hand.` };
      }
      const page = pageCaptureSchema.safeParse(result);
      if (!page.success) return { ok: false, message: 'This page gave Rapport nothing it could read. You can still add a contact by hand.' };
      const list = (await deps.neverLog?.()) ?? [];
      const people = page.data.candidates.filter((c) => !c.isSelf && !anyNeverLogged(c.emails, list));
      return { ok: true, page: page.data, matches: await Promise.all(people.map((c) => withMatch(db, c))) };
    }
    case 'consumeSelection': {
      const candidate = await deps.takeSelection();
      return candidate && !(await neverLogged(deps, candidate.emails)) ? withMatch(db, candidate) : null;
    }
    case 'saveContact': {
      if (await neverLogged(deps, request.fields.emails)) throw new Error(NEVER_LOG);
      const contact = await saveContact(db, { ...(request.contactId ? { id: request.contactId } : { source: request.source }), ...request.fields }, await deps.author());
      deps.changed();
      return { summary: await summariseContact(db, contact), created: !request.contactId };
    }
    case 'saveCompany': {
      const company = await saveCompany(db, { ...(request.companyId ? { id: request.companyId } : {}), ...request.fields }, await deps.author());
      deps.changed();
      return { company, created: !request.companyId };
    }
    case 'logEmail': {
      const person = await db.contacts.get(request.contactId);
      if (await neverLogged(deps, person?.emails ?? [])) throw new Error(NEVER_LOG);
      const result = await logEmail(db, request, await deps.author());
      if (!result.alreadyLogged) deps.changed();
      return { summary: await summaryById(db, request.contactId), alreadyLogged: result.alreadyLogged };
    }
    case 'addFollowUp':
      await addFollowUp(db, request, await deps.author());
      deps.changed();
      return { summary: await summaryById(db, request.contactId) };
    case 'addNote':
      await addNote(db, request, await deps.author());
      deps.changed();
      return { summary: await summaryById(db, request.contactId) };
    case 'deleteContact':
      await deleteRecord(db, 'contacts', request.contactId, await deps.author());
      deps.changed();
      return { deleted: true };
    case 'localChange':
      deps.changed();
      return { queued: true };
  }
}
