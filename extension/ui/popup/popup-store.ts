import { signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Candidate, PageCapture } from '../../capture/candidate';
import { domainOf } from '../../capture/url';
import type { ContactSummary } from '../../db/contacts';
import type { Company } from '../../../shared/records';
import type { Answer, CandidateMatch, CompanyFields, ContactFields, RequestInput, Responses, SyncReport } from '../../messaging/protocol';
import type { Translate } from '../i18n';
import { localDay, quickDueDates } from './due-dates';
import { normaliseEmails } from '../../../shared/emails';

/** Sends a request to the service worker and gives back its answer. */
export type Send = <T extends RequestInput>(request: T) => Promise<Answer<T['type']>>;

export interface PopupDeps {
  send: Send;
  /** the tab to read, or null when the popup was opened for a selection */
  tabId: () => Promise<number | null>;
  t: Translate;
  now?: () => Date;
}

export interface CardState {
  key: string;
  /** an organisation is saved as a company, a person as a contact */
  kind: 'person' | 'organization';
  source: string;
  candidate: Candidate | null;
  company: Company | null;
  companyForm: CompanyFields;
  /** the known contact this card is about (after a match or a save) */
  known: ContactSummary | null;
  /** how the match was found; only email matches are certain enough to update without asking */
  matchedBy: 'email' | 'phone' | 'name' | null;
  /** exactly what Save writes */
  form: ContactFields;
  expanded: boolean;
  keepSnippet: boolean;
  note: string;
  notice: string;
  problem: string;
  busy: boolean;
  /** the person asked to delete the contact and is asked to confirm */
  confirmingDelete: boolean;
}

/** The form a card starts with: the known contact's values, gaps filled from the page. */
export function initialForm(candidate: Candidate | null, known: ContactSummary | null): ContactFields {
  const c = known?.contact;
  const union = (a: readonly string[] = [], b: readonly string[] = []) => [...new Set([...a, ...b].filter(Boolean))];
  return {
    firstName: c?.firstName || candidate?.firstName || '',
    lastName: c?.lastName || candidate?.lastName || '',
    emails: union(c?.emails, candidate ? normaliseEmails(candidate.emails) : []),
    phones: union(c?.phones, candidate?.phones),
    jobTitle: c?.jobTitle || candidate?.jobTitle || '',
    company: c?.company || candidate?.company || '',
    website: c?.website || candidate?.website || '',
    stage: c?.stage ?? 'lead',
    tags: c?.tags ?? [],
  };
}

/** People the user can write to come first; organisations and the site itself last. */
function peopleFirst(matches: CandidateMatch[]): CandidateMatch[] {
  const rank = ({ candidate: c }: CandidateMatch) => (c.role === 'organization' || c.source === 'site' ? 2 : c.emails.length ? 0 : 1);
  return [...matches].sort((a, b) => rank(a) - rank(b));
}

/** More people than this on an ordinary page are shown as a list with checkboxes, not as full cards. */
export const peopleListFrom = 5;

/** Whether the page's people are shown as the compact list: many people, and no open email to log. */
export function usesPeopleList(cards: readonly CardState[], page: PageCapture | null): boolean {
  return !page?.email && cards.filter((c) => c.kind === 'person').length >= peopleListFrom;
}

/** The company form: the known company's values, gaps filled from the page. */
export function initialCompanyForm(candidate: Candidate | null, company: Company | null): CompanyFields {
  return {
    name: company?.name || candidate?.company || candidate?.name || '',
    domain: company?.domain || domainOf(candidate?.website ?? '', candidate?.emails),
    emails: [...new Set([...(company?.emails ?? []), ...(candidate?.emails ?? [])])],
    phones: [...new Set([...(company?.phones ?? []), ...(candidate?.phones ?? [])])],
    address: company?.address || candidate?.address || '',
    tags: company?.tags ?? [],
  };
}

function cardFor(found: CandidateMatch, index: number): CardState {
  const known = found.match?.summary ?? null;
  const kind = found.candidate.role === 'organization' ? 'organization' : 'person';
  return {
    key: `${index}:${found.candidate.emails[0] ?? found.candidate.name}`,
    kind,
    source: found.candidate.source,
    candidate: found.candidate,
    company: found.company ?? null,
    companyForm: initialCompanyForm(found.candidate, found.company ?? null),
    known,
    matchedBy: found.match?.by ?? null,
    form: initialForm(found.candidate, known),
    expanded: index === 0,
    keepSnippet: false,
    note: '',
    notice: '',
    problem: '',
    busy: false,
    confirmingDelete: false,
  };
}

