import { beforeEach, describe, expect, it } from 'vitest';
import { localWallClock } from '../../shared/calendar';
import type { Candidate, PageCapture } from '../../extension/capture/candidate';
import { RapportDatabase } from '../../extension/db/database';
import { dueItems } from '../../extension/db/today';
import { handleMessage, messageTable, type MessageName, type RequestOf, type ResponseOf, type ServiceDeps } from '../../extension/messaging/message-table';
import { createSend, type Send } from '../../extension/messaging/send';
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
let deps: ServiceDeps;
let send: Send;

beforeEach(async () => {
  db = new RapportDatabase(`messages-${newId()}`);
  changes = 0;
  page = { url: 'https://mail.google.com/mail/u/0/#inbox/x', title: 'Pricing', candidates: [candidate(), candidate({ name: 'Ann', firstName: 'Ann', lastName: 'Seller', emails: ['ann@rapport.test'], phones: [], isSelf: true })], email, self: 'ann@rapport.test' };
  const report = { configured: true, running: false, pending: 0, sent: 0, lastSuccessAt: '', lastAttemptAt: '', error: null, nextAttemptAt: '', refused: [] };
  deps = {
    db, author: async () => 'ann@rapport.test', readTab: async () => page, takeSelection: async () => null, takeSample: async () => null,
    sync: async () => report, syncStatus: async () => report, changed: () => void changes++,
    now: () => new Date('2026-11-23T10:00:00'), clock: localWallClock, followUpTime: async () => '09:00', dueItems: (rules) => dueItems(db, rules), neverLog: async () => [],
  };
  send = createSend((envelope) => handleMessage(envelope, deps));
});

/** The answer's value, failing the test with the problem otherwise. */
async function ask<K extends MessageName>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const answer = await send(type, request);
  if (!answer.ok) throw new Error(`${answer.problem.code}: ${answer.problem.detail ?? ''}`);
  return answer.value;
}

const fields = (c: Candidate) => ({ firstName: c.firstName, lastName: c.lastName, emails: c.emails, phones: c.phones, jobTitle: c.jobTitle, company: c.company });

describe('the message table', () => {
  it('declares every message once, with a request schema and a handler', () => {
    for (const [name, entry] of Object.entries(messageTable)) {
      expect(typeof entry.request.safeParse, name).toBe('function');
      expect(typeof entry.handle, name).toBe('function');
    }
  });

  it('refuses a message it does not know, and a request that does not match its schema, without touching the database', async () => {
    expect(await handleMessage({ type: 'dropTables', request: {} }, deps)).toEqual({ ok: false, problem: { code: 'not_understood' } });
    expect(await handleMessage({ type: 'toString', request: {} }, deps)).toEqual({ ok: false, problem: { code: 'not_understood' } });
    expect(await handleMessage('saveContact', deps)).toMatchObject({ ok: false, problem: { code: 'not_understood' } });
    const bad = await handleMessage({ type: 'addFollowUp', request: { contactId: newId(), dueAt: 'soon', title: 'x' } }, deps);
    expect(bad).toMatchObject({ ok: false, problem: { code: 'not_understood', detail: expect.stringContaining('dueAt') } });
    expect(await db.followUps.count()).toBe(0);
  });

  it('turns a bug into a told failure, not silence', async () => {
    deps.author = async () => {
      throw new Error('storage is gone');
    };
    expect(await send('saveContact', { fields: fields(candidate()), source: 'gmail' })).toEqual({ ok: false, problem: { code: 'failed', detail: 'storage is gone' } });
  });
});

describe('reading a page', () => {
  it('reads the page and leaves out the signed-in user', async () => {
    const answer = await ask('capture', { tabId: 1 });
    expect(answer.matches.map((m) => m.candidate.name)).toEqual(['Bea Lindqvist']);
    expect(answer.matches[0]?.match).toBeNull();
  });

  it('answers a page it cannot read as the outer failure, with the browser’s reason', async () => {
    deps.readTab = async () => {
      throw new Error('Cannot access a chrome:// URL');
    };
    expect(await send('capture', { tabId: 1 })).toEqual({ ok: false, problem: { code: 'unreadable_page', detail: 'Cannot access a chrome:// URL' } });
    deps.readTab = async () => ({ nonsense: true });
    expect(await send('capture', { tabId: 1 })).toEqual({ ok: false, problem: { code: 'nothing_readable' } });
  });

  it('matches a saved contact by email the next time, case aside, with their history', async () => {
    const saved = await ask('saveContact', { fields: fields(candidate()), source: 'gmail' });
    expect(saved.created).toBe(true);
    expect(saved.history.contact.emails).toEqual(['bea.lindqvist@northwind.test']);
    await ask('logEmail', { contactId: saved.history.contact.id, email, url: page.url, keepSnippet: false });
    const answer = await ask('capture', { tabId: 1 });
    expect(answer.matches[0]?.match).toMatchObject({ by: 'email', history: { contact: { id: saved.history.contact.id }, interactionCount: 1 } });
    expect(changes).toBe(2);
  });

  it('takes the welcome page’s sample once', async () => {
    let sample: unknown = page;
    deps.takeSample = async () => {
      const taken = sample;
      sample = null;
      return taken;
    };
    expect((await ask('consumeSample', {}))?.matches).toHaveLength(1);
    expect(await ask('consumeSample', {})).toBeNull();
  });
});

