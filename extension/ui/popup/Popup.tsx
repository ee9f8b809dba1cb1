import { lifecycleStages } from '../../../shared/vocabulary';
import { translateValue } from '../i18n';
import { canonicalList } from '../../../shared/cell-codec';
import { PeopleList } from './PeopleList';
import { usePopupStore, usesPeopleList, type CardState } from './popup-store';

/** What a list field's text holds, split the way a sheet cell splits it. */
const listFrom = (text: string) => canonicalList([text]);

export function Popup() {
  const store = usePopupStore();
  const { t } = store;
  const email = store.page.value?.email ?? null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') window.close();
  };
  return (
    <main class="popup" onKeyDown={onKeyDown}>
      <header class="bar">
        <span class="brand">Rapport</span>
        {email && <span class="subject" title={email.subject}>{email.subject}</span>}
      </header>
      {store.loading.value && <p class="empty">{t('readingPage')}</p>}
      {store.loadProblem.value && <p class="problem" role="alert">{store.loadProblem.value}</p>}
      {!store.loading.value && store.cards.value.length === 0 && (
        <div class="empty">
          {!store.loadProblem.value && <p>{t('noContactFound')}</p>}
          <button type="button" onClick={store.addManualCard}>{t('addManually')}</button>
        </div>
      )}
      {usesPeopleList(store.cards.value, store.page.value) ? (
        <>
          <ul class="cards">
            {store.cards.value.filter((card) => card.kind === 'organization').map((card) => <CompanyCard key={card.key} card={card} />)}
          </ul>
          <PeopleList cards={store.cards.value.filter((card) => card.kind === 'person')}
            fullCard={(card) => <ul class="cards"><ContactCard card={card} canLog={false} /></ul>} badge={(card) => <StatusBadge card={card} />} />
        </>
      ) : (
        <ul class="cards">
          {store.cards.value.map((card) =>
            card.kind === 'organization' ? <CompanyCard key={card.key} card={card} /> : <ContactCard key={card.key} card={card} canLog={!!email} />)}
        </ul>
      )}
      <SyncFooter />
    </main>
  );
}

const money = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 0 });
const shortDate = (iso: string) => (iso ? new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : '');

function StatusBadge({ card }: { card: CardState }) {
  const { t } = usePopupStore();
  const contact = card.known?.contact;
  if (!contact) return <span class="badge new" data-testid="status">{t('new')}</span>;
  if (card.matchedBy === 'email') return <span class="badge known" data-testid="status">{`${t('known')} · ${translateValue(t, 'stage_', contact.stage)}`}</span>;
  return <span class="badge maybe" data-testid="status">{t('looksLike', { name: `${contact.firstName} ${contact.lastName}`.trim() })}</span>;
}

function KnownFacts({ card }: { card: CardState }) {
  const { t } = usePopupStore();
  const known = card.known;
  if (!known) return null;
  const { contact, lastInteraction, openFollowUps } = known;
  const next = openFollowUps[0];
  return (
    <div class="facts" data-testid="facts">
      {contact.atRisk && <span class="chip risk">{t('atRisk')}</span>}
      {contact.valueClass && <span class="chip">{t('valueClass', { value: contact.valueClass })}</span>}
      {contact.rfmSegment && <span class="chip">{contact.rfmSegment}</span>}
      {contact.clv != null && <span class="chip">{t('clv', { value: money(contact.clv) })}</span>}
      {contact.leadScore != null && !contact.valueClass && <span class="chip">{t('leadScore', { value: Math.round(contact.leadScore) })}</span>}
      {lastInteraction && <span>{t('lastContact', { date: shortDate(lastInteraction.occurredAt || lastInteraction.createdAt) })}</span>}
      {openFollowUps.length > 0 && <span>{t('openFollowUps', { count: openFollowUps.length })}</span>}
      {next && <span class="next">{t('nextFollowUp', { title: next.title, date: shortDate(next.dueAt) })}</span>}
    </div>
  );
}

function Field({ label, value, onInput, name }: { label: string; value: string; onInput: (v: string) => void; name: string }) {
  return (
    <label class="field">
      <span>{label}</span>
      <input name={name} type="text" value={value} onInput={(e) => onInput(e.currentTarget.value)} />
    </label>
  );
}

