import { canonicalList } from '../../../shared/cell-codec';
import { lifecycleStages } from '../../../shared/vocabulary';
import { Icon } from '../icons';
import { ContactTimeline } from '../timeline/ContactTimeline';
import { Toolbar } from '../Toolbar';
import { ActionPanel } from './ActionPanels';
import { Fragment } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { changedFields, displayName, initialForm, usePopupStore, type CardState, type Panel } from './popup-store';
import { ValueFacts } from './ValueFacts';
import { Field } from './Field';

/** What a list field's text holds, split the way a sheet cell splits it. */
const listFrom = (text: string) => canonicalList([text]);

export function StatusBadge({ card }: { card: CardState }) {
  const { t, i18n } = usePopupStore();
  const contact = card.known?.contact;
  if (!contact) return <span class="badge new" data-testid="status">{t('new')}</span>;
  if (card.undecided) return <span class="badge maybe" data-testid="status">{t('looksLike', { name: `${contact.firstName} ${contact.lastName}`.trim() })}</span>;
  return <span class="badge known" data-testid="status">{t('known', { stage: i18n.label('stage', card.form.stage) })}</span>;
}

/** The save button says what it will do: save a new contact, update the fields that changed, or nothing. */
function SaveButton({ card }: { card: CardState }) {
  const store = usePopupStore();
  const { t, i18n } = store;
  const changed = changedFields(card);
  if (card.known && changed.length === 0 && !card.editing) return null;
  const label = !card.known ? t('saveContact')
    : changed.length === 0 ? t('nothingToSave')
      : changed.length <= 2 ? t('updateFields', { fields: changed.map((field) => i18n.label('field', field)).join(', ') })
        : i18n.n('updateFieldCount', changed.length);
  const nothing = Boolean(card.known) && changed.length === 0;
  return (
    <button type="submit" class="primary save" aria-disabled={nothing || card.busy} disabled={nothing} title={changed.map((field) => i18n.label('field', field)).join(', ')}>
      {label}
    </button>
  );
}

/** A match by phone or by name: the page's person and the known contact side by side, and the choice. */
function MatchChoice({ card }: { card: CardState }) {
  const store = usePopupStore();
  const { t } = store;
  const contact = card.known!.contact;
  const page = initialForm(card.candidate, null);
  const rows: { label: string; here: string; there: string }[] = [
    { label: t('firstName'), here: `${page.firstName} ${page.lastName}`.trim(), there: `${contact.firstName} ${contact.lastName}`.trim() },
    { label: t('email'), here: page.emails.join(', '), there: contact.emails.join(', ') },
    { label: t('phone'), here: page.phones.join(', '), there: contact.phones.join(', ') },
    { label: t('company'), here: page.company, there: contact.company },
    { label: t('jobTitle'), here: page.jobTitle, there: contact.jobTitle },
  ].filter((row) => row.here || row.there);
  const name = `${contact.firstName} ${contact.lastName}`.trim();
  return (
    <div class="match" role="group" aria-label={t('possibleMatch')} data-testid="match-choice">
      <p class="match-question"><strong>{t('possibleMatch')}</strong> {card.matchedBy === 'phone' ? t('matchedByPhone') : t('matchedByName')}</p>
      <table class="compare">
        <thead><tr><th scope="col" /><th scope="col">{t('onThisPage')}</th><th scope="col">{t('inRapport')}</th></tr></thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.label} class={i === 0 ? 'person' : row.here && row.there && row.here.toLowerCase() !== row.there.toLowerCase() ? 'differs' : ''}>
              <th scope="row"><span class="sr-only">{row.label}</span></th><td title={row.label}>{breakable(row.here)}</td><td title={row.label}>{breakable(row.there)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="row">
        <button type="button" class="primary" title={t('mergeHint', { name })} onClick={() => { if (!card.busy) void store.decide(card.key, true); }}>{t('merge')}</button>
        <button type="button" onClick={() => { if (!card.busy) void store.decide(card.key, false); }}>{t('saveAsNew')}</button>
        <span class="muted small-text">{t('nothingWrittenYet')}</span>
      </div>
    </div>
  );
}

/** Addresses may break after the @ rather than anywhere. */
const breakable = (text: string) => text.split('@').map((part, i) => <Fragment key={i}>{i > 0 && <>@<wbr /></>}{part}</Fragment>);

