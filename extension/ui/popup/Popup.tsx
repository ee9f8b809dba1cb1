import { useEffect } from 'preact/hooks';
import { CompanyCard } from './CompanyCard';
import { ContactCard, StatusBadge } from './ContactCard';
import { PeopleList } from './PeopleList';
import { usePopupStore, usesPeopleList, type CardState, type PopupStore } from './popup-store';
import { SyncFooter } from './SyncFooter';
import { TodayList } from './TodayList';

/** How long the last action can be undone. */
const UNDO_MS = 8000;

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The card a shortcut acts on: the one holding the focus, else the first person's. */
function activeCard(store: PopupStore): CardState | undefined {
  const key = (document.activeElement?.closest('[data-card]') as HTMLElement | null)?.dataset.card;
  const people = store.opened.value ? [store.opened.value] : store.view.value === 'page' ? store.cards.value.filter((c) => c.kind === 'person') : [];
  return people.find((c) => c.key === key) ?? people[0];
}

/** Single-key shortcuts (shown in the buttons' tooltips): L log the email, C call, T follow up tomorrow, N note. */
function onShortcut(store: PopupStore, event: KeyboardEvent) {
  if (event.key === 'Escape') {
    const open = activeCard(store);
    if (open?.panel) store.update(open.key, { panel: null });
    else window.close();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  const card = activeCard(store);
  if (!card || card.undecided) return;
  const key = event.key.toLowerCase();
  if (key === 'l' && store.page.value?.email && !store.opened.value) void store.logOpenEmail(card.key);
  else if (key === 'c') store.togglePanel(card.key, 'call');
  else if (key === 't') void store.followUp(card.key, 'tomorrow');
  else if (key === 'n') store.togglePanel(card.key, 'note');
  else return;
  event.preventDefault();
}

function ViewTabs() {
  const store = usePopupStore();
  const { t, i18n } = store;
  const due = store.todayList.value?.items.length ?? 0;
  const views = ['page', 'today'] as const;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = store.view.value === 'page' ? 'today' : 'page';
    store.showView(next);
    (document.getElementById(`tab-${next}`) as HTMLElement | null)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('views')} onKeyDown={onKeyDown}>
      {views.map((name) => (
        <button key={name} id={`tab-${name}`} type="button" role="tab" aria-selected={store.view.value === name} aria-controls="view"
          tabIndex={store.view.value === name ? 0 : -1} onClick={() => store.showView(name)}>
          {name === 'page' ? t('thisPage') : t('today')}
          {name === 'today' && due > 0 && <span class="count" aria-label={i18n.n('todayCount', due)}>{due}</span>}
        </button>
      ))}
    </div>
  );
}

function PageView() {
  const store = usePopupStore();
  const { t } = store;
  const email = store.page.value?.email ?? null;
  const cards = store.cards.value;
  if (store.loading.value) return <p class="empty">{t('readingPage')}</p>;
  return (
    <>
      {store.target.value?.kind === 'sample' && <p class="banner">{t('sampleBanner')}</p>}
      {store.loadProblem.value && <p class="problem" role="alert">{store.loadProblem.value}</p>}
      {cards.length === 0 && (
        <div class="empty">
          {!store.loadProblem.value && <p>{t('noContactFound')}</p>}
          <button type="button" onClick={store.addManualCard}>{t('addManually')}</button>
        </div>
      )}
      {usesPeopleList(cards, store.page.value) ? (
        <>
          <ul class="cards">{cards.filter((card) => card.kind === 'organization').map((card) => <CompanyCard key={card.key} card={card} />)}</ul>
          <PeopleList cards={cards.filter((card) => card.kind === 'person')}
            fullCard={(card) => <ul class="cards"><ContactCard card={card} canLog={false} /></ul>} badge={(card) => <StatusBadge card={card} />} />
        </>
      ) : (
        <ul class="cards">
          {cards.map((card) => (card.kind === 'organization' ? <CompanyCard key={card.key} card={card} /> : <ContactCard key={card.key} card={card} canLog={!!email} />))}
        </ul>
      )}
    </>
  );
}

export function Popup() {
  const store = usePopupStore();
  const email = store.page.value?.email ?? null;
  const offer = store.undoOffer.value;
  useEffect(() => {
    if (!offer) return;
    const timer = setTimeout(() => {
      if (store.undoOffer.value === offer) store.dismissUndo();
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [offer]);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onShortcut(store, event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
  return (
    <main class="popup">
      <header class="bar">
        <span class="brand"><img src="/icon/32.png" alt="" width={18} height={18} />{store.t('appName')}</span>
        <ViewTabs />
      </header>
      {store.view.value === 'page' && email && <div class="subject" title={email.subject}>{email.subject}</div>}
      <div class="content" id="view" role="tabpanel" aria-labelledby={`tab-${store.view.value}`}>
        {store.view.value === 'page' ? <PageView /> : <TodayList />}
      </div>
      <SyncFooter />
    </main>
  );
}
