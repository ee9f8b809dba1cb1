import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalSheet, type LocalSheet } from '../../../apps-script/local/server';
import { saveContact } from '../../../extension/db/contacts';
import { RapportDatabase } from '../../../extension/db/database';
import { fetchArchivedHistory } from '../../../extension/sync/archived-history';
import { syncOnce } from '../../../extension/sync/sync-client';
import { testConnection } from '../../../extension/sync/test-connection';
import { newId } from '../../../shared/ids';
import { BUNDLE_PATH } from '../local-sheet-harness';

// The extension's sync client against the local sheet's Google-like failures, over real HTTP:
// each cause gets its own message, and the outbox keeps every change.
const TOKEN = 'client-errors-token-0123456789';
const running: LocalSheet[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sheet) => sheet.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function sheet(options: { access?: 'anyone' | 'signed-in'; bundle?: string } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-client-errors-'));
  folders.push(folder);
  let bundlePath = BUNDLE_PATH;
  if (options.bundle) {
    bundlePath = join(folder, 'Code.js');
    writeFileSync(bundlePath, options.bundle);
  }
  const started = await startLocalSheet({ port: 0, dataFile: join(folder, 'workbook.json'), token: TOKEN, bundlePath, access: options.access, log: () => {} });
  running.push(started);
  return started;
}

async function queuedDatabase() {
  const db = new RapportDatabase(`client-errors-${newId()}`);
  await saveContact(db, { firstName: 'Bea', emails: ['bea@client.test'] }, 'ann@team.test');
  return db;
}

describe('the sync client against the local sheet', () => {
  it('syncs with a web app deployed for Anyone', async () => {
    const local = await sheet();
    const db = await queuedDatabase();
    expect(await syncOnce(db, { url: local.execUrl, token: TOKEN, clientId: 'c' })).toMatchObject({ ok: true, pushed: 1 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('says to deploy for “Anyone” when the web app redirects to the Google sign-in', async () => {
    const local = await sheet({ access: 'signed-in' });
    const db = await queuedDatabase();
    expect(await syncOnce(db, { url: local.execUrl, token: TOKEN, clientId: 'c' })).toMatchObject({ ok: false, error: { code: 'sign_in', message: expect.stringContaining('“Anyone”') } });
    expect(await db.outbox.count()).toBe(1);
  });

  it('passes on the script’s error from Google’s error page', async () => {
    const local = await sheet({ bundle: 'function doPost(e) { throw new TypeError("Cannot read properties of undefined (reading \'getRange\')"); }' });
    const db = await queuedDatabase();
    expect(await syncOnce(db, { url: local.execUrl, token: TOKEN, clientId: 'c' })).toMatchObject({ ok: false, error: { code: 'script_error', message: "The sheet’s script failed: TypeError: Cannot read properties of undefined (reading 'getRange')" } });
    expect(await db.outbox.count()).toBe(1);
  });

  it('says the URL is not the web app’s when it serves a page (the sheet’s grid), in the options’ connection test', async () => {
    const local = await sheet();
    expect(await testConnection(`${local.url}/`, TOKEN)).toEqual({ ok: false, code: 'not_rapport' });
    expect(await testConnection(local.execUrl, 'not-the-token-0123456789')).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(await testConnection(local.execUrl, TOKEN)).toEqual({ ok: true, member: 'you@rapport.local' });
  });

  it('says there is no connection when nothing answers', async () => {
    const local = await sheet();
    const url = local.execUrl;
    await local.close();
    const db = await queuedDatabase();
    expect(await syncOnce(db, { url, token: TOKEN, clientId: 'c' })).toMatchObject({ ok: false, error: { code: 'network', message: expect.stringContaining('No connection') } });
    expect(await db.outbox.count()).toBe(1);
  });

  it('fetches a contact’s history from the yearly archives', async () => {
    const local = await sheet();
    const at = '2021-03-01T10:00:00.000Z';
    const contactId = newId();
    const contact = { id: contactId, createdAt: at, updatedAt: at, updatedBy: 'you@rapport.local', firstName: 'Bea' };
    const order = { id: newId(), createdAt: at, updatedAt: at, updatedBy: 'you@rapport.local', contactId, type: 'purchase', occurredAt: at, amount: 120, subject: 'First order' };
    const posted = await fetch(local.execUrl, { method: 'POST', body: JSON.stringify({ token: TOKEN, clientId: 'c', since: 0, changes: { contacts: [contact], companies: [], interactions: [order], deals: [], followUps: [] } }) });
    expect(((await posted.json()) as { ok: boolean }).ok).toBe(true);
    local.bundle.call('archiveOldHistory');
    const history = await fetchArchivedHistory({ url: local.execUrl, token: TOKEN }, contactId);
    expect(history).toMatchObject({ ok: true, interactions: [expect.objectContaining({ id: order.id, subject: 'First order', amount: 120 })], deals: [], followUps: [] });
    expect(await fetchArchivedHistory({ url: local.execUrl, token: 'wrong-token-0123456789' }, contactId)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('passes on the sheet’s own refusal of a revoked or wrong token', async () => {
    const local = await sheet();
    const db = await queuedDatabase();
    expect(await syncOnce(db, { url: local.execUrl, token: 'not-the-token-0123456789', clientId: 'c' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
