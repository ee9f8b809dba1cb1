import type { CardState } from './popup-store';
import { usePopupStore } from './popup-store';

const sourceLabels: Record<string, string> = {
  gmail: 'Gmail', outlook: 'Outlook', 'json-ld': 'Page data', 'h-card': 'h-card', mailto: 'Email link', tel: 'Phone link',
  vcard: 'vCard', signature: 'Signature', selection: 'Selection', site: 'Website',
};

const shortDate = (iso: string) => (iso ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : '');

export function Popup() {
  const store = usePopupStore();
  const email = store.page.value?.email ?? null;
  return (
    <main class="popup">
      <header class="bar">
        <span class="brand">Rapport</span>
        {email && <span class="subject" title={email.subject}>{email.subject || '(no subject)'}</span>}
      </header>
      {store.loading.value && <p class="empty">Reading the page…</p>}
      {store.loadError.value && <p class="problem" role="alert">{store.loadError.value}</p>}
      {!store.loading.value && !store.loadError.value && store.others.value.length === 0 && (
        <p class="empty">No contact found on this page.</p>
      )}
      <ul class="cards">
        {store.others.value.map((card) => <ContactCard key={card.key} card={card} canLog={!!email} />)}
      </ul>
      <SyncFooter />
    </main>
  );
}

function ContactCard({ card, canLog }: { card: CardState; canLog: boolean }) {
  const store = usePopupStore();
  const { candidate, known } = card;
  const contact = known?.contact;
  const name = contact ? `${contact.firstName} ${contact.lastName}`.trim() : candidate.name;
  const jobLine = [contact?.jobTitle || candidate.jobTitle, contact?.company || candidate.company].filter(Boolean).join(' · ');
  return (
    <li class="card" data-testid="candidate">
      <div class="card-head">
        <div>
          <div class="name" data-testid="name">{name || candidate.emails[0]}</div>
          {jobLine && <div class="job" data-testid="job">{jobLine}</div>}
          <div class="email">{candidate.emails[0]}</div>
        </div>
        <span class={contact ? 'badge known' : 'badge new'} data-testid="status">
          {contact ? `Known · ${contact.stage}` : 'New'}
        </span>
      </div>
      <div class="meta">
        <span class="source">from {sourceLabels[candidate.source] ?? candidate.source}</span>
        {known?.lastInteraction && <span>last contact {shortDate(known.lastInteraction.occurredAt || known.lastInteraction.createdAt)}</span>}
        {known && known.openFollowUps.length > 0 && <span>{known.openFollowUps.length} open follow-up(s)</span>}
      </div>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void store.save(card.key)}>
          {contact ? 'Update contact' : 'Save contact'}
        </button>
        {canLog && (
          <button type="button" onClick={() => void store.logOpenEmail(card.key)}>Log email</button>
        )}
      </div>
      {card.notice && <p class="notice" role="status">{card.notice}</p>}
    </li>
  );
}

function SyncFooter() {
  const store = usePopupStore();
  const report = store.sync.value;
  const state = !report ? '' : report.ok ? (report.pending ? `${report.pending} change(s) waiting to sync` : 'All changes synced') : report.message;
  return (
    <footer class="bar footer">
      <span class={report && !report.ok ? 'sync-state problem' : 'sync-state'} data-testid="sync-state">{state}</span>
      <button type="button" disabled={store.syncing.value} onClick={() => void store.syncNow()}>
        {store.syncing.value ? 'Syncing…' : 'Sync now'}
      </button>
    </footer>
  );
}
