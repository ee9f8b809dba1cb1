import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { RapportDatabase } from '../../extension/db/database';
import { syncStatusItem, syncTokenItem, syncUrlItem } from '../../extension/settings';
import { runSync } from '../../extension/sync/sync-service';
import { newId } from '../../shared/ids';

const emptyChanges = { contacts: [], companies: [], interactions: [], deals: [], followUps: [] };

let db: RapportDatabase;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new RapportDatabase(`sync-now-${newId()}`);
  await syncUrlItem.setValue('https://script.google.com/macros/s/x/exec');
  await syncTokenItem.setValue('tok-0123456789abcdef');
});

/** A sheet that answers each request when the test lets it, recording when each began. */
function slowSheet() {
  const began: string[] = [];
  const waiting: (() => void)[] = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    const sent = JSON.parse(String(init.body)) as { changes: { contacts: { firstName: string }[] } };
    began.push(sent.changes.contacts.map((c) => c.firstName).join(',') || '(nothing)');
    await new Promise<void>((resolve) => waiting.push(resolve));
    return new Response(JSON.stringify({ ok: true, cursor: began.length, changes: emptyChanges, rejected: [] }));
  }) as unknown as typeof fetch;
  const answerNext = async () => {
    while (waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    waiting.shift()!();
  };
  return { began, fetchImpl, answerNext };
}

describe('Sync now while a sync runs', () => {
  it('starts one sync after the running one (which asked the sheet before the click), however often it is clicked', async () => {
    const sheet = slowSheet();
    const first = runSync(db, false, sheet.fetchImpl);
    while (sheet.began.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const clicked = runSync(db, true, sheet.fetchImpl);
    expect(runSync(db, true, sheet.fetchImpl)).toBe(clicked);
    await sheet.answerNext();
    await first;
    // The click's own request, made after the running sync ended: what teammates changed since reaches this browser.
    await sheet.answerNext();
    expect(await clicked).toMatchObject({ pending: 0, error: null });
    expect(sheet.began).toEqual(['(nothing)', '(nothing)']);
  });

  it('still syncs when the running sync failed', async () => {
    const sheet = slowSheet();
    vi.spyOn(syncStatusItem, 'getValue').mockRejectedValueOnce(new Error('storage went away'));
    const first = runSync(db, false, sheet.fetchImpl);
    const clicked = runSync(db, true, sheet.fetchImpl);
    await expect(first).rejects.toThrow('storage went away');
    await sheet.answerNext();
    expect(await clicked).toMatchObject({ error: null });
    expect(sheet.began).toEqual(['(nothing)']);
  });
});
