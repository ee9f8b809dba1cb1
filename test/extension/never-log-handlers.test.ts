import { beforeEach, describe, expect, it } from 'vitest';
import type { Candidate, PageCapture } from '../../extension/capture/candidate';
import { RapportDatabase } from '../../extension/db/database';
import { handleRequest, type HandlerDeps } from '../../extension/messaging/handlers';
import type { CaptureAnswer } from '../../extension/messaging/protocol';
import { newId } from '../../shared/ids';

// The never-log list where the service worker offers, saves and logs: colleagues and personal
// contacts are not shown in the popup, cannot be saved, and their email is not logged.
const person = (name: string, email: string): Candidate => ({
  name, firstName: name, lastName: '', emails: [email], phones: [], jobTitle: '', company: '', website: '', address: '', source: 'gmail', role: 'to', isSelf: false,
});
const email = { provider: 'gmail' as const, subject: 'Lunch?', sentAt: '2026-11-20T09:14:00.000Z', dateText: '', messageId: '#msg-f:9', threadId: 't', from: 'colleague@rapport.example', to: [], cc: [], direction: 'inbound' as const, snippet: '' };

let db: RapportDatabase;
let deps: HandlerDeps;
let changes: number;

beforeEach(() => {
  db = new RapportDatabase(`never-log-${newId()}`);
  changes = 0;
  const page: PageCapture = { url: 'https://mail.google.com/', title: '', candidates: [person('Colleague', 'colleague@rapport.example'), person('Mum', 'mum@family.test'), person('Bea', 'bea@northwind.test')], email, self: '' };
  const report = { ok: true, message: '', pending: 0, lastSuccessAt: '' };
  deps = {
    db, author: async () => 'ann@rapport.example', readTab: async () => page, takeSelection: async () => person('Mum', 'Mum@Family.test'),
    sync: async () => report, syncStatus: async () => report, changed: () => void changes++, neverLog: async () => ['rapport.example', 'mum@family.test'],
  };
});

describe('the never-log list in the service worker', () => {
  it('leaves listed people out of what the popup offers, from the page and from a selection', async () => {
    const answer = await handleRequest({ type: 'capture', tabId: 1 }, deps);
    expect(answer.ok && (answer.value as Extract<CaptureAnswer, { ok: true }>).matches.map((m) => m.candidate.name)).toEqual(['Bea']);
    expect(await handleRequest({ type: 'consumeSelection' }, deps)).toEqual({ ok: true, value: null });
  });

  it('refuses to save or log them, and writes nothing', async () => {
    const save = await handleRequest({ type: 'saveContact', fields: { firstName: 'Col', emails: ['Colleague@EU.Rapport.Example'] }, source: 'gmail' }, deps);
    expect(save).toEqual({ ok: false, message: expect.stringContaining('never-log list') });
    expect(await db.contacts.count()).toBe(0);

    // A contact saved before the address was listed is not logged any more.
    const saved = await handleRequest({ type: 'saveContact', fields: { firstName: 'Bea', emails: ['bea@northwind.test'] }, source: 'gmail' }, { ...deps, neverLog: async () => [] });
    const contactId = saved.ok ? (saved.value as { summary: { contact: { id: string } } }).summary.contact.id : '';
    const logged = await handleRequest({ type: 'logEmail', contactId, email, url: '', keepSnippet: false }, { ...deps, neverLog: async () => ['northwind.test'] });
    expect(logged).toEqual({ ok: false, message: expect.stringContaining('never-log list') });
    expect(await db.interactions.count()).toBe(0);
    expect(changes).toBe(1);
  });

  it('a page’s own write asks for a sync soon', async () => {
    expect(await handleRequest({ type: 'localChange' }, deps)).toEqual({ ok: true, value: { queued: true } });
    expect(changes).toBe(1);
  });
});
