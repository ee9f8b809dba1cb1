import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localWallClock } from '../../shared/calendar';
import type { Candidate, PageCapture } from '../../extension/capture/candidate';
import { RapportDatabase } from '../../extension/db/database';
import { dueItems } from '../../extension/db/today';
import { handleMessage, type ServiceDeps } from '../../extension/messaging/message-table';
import { createSend } from '../../extension/messaging/send';
import { createI18n } from '../../extension/ui/i18n';
import { Popup } from '../../extension/ui/popup/Popup';
import { createPopupStore, PopupStoreContext, type PopupTarget } from '../../extension/ui/popup/popup-store';
import { newId } from '../../shared/ids';
import { contactSchema } from '../../shared/records';

const bea: Candidate = {
  name: 'Bea Lindqvist', firstName: 'Bea', lastName: 'Lindqvist', emails: ['bea@northwind.test'], phones: [], jobTitle: 'Buyer',
  company: 'Northwind', website: '', address: '', source: 'json-ld', role: 'person', isSelf: false,
};
const NOW = new Date('2026-11-23T10:00:00');

let db: RapportDatabase;
let page: PageCapture;
let deps: ServiceDeps;

beforeEach(() => {
  db = new RapportDatabase(`popup-${newId()}`);
  page = { url: 'https://northwind.test/team', title: 'Team', candidates: [bea], email: null, self: '' };
  const report = { configured: true, running: false, pending: 0, sent: 0, lastSuccessAt: '', lastAttemptAt: '', error: null, nextAttemptAt: '', refused: [] };
  deps = {
    db, author: async () => 'ann@rapport.test', readTab: async () => page, takeSelection: async () => null, takeSample: async () => null,
    sync: async () => report, syncStatus: async () => report, changed: () => {}, now: () => NOW, clock: localWallClock, followUpTime: async () => '09:00', dueItems: (rules) => dueItems(db, rules), neverLog: async () => [],
  };
});
afterEach(cleanup);

const send = createSend((envelope) => handleMessage(envelope, deps));

function openPopup(language: 'en' | 'de' = 'en', target: PopupTarget = { kind: 'tab', tabId: 7 }) {
  const store = createPopupStore({
    send, target: async () => target, i18n: createI18n(language, language === 'en' ? 'en-GB' : 'de-DE'),
    followUpTime: async () => '09:00', openOptions: () => {}, now: () => NOW,
  });
  void store.load();
  render(<PopupStoreContext.Provider value={store}><Popup /></PopupStoreContext.Provider>);
  return store;
}

async function saveKnown(overrides: Record<string, unknown> = {}) {
  const answer = await send('saveContact', { fields: { firstName: 'Bea', lastName: 'Lindqvist', company: 'Northwind', emails: ['bea@northwind.test'], jobTitle: 'Buyer', ...overrides }, source: 'gmail' });
  if (!answer.ok) throw new Error(answer.problem.code);
  return answer.value.history.contact.id;
}

