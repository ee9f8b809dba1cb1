import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RapportDatabase } from '../../../extension/db/database';
import { writeRecord } from '../../../extension/db/write-record';
import { createI18n } from '../../../extension/ui/i18n';
import { ContactList } from '../../../extension/ui/workspace/ContactList';
import { ContactPage } from '../../../extension/ui/workspace/ContactPage';
import { createFormat } from '../../../extension/ui/workspace/format';
import { createWorkspace, WorkspaceContext } from '../../../extension/ui/workspace/workspace-store';
import { newId } from '../../../shared/ids';
import { recordSchemas } from '../../../shared/records';

afterEach(cleanup);

const ME = 'ann@team.test';

async function workspaceWith(names: [string, string][]) {
  const db = new RapportDatabase(`list-view-${newId()}`);
  for (const [firstName, lastName] of names) await writeRecord(db, 'contacts', { firstName, lastName }, ME);
  return createWorkspace({
    db, language: 'en', author: async () => ME, notifyChange: () => {}, neverLog: async () => [], retentionMonths: async () => 24,
    savedFilters: { get: async () => [], set: async () => {} }, sheetPersonData: async () => null, archivedHistory: async () => ({ ok: false, reason: 'offline' }) as never,
    today: () => '2026-12-01', sync: async () => null, watchSync: () => {},
  });
}
const names = () => [...document.querySelectorAll('[data-testid=contact-row] .name')].map((n) => n.textContent);

describe('a contact page with a long history', () => {
  it('shows the newest entries, then the whole history, reading each once', async () => {
    const ws = await workspaceWith([]);
    const bea = await writeRecord(ws.db, 'contacts', { firstName: 'Bea', lastName: 'Müller' }, ME);
    const calls = Array.from({ length: 260 }, (_, n) => ({ id: newId(), createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), updatedBy: ME, contactId: bea.id, type: 'call', occurredAt: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString(), subject: `call ${n}` }));
    await ws.db.interactions.bulkAdd(calls.map((call) => recordSchemas.interactions.parse(call)));
    // The workspace hears of those writes a moment later (and would read again then).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reads = vi.spyOn(ws.db.interactions, 'where');
    render(<WorkspaceContext.Provider value={ws}><ContactPage id={bea.id} /></WorkspaceContext.Provider>);
    await waitFor(() => expect(document.querySelector('[data-testid=timeline]')?.parentElement?.textContent).toContain('Show all (260)'));
    const entries = [...document.querySelectorAll('[data-testid=timeline] > li')];
    expect(entries).toHaveLength(200);
    expect(entries[0]!.textContent).toContain('call 259');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The newest (those with a time, those without), then the whole: no read twice.
    expect(reads).toHaveBeenCalledTimes(3);
  });
});

describe('the contact list on screen', () => {
  it('starts looking a search up within the keystroke, not a drawn frame later', async () => {
    const ws = await workspaceWith([['Bea', 'Müller'], ['Carl', 'Anders'], ['Dora', 'Zeller']]);
    render(<WorkspaceContext.Provider value={ws}><ContactList /></WorkspaceContext.Provider>);
    await waitFor(() => expect(names()).toEqual(['Carl Anders', 'Bea Müller', 'Dora Zeller']));
    const lookUp = vi.spyOn(ws.index, 'list');
    // As the browser sends it (testing-library's fireEvent would run pending effects at once).
    const search = document.querySelector<HTMLInputElement>('input[name=search]')!;
    search.value = 'mü';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    // Synchronously, in the input event: an effect hook would wait for the next frame (16–40 ms in Chromium here).
    expect(lookUp).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(names()).toEqual(['Bea Müller']));
  });
});

/** How many number formats `write` makes. */
function formatsMade(write: () => void): number {
  const Original = Intl.NumberFormat;
  let made = 0;
  Intl.NumberFormat = class extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      made++;
    }
  } as typeof Intl.NumberFormat;
  try {
    write();
  } finally {
    Intl.NumberFormat = Original;
  }
  return made;
}

describe('amounts on the workspace’s pages and in the popup', () => {
  it('are written with formats made once, not one per amount (a contact page writes hundreds)', () => {
    const format = createFormat('de', 'de-DE');
    const written: string[] = [];
    // The currency's own format is made when first needed.
    expect(formatsMade(() => [1234.5, 99, 0.5].forEach((amount) => written.push(format.money(amount), format.money(amount, 'EUR'))))).toBe(1);
    expect(written.slice(0, 2).map((text) => text.replace(/\s/g, ' '))).toEqual(['1.234,50', '1.234,50 €']);

    const i18n = createI18n('en', 'en-GB');
    expect(formatsMade(() => [1234.5, 99].forEach((amount) => written.push(i18n.money(amount, ''), i18n.money(amount, 'GBP'), i18n.percent(amount / 10_000))))).toBe(1);
    expect(written.slice(-3)).toEqual(['99', '£99', '1%']);
  });
});