/** The popup's state as signals, created once per popup and passed down by context. */
export function createPopupStore(deps: PopupDeps) {
  const { t } = deps;
  const now = deps.now ?? (() => new Date());
  const page = signal<PageCapture | null>(null);
  const loading = signal(true);
  const loadProblem = signal('');
  const cards = signal<CardState[]>([]);
  const sync = signal<SyncReport | null>(null);
  const syncing = signal(false);
  /** people ticked in the compact list of a page with many people */
  const selected = signal<ReadonlySet<string>>(new Set());
  const savingSelected = signal(false);
  const selectionNotice = signal('');

  const card = (key: string) => cards.value.find((c) => c.key === key);
  const update = (key: string, patch: Partial<CardState>) => {
    cards.value = cards.value.map((c) => (c.key === key ? { ...c, ...patch } : c));
  };

  async function load() {
    loading.value = true;
    try {
      const tabId = await deps.tabId();
      if (tabId === null) {
        const answer = await deps.send({ type: 'consumeSelection' });
        if (answer.ok && answer.value) cards.value = [cardFor(answer.value, 0)];
      } else {
        const answer = await deps.send({ type: 'capture', tabId });
        if (!answer.ok) loadProblem.value = answer.message;
        else if (!answer.value.ok) loadProblem.value = answer.value.message;
        else {
          page.value = answer.value.page;
          const found = peopleFirst(answer.value.matches).map(cardFor);
          // In the compact list every person starts folded; the list is the overview.
          cards.value = usesPeopleList(found, answer.value.page) ? found.map((c) => ({ ...c, expanded: false })) : found;
        }
      }
    } catch (error) {
      loadProblem.value = error instanceof Error ? error.message : String(error);
    } finally {
      loading.value = false;
    }
  }

  function addManualCard() {
    const key = `manual:${cards.value.length}`;
    cards.value = [...cards.value, {
      key, kind: 'person', source: 'manual', candidate: null, company: null, companyForm: initialCompanyForm(null, null),
      known: null, matchedBy: null, form: initialForm(null, null),
      expanded: true, keepSnippet: false, note: '', notice: '', problem: '', busy: false, confirmingDelete: false,
    }];
  }

  function editForm(key: string, patch: Partial<ContactFields>) {
    const current = card(key);
    if (current) update(key, { form: { ...current.form, ...patch } });
  }

  const afterWrite = () => void refreshSync(false);

  /** Runs an action on a card, keeping the card busy and turning failures into a visible message. */
  async function act<T>(key: string, work: (state: CardState) => Promise<T>): Promise<T | undefined> {
    const state = card(key);
    if (!state || state.busy) return undefined;
    update(key, { busy: true, problem: '' });
    try {
      return await work(state);
    } catch (error) {
      update(key, { problem: error instanceof Error ? error.message : String(error) });
      return undefined;
    } finally {
      update(key, { busy: false });
    }
  }

  async function unwrap<T extends RequestInput>(request: T): Promise<Responses[T['type']]> {
    const answer = await deps.send(request);
    if (!answer.ok) throw new Error(answer.message);
    return answer.value as Responses[T['type']];
  }

  /** Saves the card's form; `asNew` saves a separate contact even when one matched. */
  async function save(key: string, asNew = false): Promise<ContactSummary | undefined> {
    return act(key, async (state) => {
      const contactId = asNew ? undefined : state.known?.contact.id;
      const { summary } = await unwrap({ type: 'saveContact', contactId, fields: state.form, source: state.source });
      update(key, { known: summary, matchedBy: 'email', form: initialForm(state.candidate, summary), notice: contactId ? t('updated') : t('saved') });
      afterWrite();
      return summary;
    });
  }

  function editCompany(key: string, patch: Partial<CompanyFields>) {
    const current = card(key);
    if (current) update(key, { companyForm: { ...current.companyForm, ...patch } });
  }

  async function saveCompany(key: string) {
    await act(key, async (state) => {
      const companyId = state.company?.id;
      const { company } = await unwrap({ type: 'saveCompany', companyId, fields: state.companyForm });
      update(key, { company, companyForm: initialCompanyForm(state.candidate, company), notice: companyId ? t('companyUpdated') : t('companySaved') });
      afterWrite();
    });
  }

  /** The card's contact, saving it first when it is not saved yet. */
  async function ensureContact(key: string): Promise<string | undefined> {
    const state = card(key);
    if (state?.known && state.matchedBy === 'email') return state.known.contact.id;
    return (await save(key))?.contact.id;
  }

  async function logOpenEmail(key: string) {
    const email = page.value?.email;
    if (!email) return;
    const contactId = await ensureContact(key);
    if (!contactId) return;
    await act(key, async (state) => {
      const result = await unwrap({ type: 'logEmail', contactId, email, url: page.value?.url ?? '', keepSnippet: state.keepSnippet });
      update(key, { known: result.summary, notice: result.alreadyLogged ? t('alreadyLogged') : t('emailLogged') });
      afterWrite();
    });
  }

  async function followUp(key: string, when: 'tomorrow' | 'in3Days' | 'nextWeek' | { date: string }) {
    const dueAt = typeof when === 'string' ? quickDueDates(now())[when] : when.date;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueAt)) return;
    const contactId = await ensureContact(key);
    if (!contactId) return;
    await act(key, async () => {
      const subject = page.value?.email?.subject;
      const { summary } = await unwrap({ type: 'addFollowUp', contactId, dueAt, title: subject ? `Follow up: ${subject}` : t('followUp') });
      update(key, { known: summary, notice: t('followUpSet', { date: dueAt }) });
      afterWrite();
    });
  }

  async function addNote(key: string) {
    const text = card(key)?.note.trim();
    if (!text) return;
    const contactId = await ensureContact(key);
    if (!contactId) return;
    await act(key, async () => {
      const { summary } = await unwrap({ type: 'addNote', contactId, text });
      update(key, { known: summary, note: '', notice: t('noteAdded') });
      afterWrite();
    });
  }

  /** Deletes the card's contact for everyone; the card then shows the page's person as new. */
  async function deleteContact(key: string) {
    await act(key, async (state) => {
      const contactId = state.known?.contact.id;
      if (!contactId) return;
      await unwrap({ type: 'deleteContact', contactId });
      update(key, { known: null, matchedBy: null, confirmingDelete: false, form: initialForm(state.candidate, null), notice: t('contactDeleted') });
      afterWrite();
    });
  }

  function toggleSelected(keys: string[], on: boolean) {
    const next = new Set(selected.value);
    for (const key of keys) {
      if (on) next.add(key);
      else next.delete(key);
    }
    selected.value = next;
  }

  /** Saves every ticked person, one after another, and unticks those saved. */
  async function saveSelected() {
    if (savingSelected.value) return;
    savingSelected.value = true;
    selectionNotice.value = '';
    let count = 0;
    try {
      for (const key of cards.value.map((c) => c.key).filter((k) => selected.value.has(k))) {
        if (await save(key)) {
          count++;
          toggleSelected([key], false);
        }
      }
      selectionNotice.value = t('savedSelected', { count });
    } finally {
      savingSelected.value = false;
    }
  }

  async function refreshSync(force: boolean) {
    const answer = await deps.send({ type: force ? 'syncNow' : 'syncStatus' });
    if (answer.ok) sync.value = answer.value as SyncReport;
  }

  async function syncNow() {
    syncing.value = true;
    try {
      await refreshSync(true);
      // Teammates' changes may have arrived: read the page's people again.
      const before = cards.value;
      await load();
      if (cards.value.length === 0 && before.length) cards.value = before;
    } finally {
      syncing.value = false;
    }
  }

  return {
    t, page, loading, loadProblem, cards, sync, syncing, selected, savingSelected, selectionNotice, today: () => localDay(now()),
    load, addManualCard, toggleSelected, saveSelected, editForm, editCompany, saveCompany, update, save, logOpenEmail, followUp, addNote, deleteContact, syncNow, refreshSync,
  };
}

export type PopupStore = ReturnType<typeof createPopupStore>;
export const PopupStoreContext = createContext<PopupStore | null>(null);
export function usePopupStore(): PopupStore {
  const store = useContext(PopupStoreContext);
  if (!store) throw new Error('usePopupStore outside PopupStoreContext');
  return store;
}