describe('a card built around actions', () => {
  it('saves exactly what the user edited', async () => {
    openPopup();
    await screen.findByText('Bea Lindqvist');
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Job title' }), { target: { value: 'Head of Procurement' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save contact' }));
    await screen.findByText('Contact saved.');
    const [saved] = await db.contacts.toArray();
    expect(saved).toMatchObject({ firstName: 'Bea', jobTitle: 'Head of Procurement', company: 'Northwind', source: 'json-ld', emails: ['bea@northwind.test'] });
  });

  it('says what Save will do for a known contact, and offers nothing when nothing changed', async () => {
    await saveKnown();
    openPopup();
    await screen.findByText('Known · lead');
    expect(screen.queryByRole('button', { name: /^Update|^Save contact/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.getByRole('button', { name: 'Saved' }).hasAttribute('disabled')).toBe(true);
    fireEvent.input(screen.getByRole('textbox', { name: 'Job title' }), { target: { value: 'CFO' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Phone' }), { target: { value: '+49 30 1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Update phone, job title' }));
    await screen.findByText('Contact updated.');
    expect((await db.contacts.toArray())[0]).toMatchObject({ jobTitle: 'CFO', phones: ['+49 30 1234'] });
  });

  it('sets a keep-in-touch cadence, after which the contact shows up in Today', async () => {
    const id = await saveKnown();
    await db.contacts.update(id, { createdAt: '2026-09-01T10:00:00.000Z' });
    openPopup();
    await screen.findByText('Known · lead');
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Keep in touch every … days' }), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Update keep-in-touch days' }));
    await screen.findByText('Contact updated.');
    expect((await db.contacts.get(id))?.keepInTouchDays).toBe(30);
    fireEvent.click(screen.getByRole('tab', { name: 'Today' }));
    await screen.findByText('Keep in touch with Bea Lindqvist');
  });

  it('sets a follow-up for tomorrow at the usual time, titled in the reader’s language, saving the contact first', async () => {
    openPopup();
    await screen.findByText('Bea Lindqvist');
    fireEvent.click(screen.getByRole('button', { name: /^Follow up/ }));
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Follow up with Bea Lindqvist');
    expect(screen.getByRole('button', { name: 'Next week (Mon 30 Nov)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tomorrow' }));
    await screen.findByText('Follow-up set for Tue 24 Nov, 09:00.');
    const [followUp] = await db.followUps.toArray();
    expect(followUp).toMatchObject({ dueAt: new Date('2026-11-24T09:00:00').toISOString(), status: 'open', title: 'Follow up with Bea Lindqvist' });
    expect(await db.contacts.count()).toBe(1);
  });

  it('logs a call with its outcome and duration', async () => {
    await saveKnown();
    openPopup();
    await screen.findByText('Known · lead');
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), { target: { value: 'voicemail' } });
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Minutes' }), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log it' }));
    await screen.findByText('Call logged.');
    expect((await db.interactions.toArray())[0]).toMatchObject({ type: 'call', outcome: 'Left a voicemail', durationMinutes: 3, direction: 'outbound' });
    expect(within(screen.getByTestId('timeline')).getByText('Left a voicemail')).toBeTruthy();
  });

  it('opens a deal from the card and moves its stage', async () => {
    await saveKnown();
    openPopup();
    await screen.findByText('Known · lead');
    fireEvent.click(screen.getByRole('button', { name: 'Deal' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Deal' }), { target: { value: 'Rollout 2027' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Amount' }), { target: { value: '12500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open deal' }));
    await screen.findByText('Deal opened.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Stage of Rollout 2027' }), { target: { value: 'negotiation' } });
    await screen.findByText('Deal moved to Negotiation.');
    expect((await db.deals.toArray())[0]).toMatchObject({ name: 'Rollout 2027', amount: 12500, currency: 'USD', stage: 'negotiation' });
  });

  it('undoes the last action', async () => {
    await saveKnown();
    openPopup();
    await screen.findByText('Known · lead');
    fireEvent.click(screen.getByRole('button', { name: 'Note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Wrong card' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByText('Note added.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Undone.');
    expect((await db.interactions.toArray()).every((i) => i.deleted)).toBe(true);
  });

  it('acts on single keys: T sets a follow-up for tomorrow, N opens the note', async () => {
    await saveKnown();
    openPopup();
    await screen.findByText('Known · lead');
    fireEvent.keyDown(document.body, { key: 't' });
    await screen.findByText(/^Follow-up set for Tue 24 Nov/);
    fireEvent.keyDown(document.body, { key: 'n' });
    expect(screen.getByRole('textbox', { name: 'Note' })).toBeTruthy();
    // Typing in a field is typing, not a shortcut.
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note' }), { key: 't' });
    expect(await db.followUps.count()).toBe(1);
  });

  it('speaks German to a German browser', async () => {
    openPopup('de');
    await screen.findByText('Bea Lindqvist');
    expect(screen.getByRole('button', { name: 'Kontakt speichern' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nachfassen' }));
    expect(screen.getByRole('button', { name: 'Morgen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nächste Woche (Mo., 30. Nov.)' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Titel' }) as HTMLInputElement).value).toBe('Bei Bea Lindqvist nachfassen');
  });

  it('shows hostile text as text', async () => {
    page.candidates = [{ ...bea, name: '<img src=x onerror=alert(1)>', firstName: '<img src=x onerror=alert(1)>', lastName: '' }];
    openPopup();
    await screen.findByText('<img src=x onerror=alert(1)>');
    expect(document.querySelector('.cards img')).toBeNull();
  });
});

describe('a page with nobody on it', () => {
  it('shows Today, and still lets a contact be added by hand', async () => {
    page.candidates = [];
    openPopup();
    await screen.findByText('Nothing due today. Well done.');
    fireEvent.click(screen.getByRole('tab', { name: 'This page' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add a contact by hand' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'First name' }), { target: { value: 'Carl' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Email' }), { target: { value: 'carl@client.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save contact' }));
    await screen.findByText('Contact saved.');
    expect((await db.contacts.toArray())[0]).toMatchObject({ firstName: 'Carl', emails: ['carl@client.test'], source: 'manual' });
  });
});

describe('matches that ask before they merge', () => {
  it('shows both people side by side and writes nothing until Merge', async () => {
    const id = await saveKnown({ emails: ['bea@old.test'], phones: ['+4930999'] });
    const before = JSON.stringify(await db.contacts.toArray());
    const outbox = await db.outbox.count();
    openPopup();
    await screen.findByText('Looks like Bea Lindqvist');
    const choice = screen.getByTestId('match-choice');
    expect(within(choice).getByText('bea@northwind.test')).toBeTruthy();
    expect(within(choice).getByText('bea@old.test')).toBeTruthy();
    // No action can write to either record before the choice.
    expect(screen.queryByRole('button', { name: 'Note' })).toBeNull();
    fireEvent.keyDown(document.body, { key: 't' });
    expect(JSON.stringify(await db.contacts.toArray())).toBe(before);
    expect(await db.outbox.count()).toBe(outbox);
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    await screen.findByText('Contact updated.');
    const all = await db.contacts.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id, emails: ['bea@old.test', 'bea@northwind.test'] });
  });

  it('saves the page’s person as a separate contact on Save as new', async () => {
    await saveKnown({ emails: ['bea@old.test'] });
    openPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Save as new' }));
    await screen.findByText('Contact saved.');
    expect((await db.contacts.toArray()).map((c) => c.emails[0]).sort()).toEqual(['bea@northwind.test', 'bea@old.test']);
  });
});

describe('a known customer', () => {
  it('shows the history of every channel and the value figures, each explained', async () => {
    const now = NOW.toISOString();
    const id = newId();
    await db.contacts.add({
      ...contactSchema.parse({ id, createdAt: now, updatedAt: now, updatedBy: 'sheet', firstName: 'Bea', lastName: 'Lindqvist', emails: ['bea@northwind.test'] }),
      stage: 'lead', valueClass: 'A', rfmSegment: "can't lose", clv: 1234.5, pAlive: 0.21, atRisk: true,
    });
    await send('addNote', { contactId: id, text: 'Prefers calls' });
    await send('logConversation', { contactId: id, type: 'call', outcome: 'Talked', durationMinutes: 5 });
    openPopup();
    const facts = await screen.findByTestId('facts');
    expect(facts.textContent).toContain('At risk');
    expect(facts.textContent).toContain('Class A');
    expect(facts.textContent).toContain('Can’t lose');
    expect(facts.textContent).toContain('CLV 1,235');
    expect(facts.textContent).toContain('21% still active');
    fireEvent.click(within(facts).getByRole('button', { name: 'What is this?' }));
    expect(facts.textContent).toContain('was among your best customers and has gone quiet');
    // A paying customer is not shown as a lead.
    expect(screen.getByTestId('status').textContent).toBe('Known · customer');
    const timeline = screen.getByTestId('timeline');
    expect(within(timeline).getAllByTestId('interaction').map((e) => e.dataset.type)).toEqual(['call', 'note']);
  });
});

describe('Today', () => {
  it('lists what is due with Done and Snooze', async () => {
    const id = await saveKnown();
    await send('addFollowUp', { contactId: id, dueAt: '2026-11-20', title: 'Send the quote' });
    await send('addFollowUp', { contactId: id, dueAt: '2026-11-23', title: 'Call back' });
    openPopup('en', { kind: 'today' });
    await screen.findByText('Send the quote');
    expect(screen.getAllByTestId('due-item')).toHaveLength(2);
    fireEvent.click(within(screen.getAllByTestId('due-item')[0]!).getByRole('button', { name: 'Done' }));
    await screen.findByText('Marked done.');
    await waitFor(() => expect(screen.getAllByTestId('due-item')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Snooze Call back' }));
    fireEvent.click(screen.getByRole('button', { name: '3 days' }));
    await screen.findByText('Snoozed until Thu 26 Nov, 09:00.');
    await waitFor(() => expect(screen.queryAllByTestId('due-item')).toHaveLength(0));
    expect((await db.followUps.toArray()).map((f) => [f.title, f.status]).sort()).toEqual([['Call back', 'snoozed'], ['Send the quote', 'done']]);
  });
});

describe('a long backlog', () => {
  it('shows the first 20 of a group and the rest on “Show all”', async () => {
    const id = await saveKnown();
    for (let i = 0; i < 25; i++) await send('addFollowUp', { contactId: id, dueAt: '2026-11-20', title: `Overdue ${i}` });
    openPopup('en', { kind: 'today' });
    await screen.findByText('Overdue 0');
    expect(screen.getAllByTestId('due-item')).toHaveLength(20);
    fireEvent.click(screen.getByRole('button', { name: 'Show all (25)' }));
    expect(screen.getAllByTestId('due-item')).toHaveLength(25);
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
    await screen.findByText('2 contacts saved.');
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
