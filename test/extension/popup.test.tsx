import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Candidate, PageCapture } from '../../extension/capture/candidate';
import { RapportDatabase } from '../../extension/db/database';
import { handleRequest, type HandlerDeps } from '../../extension/messaging/handlers';
import { createTranslator } from '../../extension/ui/i18n';
import { quickDueDates } from '../../extension/ui/popup/due-dates';
import { Popup } from '../../extension/ui/popup/Popup';
import { createPopupStore, PopupStoreContext, type Send } from '../../extension/ui/popup/popup-store';
import { newId } from '../../shared/ids';
import { contactSchema } from '../../shared/records';

const bea: Candidate = {
  name: 'Bea Lindqvist', firstName: 'Bea', lastName: 'Lindqvist', emails: ['bea@northwind.test'], phones: [], jobTitle: 'Buyer',
  company: 'Northwind', website: '', address: '', source: 'json-ld', role: 'person', isSelf: false,
};

let db: RapportDatabase;
let page: PageCapture;
let send: Send;

beforeEach(() => {
  db = new RapportDatabase(`popup-${newId()}`);
  page = { url: 'https://northwind.test/team', title: 'Team', candidates: [bea], email: null, self: '' };
  const report = { ok: true, message: '', pending: 0, lastSuccessAt: '' };
  const deps: HandlerDeps = {
    db, author: async () => 'ann@rapport.test', readTab: async () => page, takeSelection: async () => null,
    sync: async () => report, syncStatus: async () => report, changed: () => {},
  };
  send = ((request: unknown) => handleRequest(request, deps)) as Send;
});
afterEach(cleanup);

function openPopup(language: 'en' | 'de' = 'en', now = new Date('2026-11-23T10:00:00')) {
  const store = createPopupStore({ send, tabId: async () => 7, t: createTranslator(language), now: () => now });
  void store.load();
  render(<PopupStoreContext.Provider value={store}><Popup /></PopupStoreContext.Provider>);
  return store;
}