describe('writing from the popup', () => {
  it('merges into the existing contact instead of creating a duplicate', async () => {
    const first = await ask('saveContact', { fields: fields(candidate()), source: 'gmail' });
    await ask('saveContact', { contactId: first.history.contact.id, fields: { ...fields(candidate()), emails: ['bea.lindqvist@northwind.test', 'bea@private.test'] }, source: 'gmail' });
    expect(await db.contacts.count()).toBe(1);
    expect((await db.contacts.get(first.history.contact.id))?.emails).toEqual(['bea.lindqvist@northwind.test', 'bea@private.test']);
  });

  it('logs an email once, with its direction, and keeps the body only when asked', async () => {
    const { history } = await ask('saveContact', { fields: fields(candidate()), source: 'gmail' });
    const first = await ask('logEmail', { contactId: history.contact.id, email, url: page.url, keepSnippet: false });
    const second = await ask('logEmail', { contactId: history.contact.id, email, url: page.url, keepSnippet: true });
    expect([first.alreadyLogged, second.alreadyLogged]).toEqual([false, true]);
    const logged = await db.interactions.toArray();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ type: 'email', direction: 'inbound', subject: 'Pricing', summary: '', messageId: '#msg-f:1' });
    expect(second.history.interactions[0]?.subject).toBe('Pricing');
  });

  it('logs a call and a meeting with outcome and duration; adds a note; all in the history, newest first', async () => {
    const { history } = await ask('saveContact', { fields: fields(candidate()), source: 'gmail' });
    const id = history.contact.id;
    await ask('logConversation', { contactId: id, type: 'call', direction: 'outbound', outcome: 'Talked', durationMinutes: 12, summary: 'Wants a discount' });
    deps.now = () => new Date('2026-11-23T11:00:00');
    await ask('logConversation', { contactId: id, type: 'meeting', durationMinutes: 45 });
    deps.now = () => new Date('2026-11-23T12:00:00');
    const noted = await ask('addNote', { contactId: id, text: 'Budget approved in January' });
    expect(noted.history.interactions.map((i) => [i.type, i.outcome, i.durationMinutes, i.summary])).toEqual([
      ['note', '', null, 'Budget approved in January'],
      ['meeting', '', 45, ''],
      ['call', 'Talked', 12, 'Wants a discount'],
    ]);
    expect((await db.outbox.toArray()).filter((e) => e.table === 'interactions')).toHaveLength(3);
  });

  it('sets a follow-up; Done and Snooze settle it; the history shows only what is open', async () => {
    const { history } = await ask('saveContact', { fields: fields(candidate()), source: 'gmail' });
    const { followUp } = await ask('addFollowUp', { contactId: history.contact.id, dueAt: '2026-11-24T08:00:00.000Z', title: 'Send pricing' });
    const snoozed = await ask('settleFollowUp', { followUpId: followUp.id, snoozeUntil: '2026-11-30T08:00:00.000Z' });
    expect(snoozed.history?.followUps.map((f) => [f.title, f.status, f.dueAt])).toEqual([['Send pricing', 'snoozed', '2026-11-30T08:00:00.000Z']]);
    const done = await ask('settleFollowUp', { followUpId: followUp.id, done: true });
    expect(done.history?.followUps).toEqual([]);
    expect((await db.followUps.get(followUp.id))?.status).toBe('done');
    expect(await send('settleFollowUp', { followUpId: newId(), done: true })).toEqual({ ok: false, problem: { code: 'record_gone' } });
  });

  it('opens a deal and moves its stage; a won deal is closed today and makes the contact one who bought', async () => {
    const { history } = await ask('saveContact', { fields: fields(candidate()), source: 'gmail' });
    const opened = await ask('openDeal', { contactId: history.contact.id, name: '40 seats', amount: 12000, currency: 'EUR', stage: 'proposal', expectedClose: '2026-12-15' });
    const deal = opened.history.deals[0]!;
    expect(deal).toMatchObject({ name: '40 seats', amount: 12000, currency: 'EUR', stage: 'proposal', probability: 50, closedAt: '' });
    expect(opened.history.hasBought).toBe(false);
    const won = await ask('moveDeal', { dealId: deal.id, stage: 'won' });
    expect(won.history.deals[0]).toMatchObject({ stage: 'won', probability: 100, closedAt: '2026-11-23' });
    expect(won.history.hasBought).toBe(true);
  });

  it('undoes what an action wrote: a new record is deleted, a change gets its old values back', async () => {
    const { history } = await ask('saveContact', { fields: fields(candidate()), source: 'gmail' });
    const id = history.contact.id;
    const note = await ask('addNote', { contactId: id, text: 'Wrong person' });
    const undone = await ask('undo', { step: note.undo, contactId: id });
    expect(undone.history?.interactionCount).toBe(0);
    const renamed = await ask('saveContact', { contactId: id, fields: { ...fields(candidate()), jobTitle: 'CFO' }, source: 'gmail' });
    expect(renamed.undo.before).toMatchObject({ jobTitle: 'Head of Procurement' });
    await ask('undo', { step: renamed.undo, contactId: id });
    expect((await db.contacts.get(id))?.jobTitle).toBe('Head of Procurement');
  });

  it('lists what is due today for the Today list', async () => {
    const { history } = await ask('saveContact', { fields: fields(candidate()), source: 'gmail' });
    await ask('addFollowUp', { contactId: history.contact.id, dueAt: '2026-11-20', title: 'Overdue' });
    await ask('addFollowUp', { contactId: history.contact.id, dueAt: '2026-11-23', title: 'Today' });
    await ask('addFollowUp', { contactId: history.contact.id, dueAt: '2026-11-24', title: 'Tomorrow' });
    const today = await ask('today', {});
    expect(today.today).toBe('2026-11-23');
    expect(today.items.map((i) => [i.kind === 'followUp' ? i.followUp.title : '', i.urgency])).toEqual([['Overdue', 'overdue'], ['Today', 'today']]);
  });
});
