import { signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { dayOf, localWallClock } from '../../../shared/calendar';
import { normaliseEmails } from '../../../shared/emails';
import type { Company, Deal } from '../../../shared/records';
import type { Candidate, PageCapture } from '../../capture/candidate';
import { domainOf } from '../../capture/url';
import type { ContactHistory, MatchedBy } from '../../db/contacts';
import type { TodayItem } from '../../db/today';
import type { UndoStep } from '../../db/undo';
import type { CompanyFields, ContactFields } from '../../messaging/fields';
import type { CandidateMatch, MessageName, RequestOf, ResponseOf } from '../../messaging/message-table';
import type { Problem } from '../../messaging/problems';
import type { Send } from '../../messaging/send';
import { atTimeOfDay, quickDays } from '../../reminders/due';
import type { SyncReport } from '../../sync/sync-service';
import type { I18n } from '../i18n';

/** What the popup was opened for. */
export type PopupTarget =
  | { kind: 'tab'; tabId: number }
  /** text sent with the context menu */
  | { kind: 'selection' }
  /** the welcome page's sample email */
  | { kind: 'sample' }
  /** straight to the Today list (from a notification) */
  | { kind: 'today' };

export interface PopupDeps {
  send: Send;
  target: () => Promise<PopupTarget>;
  i18n: I18n;
  /** 'HH:MM' new follow-ups are set for */
  followUpTime: () => Promise<string>;
  openOptions: () => void;
  now?: () => Date;
}

export type Panel = 'call' | 'followUp' | 'note' | 'deal' | 'delete' | null;

export interface CallForm {
  type: 'call' | 'meeting';
  direction: 'inbound' | 'outbound';
  outcome: string;
  minutes: string;
  summary: string;
}

export interface DealForm {
  name: string;
  amount: string;
  currency: string;
  stage: Deal['stage'];
  expectedClose: string;
}

export interface FollowUpForm {
  title: string;
  time: string;
  date: string;
}

export interface CardState {
  key: string;
  /** an organisation is saved as a company, a person as a contact */
  kind: 'person' | 'organization';
  source: string;
  candidate: Candidate | null;
  company: Company | null;
  companyForm: CompanyFields;
  /** the known contact this card is about (after a match or a save), with their history */
  known: ContactHistory | null;
  /** how the match was found */
  matchedBy: MatchedBy | null;
  /**
   * A match by phone or by name and company is a guess: nothing is written to either record until
   * the person picks Merge or Save as new. True while that choice is open.
   */
  undecided: boolean;
  /** exactly what Save writes */
  form: ContactFields;
  /** what the contact holds now (empty for a new one): Save is offered when the form differs */
  baseline: ContactFields;
  editing: boolean;
  /** in the compact list of many people: the row shows the full card */
  expanded: boolean;
  panel: Panel;
  keepSnippet: boolean;
  note: string;
  call: CallForm;
  deal: DealForm;
  followUp: FollowUpForm;
  showAllHistory: boolean;
  explain: boolean;
  notice: string;
  problem: string;
  busy: boolean;
}

/** The last action, undoable for a few seconds. */
interface UndoOffer {
  cardKey: string | null;
  message: string;
  step: UndoStep;
  contactId?: string;
}

const contactFieldNames = ['firstName', 'lastName', 'emails', 'phones', 'jobTitle', 'company', 'website', 'stage', 'tags', 'keepInTouchDays'] as const;
type ContactFieldName = (typeof contactFieldNames)[number];

const emptyForm = (): ContactFields => ({ firstName: '', lastName: '', emails: [], phones: [], jobTitle: '', company: '', website: '', stage: 'lead', tags: [], keepInTouchDays: null });

/** The contact as the form shows it. A customer who bought is shown as a customer, whatever stage was left behind. */
function formOf(known: ContactHistory): ContactFields {
  const c = known.contact;
  const stage = known.hasBought && (c.stage === 'lead' || c.stage === 'qualified') ? 'customer' : c.stage;
  return { firstName: c.firstName, lastName: c.lastName, emails: [...c.emails], phones: [...c.phones], jobTitle: c.jobTitle, company: c.company, website: c.website, stage, tags: [...c.tags], keepInTouchDays: c.keepInTouchDays };
}

/** The form a card starts with: the known contact's values, gaps filled from the page. */
export function initialForm(candidate: Candidate | null, known: ContactHistory | null): ContactFields {
  const base = known ? formOf(known) : emptyForm();
  const union = (a: readonly string[], b: readonly string[] = []) => [...new Set([...a, ...b].filter(Boolean))];
  return {
    ...base,
    firstName: base.firstName || candidate?.firstName || '',
    lastName: base.lastName || candidate?.lastName || '',
    emails: union(base.emails, candidate ? normaliseEmails(candidate.emails) : []),
    phones: union(base.phones, candidate?.phones),
    jobTitle: base.jobTitle || candidate?.jobTitle || '',
    company: base.company || candidate?.company || '',
    website: base.website || candidate?.website || '',
  };
}

/** The fields Save would change. */
export function changedFields(card: Pick<CardState, 'form' | 'baseline'>): ContactFieldName[] {
  return contactFieldNames.filter((field) => JSON.stringify(card.form[field]) !== JSON.stringify(card.baseline[field]));
}

/** People the user can write to come first; organisations and the site itself last. */
function peopleFirst(matches: CandidateMatch[]): CandidateMatch[] {
  const rank = ({ candidate: c }: CandidateMatch) => (c.role === 'organization' || c.source === 'site' ? 2 : c.emails.length ? 0 : 1);
  return [...matches].sort((a, b) => rank(a) - rank(b));
}

/** More people than this on an ordinary page are shown as a list with checkboxes, not as full cards. */
const peopleListFrom = 5;

/** Whether the page's people are shown as the compact list: many people, and no open email to log. */
export function usesPeopleList(cards: readonly CardState[], page: PageCapture | null): boolean {
  return !page?.email && cards.filter((c) => c.kind === 'person').length >= peopleListFrom;
}

/** The company form: the known company's values, gaps filled from the page. */
function initialCompanyForm(candidate: Candidate | null, company: Company | null): CompanyFields {
  return {
    name: company?.name || candidate?.company || candidate?.name || '',
    domain: company?.domain || domainOf(candidate?.website ?? '', candidate?.emails),
    emails: [...new Set([...(company?.emails ?? []), ...(candidate?.emails ?? [])])],
    phones: [...new Set([...(company?.phones ?? []), ...(candidate?.phones ?? [])])],
    address: company?.address || candidate?.address || '',
    tags: company?.tags ?? [],
  };
}

/** The name a card is titled with: the page's person (the known contact's only once it is certainly them). */
export function displayName(card: CardState, fallback: string): string {
  const person = card.undecided ? initialForm(card.candidate, null) : card.form;
  return `${person.firstName} ${person.lastName}`.trim() || card.candidate?.name || person.emails[0] || fallback;
}

/** The popup's state as signals, created once per popup and passed down by context. */
export function createPopupStore(deps: PopupDeps) {
  const { i18n } = deps;
  const { t } = i18n;
  const now = deps.now ?? (() => new Date());
  const today = () => dayOf(now(), localWallClock)!;
  const view = signal<'page' | 'today'>('page');
  /** the reader picked a tab: the popup no longer picks one for them */
  let viewChosen = false;
  const target = signal<PopupTarget | null>(null);
  const page = signal<PageCapture | null>(null);
  const loading = signal(true);
  const loadProblem = signal('');
  const cards = signal<CardState[]>([]);
  const sync = signal<SyncReport | null>(null);
  const syncing = signal(false);
  const todayList = signal<{ today: string; items: TodayItem[] } | null>(null);
  const todayNotice = signal('');
  /** a contact opened from the Today list */
  const opened = signal<CardState | null>(null);
  const undoOffer = signal<UndoOffer | null>(null);
  const followUpTime = signal('09:00');
  /** people ticked in the compact list of a page with many people */
  const selected = signal<ReadonlySet<string>>(new Set());
  const savingSelected = signal(false);
  const selectionNotice = signal('');

  const problemText = (problem: Problem) => i18n.label('problem', problem.code, { detail: problem.detail ?? '' });

  function newCard(key: string, found: { candidate: Candidate | null; match: CandidateMatch['match']; company: Company | null } | null): CardState {
    const known = found?.match?.history ?? null;
    const matchedBy = found?.match?.by ?? null;
    const candidate = found?.candidate ?? null;
    const email = page.value?.email;
    const name = `${candidate?.firstName ?? ''} ${candidate?.lastName ?? ''}`.trim() || candidate?.name || '';
    return {
      key,
      kind: candidate?.role === 'organization' ? 'organization' : 'person',
      source: candidate?.source ?? 'manual',
      candidate,
      company: found?.company ?? null,
      companyForm: initialCompanyForm(candidate, found?.company ?? null),
      known,
      matchedBy,
      undecided: Boolean(known && matchedBy !== 'email'),
      form: initialForm(candidate, known),
      baseline: known ? formOf(known) : emptyForm(),
      editing: !candidate,
      expanded: false,
      panel: null,
      keepSnippet: false,
      note: '',
      call: { type: 'call', direction: 'outbound', outcome: 'reached', minutes: '', summary: '' },
      deal: { name: email?.subject && candidate?.company ? t('dealNameFor', { company: candidate.company, subject: email.subject }) : email?.subject || candidate?.company || name, amount: '', currency: i18n.language === 'de' ? 'EUR' : 'USD', stage: 'prospecting', expectedClose: '' },
      followUp: { title: email?.subject ? t('followUpFromSubject', { subject: email.subject }) : name ? t('followUpWith', { name }) : t('followUp'), time: followUpTime.value, date: '' },
      showAllHistory: false,
      explain: false,
      notice: '',
      problem: '',
      busy: false,
    };
  }

  const card = (key: string) => (opened.value?.key === key ? opened.value : cards.value.find((c) => c.key === key));
  const update = (key: string, patch: Partial<CardState>) => {
    if (opened.value?.key === key) opened.value = { ...opened.value, ...patch };
    else cards.value = cards.value.map((c) => (c.key === key ? { ...c, ...patch } : c));
  };
  /** A card after its contact changed: the history shown, and the form's baseline. */
  const withHistory = (state: CardState, history: ContactHistory | null): Partial<CardState> =>
    history ? { known: history, baseline: formOf(history), form: state.editing ? state.form : initialForm(state.candidate, history) } : {};

  async function ask<K extends MessageName>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    const answer = await deps.send(type, request);
    if (!answer.ok) throw new Error(problemText(answer.problem));
    return answer.value;
  }

  async function load() {
    loading.value = true;
    loadProblem.value = '';
    try {
      // The usual follow-up time is read while the page is: cards need it, the reading does not.
      const time = deps.followUpTime().then((value) => void (followUpTime.value = value));
      const to = await deps.target();
      target.value = to;
      if (to.kind === 'today') {
        view.value = 'today';
        cards.value = [];
        await loadToday();
        return;
      }
      if (to.kind === 'selection') {
        const answer = await deps.send('consumeSelection', {});
        await time;
        if (answer.ok && answer.value) cards.value = [newCard('0', answer.value)];
        return;
      }
      const answer = to.kind === 'sample' ? await deps.send('consumeSample', {}) : await deps.send('capture', { tabId: to.tabId });
      if (!answer.ok) {
        loadProblem.value = problemText(answer.problem);
        return;
      }
      if (!answer.value) return;
      await time;
      page.value = answer.value.page;
      const found = peopleFirst(answer.value.matches).map((match, i) => newCard(`${i}:${match.candidate.emails[0] ?? match.candidate.name}`, match));
      cards.value = found;
    } catch (error) {
      loadProblem.value = error instanceof Error ? error.message : String(error);
    } finally {
      loading.value = false;
      // Nobody on the page: what is due is the useful thing to show.
      // (Unless the reader already picked a tab while the page was being read.)
      if (view.value === 'page' && !viewChosen && cards.value.length === 0 && !loadProblem.value) view.value = 'today';
    }
    // What is due comes second: the page's people first, then the Today tab's count (and list).
    if (target.value?.kind !== 'today') await loadToday();
  }

  async function loadToday() {
    const answer = await deps.send('today', {});
    if (answer.ok) todayList.value = answer.value;
    else todayNotice.value = problemText(answer.problem);
  }

  function addManualCard() {
    cards.value = [...cards.value, newCard(`manual:${cards.value.length}`, null)];
    view.value = 'page';
  }

  function editForm(key: string, patch: Partial<ContactFields>) {
    const current = card(key);
    if (current) update(key, { form: { ...current.form, ...patch } });
  }

  const afterWrite = () => {
    void refreshSync(false);
    if (todayList.value) void loadToday();
  };

  function offerUndo(cardKey: string | null, message: string, step: UndoStep | null, contactId?: string) {
    undoOffer.value = step ? { cardKey, message, step, contactId } : null;
  }

  /** Runs an action on a card, keeping the card busy and turning failures into a visible message. */
  async function act<T>(key: string, work: (state: CardState) => Promise<T>): Promise<T | undefined> {
    const state = card(key);
    if (!state || state.busy) return undefined;
    update(key, { busy: true, problem: '' });
    try {
      return await work(state);
    } catch (error) {
      update(key, { problem: error instanceof Error ? error.message : String(error), notice: '' });
      return undefined;
    } finally {
      update(key, { busy: false });
    }
  }

  /** Saves the card's form; `asNew` saves a separate contact even when one matched. */
  async function save(key: string, asNew = false): Promise<ContactHistory | undefined> {
    return act(key, async (state) => {
      const contactId = asNew ? undefined : state.known?.contact.id;
      // As new: the page's person alone, none of the look-alike's details.
      const fields = asNew && state.undecided ? initialForm(state.candidate, null) : state.form;
      const { history, undo } = await ask('saveContact', { contactId, fields, source: state.source });
      const message = contactId ? t('updated') : t('saved');
      update(key, { known: history, matchedBy: 'email', undecided: false, baseline: formOf(history), form: initialForm(state.candidate, history), editing: false, notice: message });
      offerUndo(key, message, undo, history.contact.id);
      afterWrite();
      return history;
    });
  }

  /** Merge (the page's person is the known contact) or Save as new: the choice a guessed match waits for. */
  async function decide(key: string, merge: boolean) {
    await save(key, !merge);
  }

  function editCompany(key: string, patch: Partial<CompanyFields>) {
    const current = card(key);
    if (current) update(key, { companyForm: { ...current.companyForm, ...patch } });
  }

  async function saveCompany(key: string) {
    await act(key, async (state) => {
      const companyId = state.company?.id;
      const { company } = await ask('saveCompany', { companyId, fields: state.companyForm });
      update(key, { company, companyForm: initialCompanyForm(state.candidate, company), notice: companyId ? t('companyUpdated') : t('companySaved') });
      afterWrite();
    });
  }

  /** The card's contact, saving it first when it is not saved yet; none while a guessed match waits for a choice. */
  async function ensureContact(key: string): Promise<string | undefined> {
    const state = card(key);
    if (!state || state.undecided) return undefined;
    if (state.known) return state.known.contact.id;
    return (await save(key))?.contact.id;
  }

  /** Runs a write that returns the contact's new history, with a notice and an Undo. */
  async function write(key: string, run: (contactId: string, state: CardState) => Promise<{ history: ContactHistory | null; undo: UndoStep | null; notice: string; patch?: Partial<CardState> }>) {
    const contactId = await ensureContact(key);
    if (!contactId) return;
    await act(key, async (state) => {
      const result = await run(contactId, state);
      update(key, { ...withHistory(state, result.history), ...result.patch, notice: result.notice });
      offerUndo(key, result.notice, result.undo, contactId);
      afterWrite();
    });
  }

  async function logOpenEmail(key: string) {
    const email = page.value?.email;
    if (!email) return;
    await write(key, async (contactId, state) => {
      const result = await ask('logEmail', { contactId, email, url: page.value?.url ?? '', keepSnippet: state.keepSnippet });
      return { history: result.history, undo: result.undo, notice: result.alreadyLogged ? t('alreadyLogged') : t('emailLogged') };
    });
  }

  async function logConversation(key: string) {
    await write(key, async (contactId, state) => {
      const minutes = Number.parseInt(state.call.minutes, 10);
      const { history, undo } = await ask('logConversation', {
        contactId, type: state.call.type, direction: state.call.type === 'call' ? state.call.direction : '',
        outcome: state.call.type === 'call' ? i18n.label('callOutcome', state.call.outcome) : '',
        durationMinutes: Number.isFinite(minutes) && minutes >= 0 ? minutes : null, summary: state.call.summary.trim(),
      });
      return { history, undo, notice: state.call.type === 'call' ? t('callLogged') : t('meetingLogged'), patch: { panel: null, call: { ...state.call, summary: '', minutes: '' } } };
    });
  }

  /** The day and time a quick choice stands for, as the instant stored. */
  function dueAtFor(when: 'tomorrow' | 'in3Days' | 'nextWeek' | { date: string }, time: string): { dueAt: string; label: string } | null {
    const day = typeof when === 'string' ? quickDays(today())[when] : when.date;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
    const at = atTimeOfDay(day, time, localWallClock);
    return { dueAt: at.toISOString(), label: i18n.dateTime(at) };
  }

  async function followUp(key: string, when: 'tomorrow' | 'in3Days' | 'nextWeek' | { date: string }) {
    const state = card(key);
    if (!state) return;
    const due = dueAtFor(when, state.followUp.time || followUpTime.value);
    if (!due) return;
    await write(key, async (contactId, current) => {
      const { history, undo } = await ask('addFollowUp', { contactId, dueAt: due.dueAt, title: current.followUp.title.trim() || t('followUp') });
      return { history, undo, notice: t('followUpSet', { when: due.label }), patch: { panel: null } };
    });
  }

  async function addNote(key: string) {
    const text = card(key)?.note.trim();
    if (!text) return;
    await write(key, async (contactId) => {
      const { history, undo } = await ask('addNote', { contactId, text });
      return { history, undo, notice: t('noteAdded'), patch: { note: '', panel: null } };
    });
  }

  async function openDeal(key: string) {
    const form = card(key)?.deal;
    if (!form?.name.trim()) return;
    await write(key, async (contactId) => {
      const amount = Number.parseFloat(form.amount.replace(',', '.'));
      const { history, undo } = await ask('openDeal', {
        contactId, name: form.name.trim(), amount: Number.isFinite(amount) ? amount : null, currency: form.currency, stage: form.stage, expectedClose: form.expectedClose,
      });
      return { history, undo, notice: t('dealOpened'), patch: { panel: null } };
    });
  }

  async function moveDeal(key: string, dealId: string, stage: Deal['stage']) {
    await write(key, async () => {
      const { history, undo } = await ask('moveDeal', { dealId, stage });
      return { history, undo, notice: t('dealMoved', { stage: i18n.label('dealStage', stage) }) };
    });
  }

  /** Done or Snooze, from a card's history or from the Today list (key null). */
  async function settleFollowUp(key: string | null, followUpId: string, change: 'done' | { until: string }) {
    const request = change === 'done' ? { followUpId, done: true as const } : { followUpId, snoozeUntil: change.until };
    const notice = change === 'done' ? t('markedDone') : t('snoozedUntil', { when: /T/.test(change.until) ? i18n.dateTime(change.until) : i18n.day(change.until) });
    if (key) {
      await write(key, async () => {
        const { history, undo } = await ask('settleFollowUp', request);
        return { history, undo, notice };
      });
      return;
    }
    const answer = await deps.send('settleFollowUp', request);
    if (!answer.ok) {
      todayNotice.value = problemText(answer.problem);
      return;
    }
    todayNotice.value = notice;
    offerUndo(null, notice, answer.value.undo);
    afterWrite();
    await loadToday();
  }

  /** Snooze targets: one day, three days, next week's Monday, at the usual time; or a picked day. */
  function snoozeUntil(choice: 'snooze1Day' | 'in3Days' | 'nextWeek' | { date: string }): string | null {
    const when = choice === 'snooze1Day' ? 'tomorrow' : choice;
    return dueAtFor(when, followUpTime.value)?.dueAt ?? null;
  }

  /** A keep-in-touch contact reached (a note in their history resets the cadence), or put off with a follow-up. */
  async function settleCadence(item: Extract<TodayItem, { kind: 'cadence' }>, change: 'done' | { until: string }) {
    const name = `${item.contact.firstName} ${item.contact.lastName}`.trim() || item.contact.emails[0] || '';
    const answer = change === 'done'
      ? await deps.send('addNote', { contactId: item.contact.id, text: t('keptInTouchNote') })
      : await deps.send('addFollowUp', { contactId: item.contact.id, dueAt: change.until, title: t('keepInTouchTitle', { name }) });
    if (!answer.ok) {
      todayNotice.value = problemText(answer.problem);
      return;
    }
    const notice = change === 'done' ? t('markedDone') : t('snoozedUntil', { when: i18n.dateTime(change.until) });
    todayNotice.value = notice;
    offerUndo(null, notice, answer.value.undo);
    afterWrite();
    await loadToday();
  }

  /** Opens a contact from the Today list as a card with its history. */
  async function openContact(contactId: string) {
    const answer = await deps.send('contact', { contactId });
    if (!answer.ok) {
      todayNotice.value = problemText(answer.problem);
      return;
    }
    const state = newCard(`contact:${contactId}`, { candidate: null, match: { history: answer.value, by: 'email' }, company: null });
    opened.value = { ...state, source: answer.value.contact.source || 'manual', editing: false };
  }

  async function showAllHistory(key: string) {
    const state = card(key);
    if (!state?.known) return;
    const answer = await deps.send('contact', { contactId: state.known.contact.id, interactionLimit: 1000 });
    if (answer.ok) update(key, { known: answer.value, showAllHistory: true });
  }

  async function undo() {
    const offer = undoOffer.value;
    if (!offer) return;
    undoOffer.value = null;
    const answer = await deps.send('undo', { step: offer.step, contactId: offer.contactId });
    const state = offer.cardKey ? card(offer.cardKey) : null;
    if (!answer.ok) {
      if (state) update(state.key, { problem: problemText(answer.problem) });
      else todayNotice.value = problemText(answer.problem);
      return;
    }
    if (state) {
      const history = answer.value.history;
      // Undoing the save of a new contact leaves the page's person unsaved again.
      update(state.key, history ? { ...withHistory(state, history), notice: t('undone') } : { known: null, matchedBy: null, baseline: emptyForm(), form: initialForm(state.candidate, null), notice: t('undone') });
    } else todayNotice.value = t('undone');
    afterWrite();
    if (view.value === 'today') await loadToday();
  }

  /** Deletes the card's contact for everyone; the card then shows the page's person as new. */
  async function deleteContact(key: string) {
    await act(key, async (state) => {
      const contactId = state.known?.contact.id;
      if (!contactId) return;
      await ask('deleteContact', { contactId });
      update(key, { known: null, matchedBy: null, undecided: false, panel: null, baseline: emptyForm(), form: initialForm(state.candidate, null), notice: t('contactDeleted') });
      undoOffer.value = null;
      afterWrite();
    });
  }

  function togglePanel(key: string, panel: Panel) {
    const state = card(key);
    if (state) update(key, { panel: state.panel === panel ? null : panel, notice: '', problem: '' });
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
      undoOffer.value = null;
      selectionNotice.value = i18n.n('savedSelected', count);
    } finally {
      savingSelected.value = false;
    }
  }

  async function refreshSync(force: boolean) {
    const answer = force ? await deps.send('syncNow', {}) : await deps.send('syncStatus', {});
    if (answer.ok) sync.value = answer.value;
  }

  async function syncNow() {
    syncing.value = true;
    try {
      await refreshSync(true);
      // Teammates' changes may have arrived: read the page's people again, and what is due.
      const before = cards.value;
      if (target.value?.kind === 'tab') await load();
      else await loadToday();
      if (cards.value.length === 0 && before.length) cards.value = before;
    } finally {
      syncing.value = false;
    }
  }

  function showView(next: 'page' | 'today') {
    viewChosen = true;
    view.value = next;
    opened.value = null;
    if (next === 'today') void loadToday();
  }

  return {
    i18n, t, view, target, page, loading, loadProblem, cards, sync, syncing, todayList, todayNotice, opened, undoOffer, followUpTime,
    selected, savingSelected, selectionNotice, today, quickDays: () => quickDays(today()),
    load, loadToday, showView, addManualCard, toggleSelected, saveSelected, editForm, editCompany, saveCompany, update, save, decide,
    logOpenEmail, logConversation, followUp, addNote, openDeal, moveDeal, settleFollowUp, snoozeUntil, settleCadence, openContact,
    closeContact: () => (opened.value = null), showAllHistory, undo, dismissUndo: () => (undoOffer.value = null), deleteContact, togglePanel,
    syncNow, refreshSync, openOptions: deps.openOptions,
  };
}

export type PopupStore = ReturnType<typeof createPopupStore>;
export const PopupStoreContext = createContext<PopupStore | null>(null);
export function usePopupStore(): PopupStore {
  const store = useContext(PopupStoreContext);
  if (!store) throw new Error('usePopupStore outside PopupStoreContext');
  return store;
}
