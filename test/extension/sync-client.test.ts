import { beforeEach, describe, expect, it } from 'vitest';
import { RapportDatabase } from '../../extension/db/database';
import { saveContact } from '../../extension/db/contacts';
import { logEmail } from '../../extension/db/interactions';
import { deleteRecord } from '../../extension/db/write-record';
import { CURSOR_KEY, REFUSED_KEY, syncOnce, type RefusedChange } from '../../extension/sync/sync-client';
import { newId } from '../../shared/ids';

const settings = { url: 'https://script.google.com/macros/s/x/exec', token: 'tok-0123456789abcdef', clientId: 'c1' };
const emptyChanges = { contacts: [], companies: [], interactions: [], deals: [], followUps: [] };

let db: RapportDatabase;
beforeEach(async () => {
  db = new RapportDatabase(`test-${newId()}`);
  await db.open();
});

const answer = (body: unknown) => (async () => new Response(JSON.stringify(body), { status: 200 })) as unknown as typeof fetch;

describe('syncOnce', () => {
  it('keeps every queued change when the network fails', async () => {
    await saveContact(db, { firstName: 'Bea', emails: ['Bea@Client.test'] }, 'ann@team.test');
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const outcome = await syncOnce(db, settings, offline);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'network', message: expect.stringContaining('No connection to the sheet (Failed to fetch)') } });
    expect(await db.outbox.count()).toBe(1);
  });

  it('sends queued records, empties the outbox and stores the cursor on success', async () => {
    const bea = await saveContact(db, { firstName: 'Bea', emails: ['Bea@Client.test'] }, 'ann@team.test');
    let sent: { changes: { contacts: { id: string; emails: string[] }[] }; since: number } | undefined;
    const server = (async (_url: string, init: RequestInit) => {
      sent = JSON.parse(String(init.body));
      return new Response(JSON.stringify({ ok: true, cursor: 7, changes: { ...emptyChanges, contacts: [bea] }, rejected: [] }));
    }) as unknown as typeof fetch;
    const outcome = await syncOnce(db, settings, server);
    expect(outcome).toMatchObject({ ok: true, pushed: 1, pulled: 1 });
    expect(sent?.since).toBe(0);
    expect(sent?.changes.contacts[0]?.emails).toEqual(['bea@client.test']);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.meta.get(CURSOR_KEY))?.value).toBe(7);
  });

  it('starts from the beginning when the sync URL points at another sheet', async () => {
    const sinces: number[] = [];
    const server = (async (_url: string, init: RequestInit) => {
      sinces.push(JSON.parse(String(init.body)).since);
      return new Response(JSON.stringify({ ok: true, cursor: 7, changes: emptyChanges, rejected: [] }));
    }) as unknown as typeof fetch;
    await syncOnce(db, settings, server);
    await syncOnce(db, settings, server);
    await syncOnce(db, { ...settings, url: 'https://script.google.com/macros/s/other/exec' }, server);
    expect(sinces).toEqual([0, 7, 0]);
  });

  it('takes teammates’ changes from the sheet', async () => {
    const now = new Date().toISOString();
    const carl = { id: newId(), createdAt: now, updatedAt: now, updatedBy: 'sheet', firstName: 'Carl', emails: ['carl@client.test'] };
    await syncOnce(db, settings, answer({ ok: true, cursor: 3, changes: { ...emptyChanges, contacts: [carl] }, rejected: [] }));
    expect((await db.contacts.get(carl.id))?.firstName).toBe('Carl');
  });

  it('reports the sheet’s error and keeps the outbox', async () => {
    await saveContact(db, { firstName: 'Bea' }, 'ann@team.test');
    const outcome = await syncOnce(db, settings, answer({ ok: false, error: { code: 'unauthorized', message: 'This sync token is not valid for this sheet.' } }));
    expect(outcome).toEqual({ ok: false, error: { code: 'unauthorized', message: 'This sync token is not valid for this sheet.' } });
    expect(await db.outbox.count()).toBe(1);
  });

  it('does not mistake an HTML login page for an answer', async () => {
    await saveContact(db, { firstName: 'Bea' }, 'ann@team.test');
    const login = (async () => new Response('<html>Sign in</html>', { status: 200 })) as unknown as typeof fetch;
    const outcome = await syncOnce(db, settings, login);
    expect(outcome.ok).toBe(false);
    expect(await db.outbox.count()).toBe(1);
  });

  it('asks for settings before syncing', async () => {
    const outcome = await syncOnce(db, { ...settings, url: '' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_configured' } });
  });

  it.each([
    ['Google’s error page for a script error', { status: 200, url: settings.url, body: googlePage('TypeError: Cannot read properties of undefined (reading &quot;x&quot;) (line 12, file &quot;Code&quot;)') }, 'script_error', 'The sheet’s script failed: TypeError: Cannot read properties of undefined (reading "x") (line 12, file "Code")'],
    ['Google’s page for the 6-minute limit', { status: 200, url: settings.url, body: googlePage('Exceeded maximum execution time') }, 'timeout', 'took too long'],
    ['Google’s page for a used-up quota', { status: 200, url: settings.url, body: googlePage('Service invoked too many times for one day: urlfetch.') }, 'quota', 'daily Google quota'],
    ['the sign-in page of a deployment not open to Anyone', { status: 200, url: 'https://accounts.google.com/v3/signin/identifier?continue=x', body: '<html><head><title>Sign in - Google Accounts</title></head></html>' }, 'sign_in', 'access “Anyone”'],
    ['the spreadsheet’s own page', { status: 200, url: 'https://docs.google.com/spreadsheets/d/abc/edit', body: '<!DOCTYPE html><html><head><title>Team CRM - Google Sheets</title></head></html>' }, 'not_rapport', 'instead of the web app’s /exec URL'],
    ['an HTTP error', { status: 404, url: settings.url, body: 'Not Found' }, 'http', 'HTTP 404'],
  ])('tells %s by its cause, and keeps the outbox', async (_, page, code, words) => {
    await saveContact(db, { firstName: 'Bea' }, 'ann@team.test');
    const server = (async () => pageResponse(page)) as unknown as typeof fetch;
    const outcome = await syncOnce(db, settings, server);
    expect(outcome).toMatchObject({ ok: false, error: { code, message: expect.stringContaining(words) } });
    expect(await db.outbox.count()).toBe(1);
  });

  it('knows a spreadsheet’s own URL is not a web app’s before asking it', async () => {
    await saveContact(db, { firstName: 'Bea' }, 'ann@team.test');
    const never = (async () => {
      throw new Error('no request should be made');
    }) as unknown as typeof fetch;
    const outcome = await syncOnce(db, { ...settings, url: 'https://docs.google.com/spreadsheets/d/1AbC/edit#gid=0' }, never);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_rapport' } });
  });

  it('tells a sign-in redirect the browser may not read from having no network', async () => {
    await saveContact(db, { firstName: 'Bea' }, 'ann@team.test');
    // The POST fails as a CORS error would; a no-cors request to the same URL gets through.
    const redirected = (async (_url: string, init: RequestInit) => {
      if (init.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await syncOnce(db, settings, redirected)).toMatchObject({ ok: false, error: { code: 'sign_in' } });
  });

  it('sets aside the one record the sheet fails on, so the records behind it still sync', async () => {
    const ids: string[] = [];
    for (const name of ['Ann', 'Poison', 'Carl', 'Dana']) ids.push((await saveContact(db, { firstName: name }, 'ann@team.test')).id);
    const stored: string[] = [];
    const server = (async (_url: string, init: RequestInit) => {
      const sent = JSON.parse(String(init.body)) as { changes: { contacts: { id: string; firstName: string }[] } };
      if (sent.changes.contacts.some((c) => c.firstName === 'Poison')) return pageResponse({ status: 200, url: settings.url, body: googlePage('RangeError: Maximum call stack size exceeded') });
      stored.push(...sent.changes.contacts.map((c) => c.firstName));
      return new Response(JSON.stringify({ ok: true, cursor: 1, changes: emptyChanges, rejected: [] }));
    }) as unknown as typeof fetch;
    // The first sync finds the record and sends the others; the record is tried alone twice more, then set aside.
    expect(await syncOnce(db, settings, server)).toMatchObject({ ok: true });
    expect(stored.sort()).toEqual(['Ann', 'Carl', 'Dana']);
    expect(await db.outbox.count()).toBe(1);
    expect(await syncOnce(db, settings, server)).toMatchObject({ ok: false, error: { code: 'script_error' } });
    expect(await db.outbox.count()).toBe(1);
    await syncOnce(db, settings, server);
    expect(await db.outbox.count()).toBe(0);
    const refused = (await db.meta.get(REFUSED_KEY))?.value as RefusedChange[];
    expect(refused.map((r) => r.id)).toEqual([ids[1]]);
    expect(refused[0]!.message).toContain('Maximum call stack size exceeded');
    expect((await db.contacts.get(ids[1]!))?.firstName).toBe('Poison');
  });

  it('sends which fields were edited and when, stamped by the sheet’s clock it learnt', async () => {
    const bea = await saveContact(db, { firstName: 'Bea', emails: ['bea@client.test'] }, 'ann@team.test');
    // The sheet’s clock is 10 minutes ahead of this browser’s.
    const ahead = 10 * 60_000;
    const server = (async () => new Response(JSON.stringify({ ok: true, cursor: 1, serverTime: new Date(Date.now() + ahead).toISOString(), changes: emptyChanges, rejected: [] }))) as unknown as typeof fetch;
    await syncOnce(db, settings, server);
    await saveContact(db, { id: bea.id, jobTitle: 'Buyer' }, 'ann@team.test');
    let sent: { changes: { contacts: { fieldTimes?: Record<string, string>; updatedAt: string }[] } } | undefined;
    const capture = (async (_url: string, init: RequestInit) => {
      sent = JSON.parse(String(init.body));
      return new Response(JSON.stringify({ ok: true, cursor: 2, changes: emptyChanges, rejected: [] }));
    }) as unknown as typeof fetch;
    await syncOnce(db, settings, capture);
    const [sentBea] = sent!.changes.contacts;
    expect(Object.keys(sentBea!.fieldTimes!)).toEqual(['jobTitle']);
    const skew = Date.parse(sentBea!.fieldTimes!.jobTitle!) - Date.now();
    expect(skew).toBeGreaterThan(ahead - 5_000);
    expect(skew).toBeLessThan(ahead + 5_000);
    expect(sentBea!.updatedAt).toBe(sentBea!.fieldTimes!.jobTitle);
  });

  it('keeps a field edited here during the sync, and a field the sheet could not read, over the sheet’s version', async () => {
    const bea = await saveContact(db, { firstName: 'Bea', notes: 'mine', jobTitle: 'CEO' }, 'ann@team.test');
    const server = (async () => {
      // While the request is out, the person edits the notes again.
      await saveContact(db, { id: bea.id, notes: 'edited during sync' }, 'ann@team.test');
      const fromSheet = { ...bea, firstName: 'Beatrice', notes: 'sheet', jobTitle: '', unknownFields: ['jobTitle'], updatedAt: new Date().toISOString() };
      return new Response(JSON.stringify({ ok: true, cursor: 3, changes: { ...emptyChanges, contacts: [fromSheet] }, rejected: [] }));
    }) as unknown as typeof fetch;
    await syncOnce(db, settings, server);
    const after = await db.contacts.get(bea.id);
    expect(after).toMatchObject({ firstName: 'Beatrice', notes: 'edited during sync', jobTitle: 'CEO' });
    expect(after).not.toHaveProperty('unknownFields');
    expect(await db.outbox.count()).toBe(1);
  });

  it('lists the member’s edits that lost, and takes the winner', async () => {
    const bea = await saveContact(db, { firstName: 'Bea', notes: 'mine' }, 'ann@team.test');
    const winner = { ...bea, notes: 'teammate’s later note', updatedBy: 'sheet' };
    const conflict = { table: 'contacts', id: bea.id, field: 'notes', reason: 'newer', message: 'Notes was changed later (2026-12-01T10:00:00.000Z), so your earlier change was not kept.' };
    const outcome = await syncOnce(db, settings, answer({ ok: true, cursor: 4, changes: { ...emptyChanges, contacts: [winner] }, rejected: [], conflicts: [conflict] }));
    expect(outcome).toMatchObject({ ok: true, conflicts: [conflict] });
    expect((await db.contacts.get(bea.id))?.notes).toBe('teammate’s later note');
    expect(((await db.meta.get(REFUSED_KEY))?.value as RefusedChange[])[0]?.message).toContain('was changed later');
  });
});

describe('deleting', () => {
  it('leaves a tombstone without personal data, clears the text of the contact’s history, and queues it all', async () => {
    const bea = await saveContact(db, { firstName: 'Bea', emails: ['bea@client.test'], notes: 'likes golf' }, 'ann@team.test');
    const email = await logEmail(db, { contactId: bea.id, email: { provider: 'gmail', messageId: 'm1', threadId: 't1', subject: 'Pricing for Bea', snippet: 'Hi', direction: 'inbound', sentAt: '2026-11-30T10:00:00.000Z', from: null, to: [], cc: [] } as never, url: 'https://mail.google.com/x', keepSnippet: true }, 'ann@team.test');
    await db.outbox.clear();
    await deleteRecord(db, 'contacts', bea.id, 'ann@team.test');
    const tombstone = await db.contacts.get(bea.id);
    expect(tombstone).toMatchObject({ id: bea.id, deleted: true, firstName: '', emails: [], notes: '' });
    const interaction = await db.interactions.get(email.interaction.id);
    expect(interaction).toMatchObject({ subject: '', summary: '', sourceUrl: '', messageId: '', type: 'email', contactId: bea.id });
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => [e.table, Object.keys(e.fields ?? {}).sort()])).toEqual([
      ['contacts', ['deleted']],
      ['interactions', ['messageId', 'sourceUrl', 'subject', 'summary']],
    ]);
    await expect(saveContact(db, { id: bea.id, firstName: 'Again' }, 'ann@team.test')).rejects.toThrow('deleted');
  });
});

function googlePage(message: string) {
  return `<!DOCTYPE html><html><head><title>Error</title></head><body><div style="text-align:center;font-family:monospace;margin:50px auto 0;max-width:600px">${message}</div></body></html>`;
}

function pageResponse(page: { status: number; url: string; body: string }) {
  const response = new Response(page.body, { status: page.status, headers: { 'Content-Type': 'text/html' } });
  Object.defineProperty(response, 'url', { value: page.url });
  return response;
}