describe('popup', () => {
  it('saves exactly what the user edited', async () => {
    openPopup();
    await screen.findByText('Bea Lindqvist');
    fireEvent.input(screen.getByRole('textbox', { name: 'Job title' }), { target: { value: 'Head of Procurement' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save contact' }));
    await screen.findByText('Contact saved.');
    const [saved] = await db.contacts.toArray();
    expect(saved).toMatchObject({ firstName: 'Bea', jobTitle: 'Head of Procurement', company: 'Northwind', source: 'json-ld', emails: ['bea@northwind.test'] });
  });

  it('sets a follow-up for tomorrow in one click, saving the contact first', async () => {
    openPopup();
    await screen.findByText('Bea Lindqvist');
    fireEvent.click(screen.getByRole('button', { name: 'Tomorrow' }));
    await screen.findByText('Follow-up set for 2026-11-24.');
    const [followUp] = await db.followUps.toArray();
    expect(followUp).toMatchObject({ dueAt: '2026-11-24', status: 'open' });
    expect(await db.contacts.count()).toBe(1);
  });

  it('speaks German to a German browser', async () => {
    openPopup('de');
    await screen.findByText('Bea Lindqvist');
    expect(screen.getByRole('button', { name: 'Kontakt speichern' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Morgen' })).toBeTruthy();
  });

  it('offers manual entry on a page with nobody on it', async () => {
    page.candidates = [];
    openPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Add a contact by hand' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'First name' }), { target: { value: 'Carl' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Email' }), { target: { value: 'carl@client.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save contact' }));
    await screen.findByText('Contact saved.');
    expect((await db.contacts.toArray())[0]).toMatchObject({ firstName: 'Carl', emails: ['carl@client.test'], source: 'manual' });
  });

  it('shows hostile text as text', async () => {
    page.candidates = [{ ...bea, name: '<img src=x onerror=alert(1)>', firstName: '<img src=x onerror=alert(1)>', lastName: '' }];
    openPopup();
    await screen.findByText('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('tells a known contact from a look-alike and offers to merge', async () => {
    await handleRequest({ type: 'saveContact', fields: { firstName: 'Bea', lastName: 'Lindqvist', company: 'Northwind', emails: ['bea@old.test'] }, source: 'gmail' }, { db, author: async () => 'ann@rapport.test' } as HandlerDeps);
    openPopup();
    await screen.findByText('Looks like Bea Lindqvist');
    fireEvent.click(screen.getByRole('button', { name: 'Merge into Bea Lindqvist' }));
    await screen.findByText('Contact updated.');
    const all = await db.contacts.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]?.emails).toEqual(['bea@old.test', 'bea@northwind.test']);
  });
});

describe('known customers', () => {
  it('shows the scores the sheet computed: value class, segment, CLV and the at-risk badge', async () => {
    const now = new Date().toISOString();
    await db.contacts.add({
      ...contactSchema.parse({ id: newId(), createdAt: now, updatedAt: now, updatedBy: 'sheet', firstName: 'Bea', lastName: 'Lindqvist', emails: ['bea@northwind.test'] }),
      stage: 'customer', valueClass: 'A', rfmSegment: "can't lose", clv: 1234.5, pAlive: 0.21, atRisk: true,
    });
    openPopup();
    const facts = await screen.findByTestId('facts');
    expect(facts.textContent).toContain('At risk');
    expect(facts.textContent).toContain('class A');
    expect(facts.textContent).toContain("can't lose");
    expect(facts.textContent).toMatch(/CLV 1,?235/);
    expect(screen.getByTestId('status').textContent).toBe('Known · customer');
  });
});

describe('organisations', () => {
  it('saves the company behind a page as a company, and knows it next time', async () => {
    page.candidates = [{ ...bea, name: 'Northwind Traders GmbH', firstName: '', lastName: '', company: 'Northwind Traders GmbH', emails: ['info@northwind.test'], website: 'https://www.northwind.test/', role: 'organization', source: 'site' }];
    openPopup();
    await screen.findByText('Northwind Traders GmbH');
    fireEvent.click(screen.getByRole('button', { name: 'Save company' }));
    await screen.findByText('Company saved.');
    expect(await db.companies.toArray()).toEqual([expect.objectContaining({ name: 'Northwind Traders GmbH', domain: 'northwind.test' })]);
    expect(await db.contacts.count()).toBe(0);
    cleanup();
    openPopup();
    await screen.findByText('Known company');
  });
});

describe('quick follow-up dates', () => {
  it('counts from the local day; next week is the coming Monday', () => {
    expect(quickDueDates(new Date('2026-11-23T23:30:00'))).toEqual({ tomorrow: '2026-11-24', in3Days: '2026-11-26', nextWeek: '2026-11-30' });
    expect(quickDueDates(new Date('2026-11-29T08:00:00')).nextWeek).toBe('2026-11-30');
  });
});

describe('popup on a page with many people', () => {
  const teammate = (i: number): Candidate => ({
    ...bea, name: `Person ${'ABCDEFGHIJ'[i]}ensen`, firstName: 'Person', lastName: `${'ABCDEFGHIJ'[i]}ensen`, emails: [`p${i}@northwind.test`], jobTitle: 'Engineer',
  });
  const northwind: Candidate = {
    ...bea, name: 'Northwind GmbH', firstName: '', lastName: '', emails: ['info@northwind.test'], jobTitle: '', company: 'Northwind GmbH',
    website: 'https://northwind.test', role: 'organization',
  };

  it('lists the people with checkboxes and saves only those selected, with their company', async () => {
    page.candidates = [...Array.from({ length: 8 }, (_, i) => teammate(i)), northwind];
    openPopup();
    await screen.findByText('8 people on this page');
    expect(screen.getAllByTestId('person-row')).toHaveLength(8);
    // One primary button for the list, not one per person.
    expect(screen.queryByRole('button', { name: 'Save contact' })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Person Bensen' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Person Fensen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save selected (2)' }));
    await screen.findByText('2 contact(s) saved.');
    const saved = (await db.contacts.toArray()).map((c) => [c.lastName, c.company, c.emails[0]]).sort();
    expect(saved).toEqual([['Bensen', 'Northwind', 'p1@northwind.test'], ['Fensen', 'Northwind', 'p5@northwind.test']]);
    expect(screen.getAllByText('Known · lead')).toHaveLength(2);
    // The company card offers the role address as the company's.
    expect(screen.getByTestId('company-emails').textContent).toBe('info@northwind.test');
  });

  it('selects everyone at once', async () => {
    page.candidates = Array.from({ length: 6 }, (_, i) => teammate(i));
    openPopup();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select all' }));
    expect(screen.getByRole('button', { name: 'Save selected (6)' })).toBeTruthy();
  });
});
