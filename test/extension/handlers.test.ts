import { beforeEach, describe, expect, it } from 'vitest';
import type { Candidate, PageCapture } from '../../extension/capture/candidate';
import { RapportDatabase } from '../../extension/db/database';
import { handleRequest, type HandlerDeps } from '../../extension/messaging/handlers';
import type { CaptureAnswer, Responses } from '../../extension/messaging/protocol';
import { newId } from '../../shared/ids';

const candidate = (overrides: Partial<Candidate> = {}): Candidate => ({
  name: 'Bea Lindqvist', firstName: 'Bea', lastName: 'Lindqvist', emails: ['Bea.Lindqvist@Northwind.test'], phones: ['+4915123456789'],
  jobTitle: 'Head of Procurement', company: 'Northwind Traders GmbH', website: '', address: '', source: 'gmail', role: 'sender', isSelf: false,
  ...overrides,
});

const email = { provider: 'gmail' as const, subject: 'Pricing', sentAt: '2026-11-20T09:14:00.000Z', dateText: 'Nov 20', messageId: '#msg-f:1', threadId: 't', from: 'bea.lindqvist@northwind.test', to: [], cc: [], direction: 'inbound' as const, snippet: 'could you send us pricing' };

let db: RapportDatabase;
let page: PageCapture;
let changes: number;
let deps: HandlerDeps;

beforeEach(async () => {
  db = new RapportDatabase(`handlers-${newId()}`);
  changes = 0;
  page = { url: 'https://mail.google.com/mail/u/0/#inbox/x', title: 'Pricing', candidates: [candidate(), candidate({ name: 'Ann', firstName: 'Ann', lastName: 'Seller', emails: ['ann@rapport.test'], phones: [], isSelf: true })], email, self: 'ann@rapport.test' };
  const report = { ok: true, message: '', pending: 0, lastSuccessAt: '' };
  deps = {
    db, author: async () => 'ann@rapport.test', readTab: async () => page, takeSelection: async () => null,
    sync: async () => report, syncStatus: async () => report, changed: () => void changes++,
  };
});

async function ask<T extends keyof Responses>(request: { type: T } & Record<string, unknown>): Promise<Responses[T]> {
  const answer = await handleRequest(request, deps);
  if (!answer.ok) throw new Error(answer.message);
  return answer.value as Responses[T];
}

const fields = (c: Candidate) => ({ firstName: c.firstName, lastName: c.lastName, emails: c.emails, phones: c.phones, jobTitle: c.jobTitle, company: c.company });

describe('service worker requests', () => {
  it('reads the page and leaves out the signed-in user', async () => {
    const answer = (await ask({ type: 'capture', tabId: 1 })) as Extract<CaptureAnswer, { ok: true }>;
    expect(answer.matches.map((m) => m.candidate.name)).toEqual(['Bea Lindqvist']);
    expect(answer.matches[0]?.match).toBeNull();
  });

  it('matches a saved contact by email the next time, case aside', async () => {
    const saved = await ask({ type: 'saveContact', fields: fields(candidate()), source: 'gmail' });
    expect(saved.created).toBe(true);
    expect(saved.summary.contact.emails).toEqual(['bea.lindqvist@northwind.test']);
    const answer = (await ask({ type: 'capture', tabId: 1 })) as Extract<CaptureAnswer, { ok: true }>;
    expect(answer.matches[0]?.match).toMatchObject({ by: 'email', summary: { contact: { id: saved.summary.contact.id } } });
    expect(changes).toBe(1);
  });

  it('matches by phone, then by name at the same company, when the email differs', async () => {
    await ask({ type: 'saveContact', fields: fields(candidate()), source: 'gmail' });
    page.candidates = [candidate({ emails: ['bea@private.test'] })];
    let answer = (await ask({ type: 'capture', tabId: 1 })) as Extract<CaptureAnswer, { ok: true }>;
    expect(answer.matches[0]?.match?.by).toBe('phone');
    page.candidates = [candidate({ emails: ['bea@private.test'], phones: [], company: 'northwind traders gmbh' })];
    answer = (await ask({ type: 'capture', tabId: 1 })) as Extract<CaptureAnswer, { ok: true }>;
    expect(answer.matches[0]?.match?.by).toBe('name');
    page.candidates = [candidate({ emails: ['bea@private.test'], phones: [], company: 'Other AG' })];
    answer = (await ask({ type: 'capture', tabId: 1 })) as Extract<CaptureAnswer, { ok: true }>;
    expect(answer.matches[0]?.match).toBeNull();
  });

  it('merges into the existing contact instead of creating a duplicate', async () => {
    const first = await ask({ type: 'saveContact', fields: fields(candidate()), source: 'gmail' });
    await ask({ type: 'saveContact', contactId: first.summary.contact.id, fields: { ...fields(candidate()), emails: ['bea.lindqvist@northwind.test', 'bea@private.test'] }, source: 'gmail' });
    expect(await db.contacts.count()).toBe(1);
    expect((await db.contacts.get(first.summary.contact.id))?.emails).toEqual(['bea.lindqvist@northwind.test', 'bea@private.test']);
  });

  it('logs an email once, with its direction, and keeps the body only when asked', async () => {
    const { summary } = await ask({ type: 'saveContact', fields: fields(candidate()), source: 'gmail' });
    const first = await ask({ type: 'logEmail', contactId: summary.contact.id, email, url: page.url, keepSnippet: false });
    const second = await ask({ type: 'logEmail', contactId: summary.contact.id, email, url: page.url, keepSnippet: true });
    expect([first.alreadyLogged, second.alreadyLogged]).toEqual([false, true]);
    const logged = await db.interactions.toArray();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ type: 'email', direction: 'inbound', subject: 'Pricing', summary: '', messageId: '#msg-f:1' });
    expect(second.summary.lastInteraction?.subject).toBe('Pricing');
  });

  it('sets a follow-up and adds a note to the contact history', async () => {
    const { summary } = await ask({ type: 'saveContact', fields: fields(candidate()), source: 'gmail' });
    const after = await ask({ type: 'addFollowUp', contactId: summary.contact.id, dueAt: '2026-11-24', title: 'Send pricing' });
    expect(after.summary.openFollowUps.map((f) => [f.title, f.dueAt])).toEqual([['Send pricing', '2026-11-24']]);
    const noted = await ask({ type: 'addNote', contactId: summary.contact.id, text: 'Budget approved in January' });
    expect(noted.summary.lastInteraction).toMatchObject({ type: 'note', summary: 'Budget approved in January' });
    expect(await db.outbox.count()).toBe(3);
  });

  it('turns a page it cannot read into a message, and refuses malformed requests', async () => {
    deps.readTab = async () => {
      throw new Error('Cannot access a chrome:// URL');
    };
    expect(await ask({ type: 'capture', tabId: 1 })).toEqual({ ok: false, message: expect.stringContaining('Cannot access a chrome:// URL') });
    deps.readTab = async () => ({ nonsense: true });
    expect(await ask({ type: 'capture', tabId: 1 })).toMatchObject({ ok: false });
    expect(await handleRequest({ type: 'dropTables' }, deps)).toEqual({ ok: false, message: 'Rapport did not understand that request.' });
    expect(await handleRequest({ type: 'addFollowUp', contactId: 'x', dueAt: 'soon', title: '' }, deps)).toMatchObject({ ok: false });
  });
});
