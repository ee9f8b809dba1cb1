import { beforeEach, describe, expect, it } from 'vitest';
import { RapportDatabase } from '../../extension/db/database';
import { saveContact } from '../../extension/db/contacts';
import { CURSOR_KEY, syncOnce } from '../../extension/sync/sync-client';
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
    expect(outcome).toEqual({ ok: false, error: { code: 'network', message: 'Could not reach the sheet: Failed to fetch' } });
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
});
