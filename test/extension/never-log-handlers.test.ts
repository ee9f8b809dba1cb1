import { beforeEach, describe, expect, it } from 'vitest';
import { localWallClock } from '../../shared/calendar';
import type { Candidate, PageCapture } from '../../extension/capture/candidate';
import { RapportDatabase } from '../../extension/db/database';
import { dueItems } from '../../extension/db/today';
import { handleMessage, type ServiceDeps } from '../../extension/messaging/message-table';
import { createSend, type Send } from '../../extension/messaging/send';
import { newId } from '../../shared/ids';

// The never-log list where the service worker offers, saves and logs: colleagues and personal
// contacts are not shown in the popup, cannot be saved, and their email is not logged.
const person = (name: string, email: string): Candidate => ({
  name, firstName: name, lastName: '', emails: [email], phones: [], jobTitle: '', company: '', website: '', address: '', source: 'gmail', role: 'to', isSelf: false,
});
const email = { provider: 'gmail' as const, subject: 'Lunch?', sentAt: '2026-11-20T09:14:00.000Z', dateText: '', messageId: '#msg-f:9', threadId: 't', from: 'colleague@rapport.example', to: [], cc: [], direction: 'inbound' as const, snippet: '' };

let db: RapportDatabase;
let deps: ServiceDeps;
let changes: number;
const sendWith = (overrides: Partial<ServiceDeps> = {}): Send => createSend((envelope) => handleMessage(envelope, { ...deps, ...overrides }));

beforeEach(() => {
  db = new RapportDatabase(`never-log-${newId()}`);
  changes = 0;
  const page: PageCapture = { url: 'https://mail.google.com/', title: '', candidates: [person('Colleague', 'colleague@rapport.example'), person('Mum', 'mum@family.test'), person('Bea', 'bea@northwind.test')], email, self: '' };
  const report = { configured: true, running: false, pending: 0, sent: 0, lastSuccessAt: '', lastAttemptAt: '', error: null, nextAttemptAt: '', refused: [] };
  deps = {
    db, author: async () => 'ann@rapport.example', readTab: async () => page, takeSelection: async () => person('Mum', 'Mum@Family.test'), takeSample: async () => null,
    sync: async () => report, syncStatus: async () => report, changed: () => void changes++,
    now: () => new Date('2026-11-23T10:00:00'), clock: localWallClock, followUpTime: async () => '09:00', dueItems: (rules) => dueItems(db, rules),
    neverLog: async () => ['rapport.example', 'mum@family.test'],
  };
});

describe('the never-log list in the service worker', () => {
  it('leaves listed people out of what the popup offers, from the page and from a selection', async () => {
    const send = sendWith();
    const answer = await send('capture', { tabId: 1 });
    expect(answer.ok && answer.value.matches.map((m) => m.candidate.name)).toEqual(['Bea']);
    expect(await send('consumeSelection', {})).toEqual({ ok: true, value: null });
  });

  it('refuses to save or log them, and writes nothing', async () => {
    const save = await sendWith()('saveContact', { fields: { firstName: 'Col', emails: ['Colleague@EU.Rapport.Example'] }, source: 'gmail' });
    expect(save).toEqual({ ok: false, problem: { code: 'never_logged' } });
    expect(await db.contacts.count()).toBe(0);

    // A contact saved before the address was listed is not logged any more.
    const saved = await sendWith({ neverLog: async () => [] })('saveContact', { fields: { firstName: 'Bea', emails: ['bea@northwind.test'] }, source: 'gmail' });
    const contactId = saved.ok ? saved.value.history.contact.id : '';
    expect(contactId).not.toBe('');
    const logged = await sendWith({ neverLog: async () => ['northwind.test'] })('logEmail', { contactId, email, url: '', keepSnippet: false });
    expect(logged).toEqual({ ok: false, problem: { code: 'never_logged' } });
    const listed = sendWith({ neverLog: async () => ['northwind.test'] });
    expect(await listed('logConversation', { contactId, type: 'call', outcome: 'Talked' })).toEqual({ ok: false, problem: { code: 'never_logged' } });
    expect(await listed('addNote', { contactId, text: 'Private' })).toEqual({ ok: false, problem: { code: 'never_logged' } });
    expect(await listed('addFollowUp', { contactId, dueAt: '2026-11-24', title: 'Call back' })).toEqual({ ok: false, problem: { code: 'never_logged' } });
    expect(await listed('openDeal', { contactId, name: 'Private deal' })).toEqual({ ok: false, problem: { code: 'never_logged' } });
    expect(await db.interactions.count()).toBe(0);
    expect(await db.followUps.count()).toBe(0);
    expect(await db.deals.count()).toBe(0);
    expect(changes).toBe(1);
  });

  it('a page’s own write asks for a sync soon', async () => {
    expect(await sendWith()('localChange', {})).toEqual({ ok: true, value: { queued: true } });
    expect(changes).toBe(1);
  });
});