function ContactCard({ card, canLog }: { card: CardState; canLog: boolean }) {
  const store = usePopupStore();
  const { t } = store;
  const { form, key } = card;
  const contact = card.known?.contact;
  const name = `${form.firstName} ${form.lastName}`.trim() || card.candidate?.name || form.emails[0] || t('manualEntry');
  const jobLine = [form.jobTitle, form.company].filter(Boolean).join(' · ');
  const edit = (patch: Parameters<typeof store.editForm>[1]) => store.editForm(key, patch);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void store.save(key);
  };
  const uncertain = contact && card.matchedBy !== 'email';
  return (
    <li class="card" data-testid="candidate" aria-busy={card.busy}>
      <div class="card-head">
        <div class="who">
          <div class="name" data-testid="name">{name}</div>
          {jobLine && <div class="job" data-testid="job">{jobLine}</div>}
          {form.emails[0] && <div class="email">{form.emails[0]}</div>}
        </div>
        <StatusBadge card={card} />
      </div>
      <div class="meta">
        <span class="source">
          {t('from', { source: translateValue(t, 'source_', card.source) })}
          {card.candidate && ['sender', 'to', 'cc'].includes(card.candidate.role) && ` · ${translateValue(t, 'role_', card.candidate.role)}`}
        </span>
        {card.matchedBy === 'phone' && <span>({t('matchedByPhone')})</span>}
        {card.matchedBy === 'name' && <span>({t('matchedByName')})</span>}
      </div>
      <KnownFacts card={card} />
      <form onSubmit={onSubmit} onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit(e); }}>
        <button type="button" class="link" aria-expanded={card.expanded} onClick={() => store.update(key, { expanded: !card.expanded })}>
          {card.expanded ? t('hideDetails') : t('showDetails')}
        </button>
        {card.expanded && (
          <div class="fields">
            <Field name="firstName" label={t('firstName')} value={form.firstName} onInput={(v) => edit({ firstName: v })} />
            <Field name="lastName" label={t('lastName')} value={form.lastName} onInput={(v) => edit({ lastName: v })} />
            <Field name="emails" label={t('email')} value={form.emails.join(', ')} onInput={(v) => edit({ emails: listFrom(v) })} />
            <Field name="phones" label={t('phone')} value={form.phones.join(', ')} onInput={(v) => edit({ phones: listFrom(v) })} />
            <Field name="jobTitle" label={t('jobTitle')} value={form.jobTitle} onInput={(v) => edit({ jobTitle: v })} />
            <Field name="company" label={t('company')} value={form.company} onInput={(v) => edit({ company: v })} />
            <Field name="website" label={t('website')} value={form.website} onInput={(v) => edit({ website: v })} />
            <label class="field">
              <span>{t('stage')}</span>
              <select name="stage" value={form.stage} onChange={(e) => edit({ stage: e.currentTarget.value as typeof form.stage })}>
                {lifecycleStages.map((stage) => <option key={stage} value={stage}>{translateValue(t, 'stage_', stage)}</option>)}
              </select>
            </label>
            <Field name="tags" label={t('tags')} value={form.tags.join(', ')} onInput={(v) => edit({ tags: listFrom(v) })} />
            <p class="hint">{t('whatIsSaved')}</p>
          </div>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={card.busy}>
            {!contact ? t('save') : uncertain ? t('mergeInto', { name: `${contact.firstName} ${contact.lastName}`.trim() }) : t('update')}
          </button>
          {uncertain && <button type="button" disabled={card.busy} onClick={() => void store.save(key, true)}>{t('saveAsNew')}</button>}
          {canLog && <button type="button" disabled={card.busy} onClick={() => void store.logOpenEmail(key)}>{t('logEmail')}</button>}
        </div>
      </form>
      {card.expanded && canLog && (
        <label class="check">
          <input type="checkbox" checked={card.keepSnippet} onChange={(e) => store.update(key, { keepSnippet: e.currentTarget.checked })} />
          {t('keepSnippet')}
        </label>
      )}
      {card.expanded && (
        <div class="follow-up" role="group" aria-label={t('followUp')}>
          <span class="label">{t('followUp')}</span>
          <button type="button" disabled={card.busy} onClick={() => void store.followUp(key, 'tomorrow')}>{t('tomorrow')}</button>
          <button type="button" disabled={card.busy} onClick={() => void store.followUp(key, 'in3Days')}>{t('in3Days')}</button>
          <button type="button" disabled={card.busy} onClick={() => void store.followUp(key, 'nextWeek')}>{t('nextWeek')}</button>
          <input type="date" aria-label={t('onDate')} min={store.today()} disabled={card.busy} onChange={(e) => { if (e.currentTarget.value) void store.followUp(key, { date: e.currentTarget.value }); }} />
        </div>
      )}
      {card.expanded && (
        <div class="note">
          <textarea aria-label={t('note')} placeholder={t('note')} rows={1} value={card.note} onInput={(e) => store.update(key, { note: e.currentTarget.value })} />
          <button type="button" disabled={card.busy || !card.note.trim()} onClick={() => void store.addNote(key)}>{t('addNote')}</button>
        </div>
      )}
      {card.expanded && contact && !card.confirmingDelete && (
        <button type="button" class="link danger" disabled={card.busy} onClick={() => store.update(key, { confirmingDelete: true })}>{t('deleteContact')}</button>
      )}
      {contact && card.confirmingDelete && (
        <div class="confirm" role="group" aria-label={t('deleteContact')}>
          <p>{t('deleteContactConfirm', { name: `${contact.firstName} ${contact.lastName}`.trim() || contact.emails[0] || '' })}</p>
          <button type="button" class="danger" disabled={card.busy} onClick={() => void store.deleteContact(key)}>{t('deleteForEveryone')}</button>
          <button type="button" disabled={card.busy} onClick={() => store.update(key, { confirmingDelete: false })}>{t('cancel')}</button>
        </div>
      )}
      {card.notice && !card.problem && <p class="notice" role="status">{card.notice}</p>}
      {card.problem && <p class="problem" role="alert">{card.problem}</p>}
    </li>
  );
}