function EditFields({ card }: { card: CardState }) {
  const store = usePopupStore();
  const { t, i18n } = store;
  const { form, key } = card;
  const edit = (patch: Parameters<typeof store.editForm>[1]) => store.editForm(key, patch);
  return (
    <div class="fields">
      <Field name="firstName" label={t('firstName')} value={form.firstName} onInput={(v) => edit({ firstName: v })} />
      <Field name="lastName" label={t('lastName')} value={form.lastName} onInput={(v) => edit({ lastName: v })} />
      <Field name="emails" wide label={t('email')} value={form.emails.join(', ')} onInput={(v) => edit({ emails: listFrom(v) })} />
      <Field name="phones" label={t('phone')} value={form.phones.join(', ')} onInput={(v) => edit({ phones: listFrom(v) })} />
      <Field name="jobTitle" label={t('jobTitle')} value={form.jobTitle} onInput={(v) => edit({ jobTitle: v })} />
      <Field name="company" wide label={t('company')} value={form.company} onInput={(v) => edit({ company: v })} />
      <Field name="website" label={t('website')} value={form.website} onInput={(v) => edit({ website: v })} />
      <label class="field">
        <span>{t('stage')}</span>
        <select name="stage" value={form.stage} onChange={(e) => edit({ stage: e.currentTarget.value as typeof form.stage })}>
          {lifecycleStages.map((stage) => <option key={stage} value={stage}>{i18n.label('stage', stage)}</option>)}
        </select>
      </label>
      <Field name="tags" wide label={t('tags')} value={form.tags.join(', ')} onInput={(v) => edit({ tags: listFrom(v) })} />
      <label class="field wide">
        <span>{t('keepInTouchEvery')}</span>
        <input name="keepInTouchDays" type="number" min={1} max={3650} inputMode="numeric" value={form.keepInTouchDays ?? ''}
          onInput={(e) => { const days = Number.parseInt(e.currentTarget.value, 10); edit({ keepInTouchDays: days >= 1 ? Math.min(days, 3650) : null }); }} />
      </label>
      <p class="hint">{t('editHint')}</p>
    </div>
  );
}

