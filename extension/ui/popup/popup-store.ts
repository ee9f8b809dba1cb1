import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Candidate, PageCapture } from '../../capture/candidate';
import { findContactByEmail, saveContact, summariseContact, type ContactSummary } from '../../db/contacts';
import type { RapportDatabase } from '../../db/database';
import { logEmail } from '../../db/interactions';
import type { SyncReport } from '../../messages';

export interface PopupDeps {
  db: RapportDatabase;
  /** reads the page the popup was opened on */
  readPage: () => Promise<PageCapture>;
  author: () => Promise<string>;
  requestSync: (force: boolean) => Promise<SyncReport | undefined>;
  now?: () => Date;
}

export interface CardState {
  key: string;
  candidate: Candidate;
  known: ContactSummary | null;
  notice: string;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The popup's state as signals, created once per popup and passed down by context. */
export function createPopupStore(deps: PopupDeps) {
  const page = signal<PageCapture | null>(null);
  const loadError = signal('');
  const loading = signal(true);
  const cards = signal<CardState[]>([]);
  const sync = signal<SyncReport | null>(null);
  const syncing = signal(false);
  const others = computed(() => cards.value.filter((c) => !c.candidate.isSelf));

  const updateCard = (key: string, patch: Partial<CardState>) => {
    cards.value = cards.value.map((c) => (c.key === key ? { ...c, ...patch } : c));
  };

  async function lookUp(candidate: Candidate): Promise<ContactSummary | null> {
    const contact = await findContactByEmail(deps.db, candidate.emails);
    return contact ? summariseContact(deps.db, contact) : null;
  }

  async function load() {
    loading.value = true;
    try {
      const capture = await deps.readPage();
      page.value = capture;
      cards.value = await Promise.all(
        capture.candidates.map(async (candidate, index) => ({
          key: `${index}:${candidate.emails[0] ?? candidate.name}`,
          candidate,
          known: await lookUp(candidate),
          notice: '',
        })),
      );
    } catch (error) {
      loadError.value = `Rapport could not read this page: ${errorText(error)}`;
    } finally {
      loading.value = false;
    }
  }

  async function refreshKnown(key: string) {
    const card = cards.value.find((c) => c.key === key);
    if (card) updateCard(key, { known: await lookUp(card.candidate) });
  }

  function afterWrite() {
    void deps.requestSync(true).then((report) => {
      if (report) sync.value = report;
    });
  }

  async function save(key: string) {
    const card = cards.value.find((c) => c.key === key);
    if (!card) return;
    const { candidate, known } = card;
    const existing = known?.contact;
    const contact = await saveContact(deps.db, {
      ...(existing ? { id: existing.id } : { source: candidate.source }),
      firstName: existing?.firstName || candidate.firstName,
      lastName: existing?.lastName || candidate.lastName,
      emails: [...(existing?.emails ?? []), ...candidate.emails],
      phones: [...new Set([...(existing?.phones ?? []), ...candidate.phones])],
      jobTitle: existing?.jobTitle || candidate.jobTitle,
      company: existing?.company || candidate.company,
      website: existing?.website || candidate.website,
    }, await deps.author());
    updateCard(key, { known: await summariseContact(deps.db, contact), notice: existing ? 'Contact updated.' : 'Contact saved.' });
    afterWrite();
  }

  async function logOpenEmail(key: string) {
    const email = page.value?.email;
    if (!email) return;
    let card = cards.value.find((c) => c.key === key);
    if (!card) return;
    if (!card.known) {
      await save(key);
      card = cards.value.find((c) => c.key === key);
    }
    const contactId = card?.known?.contact.id;
    if (!contactId) return;
    const result = await logEmail(deps.db, { contactId, email, url: page.value?.url ?? '', keepSnippet: false }, await deps.author());
    await refreshKnown(key);
    updateCard(key, { notice: result.alreadyLogged ? 'This email is already logged.' : 'Email logged.' });
    if (!result.alreadyLogged) afterWrite();
  }

  async function syncNow() {
    syncing.value = true;
    try {
      sync.value = (await deps.requestSync(true)) ?? null;
      for (const card of cards.value) await refreshKnown(card.key);
    } finally {
      syncing.value = false;
    }
  }

  async function loadSyncStatus() {
    sync.value = (await deps.requestSync(false)) ?? null;
  }

  return { page, loadError, loading, cards, others, sync, syncing, load, save, logOpenEmail, syncNow, loadSyncStatus };
}

export type PopupStore = ReturnType<typeof createPopupStore>;
export const PopupStoreContext = createContext<PopupStore | null>(null);
export function usePopupStore(): PopupStore {
  const store = useContext(PopupStoreContext);
  if (!store) throw new Error('usePopupStore outside PopupStoreContext');
  return store;
}