function CompanyCard({ card }: { card: CardState }) {
  const store = usePopupStore();
  const { t } = store;
  const { companyForm: form, key, company } = card;
  const edit = (patch: Parameters<typeof store.editCompany>[1]) => store.editCompany(key, patch);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void store.saveCompany(key);
  };
  return (
    <li class="card" data-testid="candidate" aria-busy={card.busy}>
      <div class="card-head">
        <div class="who">
          <div class="name" data-testid="name">{form.name}</div>
          {form.domain && <div class="email">{form.domain}</div>}
          {form.emails.length > 0 && <div class="email" data-testid="company-emails">{form.emails.join(', ')}</div>}
        </div>
        <span class={company ? 'badge known' : 'badge new'} data-testid="status">{company ? t('knownCompany') : t('new')}</span>
      </div>
      <div class="meta"><span class="source">{t('from', { source: translateValue(t, 'source_', card.source) })}</span></div>
      <form onSubmit={onSubmit}>
        <button type="button" class="link" aria-expanded={card.expanded} onClick={() => store.update(key, { expanded: !card.expanded })}>
          {card.expanded ? t('hideDetails') : t('showDetails')}
        </button>
        {card.expanded && (
          <div class="fields">
            <Field name="name" label={t('companyName')} value={form.name} onInput={(v) => edit({ name: v })} />
            <Field name="domain" label={t('domain')} value={form.domain} onInput={(v) => edit({ domain: v })} />
            <Field name="companyEmails" label={t('companyEmails')} value={form.emails.join(', ')} onInput={(v) => edit({ emails: listFrom(v) })} />
            <Field name="companyPhones" label={t('companyPhones')} value={form.phones.join(', ')} onInput={(v) => edit({ phones: listFrom(v) })} />
            <Field name="address" label={t('address')} value={form.address} onInput={(v) => edit({ address: v })} />
            <Field name="tags" label={t('tags')} value={form.tags.join(', ')} onInput={(v) => edit({ tags: listFrom(v) })} />
          </div>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={card.busy || !form.name.trim()}>{company ? t('updateCompany') : t('saveCompany')}</button>
        </div>
      </form>
      {card.notice && !card.problem && <p class="notice" role="status">{card.notice}</p>}
      {card.problem && <p class="problem" role="alert">{card.problem}</p>}
    </li>
  );
}

function SyncFooter() {
  const store = usePopupStore();
  const { t } = store;
  const report = store.sync.value;
  const state = !report ? '' : report.ok ? (report.pending ? t('pending', { count: report.pending }) : t('allSynced')) : report.message;
  return (
    <footer class="bar footer">
      <span class={report && !report.ok ? 'sync-state problem' : 'sync-state'} data-testid="sync-state" data-last-success={report?.lastSuccessAt ?? ''}>{state}</span>
      <a class="workspace-link" href="/workspace.html" target="_blank" rel="noopener">{t('openWorkspace')}</a>
      <button type="button" disabled={store.syncing.value} onClick={() => void store.syncNow()}>
        {store.syncing.value ? t('syncing') : t('syncNow')}
      </button>
    </footer>
  );
}