export function ContactCard({ card, canLog }: { card: CardState; canLog: boolean }) {
  const store = usePopupStore();
  const { t, i18n } = store;
  const { form, key } = card;
  const name = displayName(card, t('manualEntry'));
  const person = card.undecided ? initialForm(card.candidate, null) : form;
  const jobLine = [person.jobTitle, person.company].filter(Boolean).join(' · ');
  // The address this page shows, when the contact has several.
  const pageEmail = card.candidate?.emails[0]?.toLowerCase();
  const email = pageEmail && person.emails.includes(pageEmail) ? pageEmail : person.emails[0];
  const role = card.candidate && ['sender', 'to', 'cc'].includes(card.candidate.role) ? card.candidate.role : '';
  const source = i18n.label('source', card.source);
  const offer = store.undoOffer.value?.cardKey === key ? store.undoOffer.value : null;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!card.busy) void store.save(key);
  };
  const action = (panel: Panel) => () => store.togglePanel(key, panel);
  // A control that goes away after an action (Save on a contact now saved, a closed panel's button) hands the focus to the card's actions, not to the page.
  const root = useRef<HTMLLIElement>(null);
  useLayoutEffect(() => {
    if (document.activeElement && document.activeElement !== document.body && document.contains(document.activeElement)) return;
    if (!root.current?.dataset.hadFocus) return;
    root.current.querySelector<HTMLElement>('[role=toolbar] [tabindex="0"]')?.focus();
  });
  const actionButton = (panel: Exclude<Panel, 'delete' | null>, icon: Parameters<typeof Icon>[0]['name'], label: string, hint: string) => (
    <button type="button" data-toolbar-item aria-expanded={card.panel === panel} title={hint} onClick={action(panel)} data-action={panel}>
      <Icon name={icon} size={18} /><span class="label">{label}{panel === 'followUp' && <Icon name="chevron" size={11} />}</span>
    </button>
  );
  return (
    <li ref={root} class="card" data-testid="candidate" data-card={key} aria-busy={card.busy} 
      onFocusIn={() => { if (root.current) root.current.dataset.hadFocus = '1'; }}
      onFocusOut={(e) => { if (root.current && e.relatedTarget instanceof Node && !root.current.contains(e.relatedTarget)) delete root.current.dataset.hadFocus; }}>
      <div class="card-head">
        <div class="who">
          <h2 class="name" data-testid="name">{name}</h2>
          {jobLine && <div class="job" data-testid="job">{jobLine}</div>}
          <div class="meta">
            {email && <span class="email">{email}</span>}
            <span class="source">{role ? t('fromAs', { source, role: i18n.label('role', role) }) : t('from', { source })}</span>
          </div>
        </div>
        <StatusBadge card={card} />
      </div>
      {card.undecided ? <MatchChoice card={card} /> : (
        <>
          <form class="save-row" onSubmit={onSubmit} onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit(e); }}>
            {card.editing && <EditFields card={card} />}
            <SaveButton card={card} />
          </form>
          <Toolbar label={t('actions', { name })} class="actions">
            {canLog && (
              <button type="button" data-toolbar-item class="log" title={t('logEmailHint', { name })} data-action="log" onClick={() => { if (!card.busy) void store.logOpenEmail(key); }}>
                <Icon name="email" size={18} /><span class="label">{t('logEmail')}</span>
              </button>
            )}
            {actionButton('call', 'call', t('logCall'), t('logCallHint'))}
            {actionButton('followUp', 'followUp', t('followUpAction'), t('followUpHint'))}
            {actionButton('note', 'note', t('note'), t('noteHint'))}
            {actionButton('deal', 'deal', t('deal'), t('dealHint'))}
          </Toolbar>
          {canLog && card.panel === null && !card.known?.interactions.some((i) => i.messageId && i.messageId === store.page.value?.email?.messageId) && (
            <label class="check">
              <input type="checkbox" checked={card.keepSnippet} onChange={(e) => store.update(key, { keepSnippet: e.currentTarget.checked })} />
              {t('keepSnippet')}
            </label>
          )}
          <ActionPanel card={card} name={name} />
        </>
      )}
      {(card.notice || card.problem) && (
        <div class="outcome">
          {card.problem ? <p class="problem" role="alert">{card.problem}</p> : <p class="notice" role="status">{card.notice}</p>}
          {offer && !card.problem && <button type="button" class="link" onClick={() => void store.undo()}>{t('undo')}</button>}
        </div>
      )}
      {card.known && !card.undecided && (
        <>
          <ValueFacts history={card.known} i18n={i18n} explain={card.explain} onExplain={(on) => store.update(key, { explain: on })} />
          <ContactTimeline
            history={card.known} i18n={i18n} today={store.today()} busy={card.busy}
            onShowAll={() => void store.showAllHistory(key)}
            followUpActions={{
              onDone: (followUp) => void store.settleFollowUp(key, followUp.id, 'done'),
              snoozeChoices: snoozeChoices(store),
              untilForDate: (day) => store.snoozeUntil({ date: day }),
              onSnooze: (followUp, until) => void store.settleFollowUp(key, followUp.id, { until }),
            }}
            onMoveDeal={(deal, stage) => void store.moveDeal(key, deal.id, stage)}
          />
        </>
      )}
      {!card.undecided && (
        <div class="card-foot">
          <button type="button" class="link" aria-expanded={card.editing} onClick={() => store.update(key, { editing: !card.editing })}>{card.editing ? t('hideEdit') : t('edit')}</button>
          {card.known && <button type="button" class="link danger" onClick={action('delete')}>{t('deleteContact')}</button>}
        </div>
      )}
    </li>
  );
}

/** One day, three days, next week's Monday: the snooze targets at the usual follow-up time. */
export function snoozeChoices(store: ReturnType<typeof usePopupStore>) {
  const { t, i18n } = store;
  const days = store.quickDays();
  return [
    { label: t('snooze1Day'), until: store.snoozeUntil('snooze1Day') ?? '' },
    { label: t('snooze3Days'), until: store.snoozeUntil('in3Days') ?? '' },
    { label: t('nextWeekOn', { day: i18n.day(days.nextWeek) }), until: store.snoozeUntil('nextWeek') ?? '' },
  ];
}
