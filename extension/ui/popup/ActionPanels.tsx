import { dealStages } from '../../../shared/vocabulary';
import { useFocusOnMount } from '../focus-on-mount';
import { usePopupStore, type CallForm, type CardState, type DealForm, type FollowUpForm } from './popup-store';

/** The form under the action bar for the action picked: follow-up, call or meeting, note, deal. */
export function ActionPanel({ card, name }: { card: CardState; name: string }) {
  switch (card.panel) {
    case 'followUp':
      return <FollowUpPanel card={card} />;
    case 'call':
      return <CallPanel card={card} />;
    case 'note':
      return <NotePanel card={card} />;
    case 'deal':
      return <DealPanel card={card} />;
    case 'delete':
      return <DeletePanel card={card} name={name} />;
    default:
      return null;
  }
}

/** Ignores a second click while the card is writing, without disabling (a disabled button drops the focus). */
const unlessBusy = (card: CardState, run: () => void) => () => {
  if (!card.busy) run();
};

function FollowUpPanel({ card }: { card: CardState }) {
  const store = usePopupStore();
  const { t, i18n } = store;
  const form = card.followUp;
  const set = (patch: Partial<FollowUpForm>) => store.update(card.key, { followUp: { ...form, ...patch } });
  const days = store.quickDays();
  const first = useFocusOnMount<HTMLButtonElement>();
  return (
    <div class="panel" role="group" aria-label={t('followUp')} data-testid="follow-up-panel">
      <div class="row">
        <label class="field grow"><span>{t('followUpTitle')}</span>
          <input name="followUpTitle" value={form.title} onInput={(e) => set({ title: e.currentTarget.value })} />
        </label>
        <label class="field"><span>{t('atTime')}</span>
          <input name="followUpTime" type="time" value={form.time} onInput={(e) => set({ time: e.currentTarget.value })} />
        </label>
      </div>
      <div class="row wrap">
        <button type="button" ref={first} onClick={unlessBusy(card, () => void store.followUp(card.key, 'tomorrow'))}>{t('tomorrow')}</button>
        <button type="button" onClick={unlessBusy(card, () => void store.followUp(card.key, 'in3Days'))}>{t('in3Days')}</button>
        <button type="button" onClick={unlessBusy(card, () => void store.followUp(card.key, 'nextWeek'))}>{t('nextWeekOn', { day: i18n.day(days.nextWeek) })}</button>
      </div>
      <div class="row">
        <label class="field"><span>{t('onDate')}</span>
          <input name="followUpDate" type="date" min={store.today()} value={form.date} onInput={(e) => set({ date: e.currentTarget.value })} />
        </label>
        <button type="button" class="align-end" aria-disabled={!form.date} onClick={unlessBusy(card, () => { if (form.date) void store.followUp(card.key, { date: form.date }); })}>{t('setFollowUp')}</button>
      </div>
    </div>
  );
}

const outcomes = ['reached', 'voicemail', 'no_answer', 'busy'] as const;

function CallPanel({ card }: { card: CardState }) {
  const store = usePopupStore();
  const { t, i18n } = store;
  const form = card.call;
  const set = (patch: Partial<CallForm>) => store.update(card.key, { call: { ...form, ...patch } });
  const first = useFocusOnMount<HTMLInputElement>();
  return (
    <form class="panel" aria-label={t('logCallHint')} onSubmit={(e) => { e.preventDefault(); if (!card.busy) void store.logConversation(card.key); }}>
      <div class="row">
        <div class="segmented" role="radiogroup" aria-label={t('kind')}>
          {(['call', 'meeting'] as const).map((type) => (
            <label key={type} class={form.type === type ? 'on' : ''}>
              <input type="radio" ref={form.type === type ? first : undefined} name={`kind-${card.key}`} value={type} checked={form.type === type} onChange={() => set({ type })} />
              {t(type)}
            </label>
          ))}
        </div>
        {form.type === 'call' && (
          <label class="field"><span>{t('direction')}</span>
            <select name="direction" value={form.direction} onChange={(e) => set({ direction: e.currentTarget.value as CallForm['direction'] })}>
              <option value="outbound">{i18n.label('direction', 'outbound')}</option>
              <option value="inbound">{i18n.label('direction', 'inbound')}</option>
            </select>
          </label>
        )}
      </div>
      <div class="row">
        {form.type === 'call' && (
          <label class="field grow"><span>{t('outcome')}</span>
            <select name="outcome" value={form.outcome} onChange={(e) => set({ outcome: e.currentTarget.value })}>
              {outcomes.map((outcome) => <option key={outcome} value={outcome}>{i18n.label('callOutcome', outcome)}</option>)}
            </select>
          </label>
        )}
        <label class="field narrow"><span>{t('durationMinutes')}</span>
          <input name="minutes" type="number" min={0} max={1440} inputMode="numeric" value={form.minutes} onInput={(e) => set({ minutes: e.currentTarget.value })} />
        </label>
      </div>
      <label class="field"><span>{t('summary')}</span>
        <textarea name="summary" rows={2} value={form.summary} onInput={(e) => set({ summary: e.currentTarget.value })} />
      </label>
      <div class="row"><button type="submit" class="primary">{t('logIt')}</button></div>
    </form>
  );
}

function NotePanel({ card }: { card: CardState }) {
  const store = usePopupStore();
  const { t } = store;
  const add = unlessBusy(card, () => void store.addNote(card.key));
  const first = useFocusOnMount<HTMLTextAreaElement>();
  return (
    <div class="panel" role="group" aria-label={t('note')}>
      <textarea aria-label={t('note')} placeholder={t('notePlaceholder')} rows={3} ref={first} value={card.note}
        onInput={(e) => store.update(card.key, { note: e.currentTarget.value })}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) add(); }} />
      <div class="row"><button type="button" class="primary" aria-disabled={!card.note.trim()} onClick={add}>{t('addNote')}</button></div>
    </div>
  );
}

function DealPanel({ card }: { card: CardState }) {
  const store = usePopupStore();
  const { t, i18n } = store;
  const form = card.deal;
  const set = (patch: Partial<DealForm>) => store.update(card.key, { deal: { ...form, ...patch } });
  const first = useFocusOnMount<HTMLInputElement>();
  return (
    <form class="panel" aria-label={t('dealHint')} onSubmit={(e) => { e.preventDefault(); if (!card.busy) void store.openDeal(card.key); }}>
      <label class="field"><span>{t('dealName')}</span>
        <input name="dealName" required ref={first} value={form.name} onInput={(e) => set({ name: e.currentTarget.value })} />
      </label>
      <div class="row">
        <label class="field grow"><span>{t('amount')}</span>
          <input name="amount" inputMode="decimal" value={form.amount} onInput={(e) => set({ amount: e.currentTarget.value })} />
        </label>
        <label class="field narrow"><span>{t('currency')}</span>
          <input name="currency" maxLength={3} pattern="[A-Za-z]{3}" value={form.currency} onInput={(e) => set({ currency: e.currentTarget.value.toUpperCase() })} />
        </label>
      </div>
      <div class="row">
        <label class="field grow"><span>{t('stage')}</span>
          <select name="dealStage" value={form.stage} onChange={(e) => set({ stage: e.currentTarget.value as DealForm['stage'] })}>
            {dealStages.map((stage) => <option key={stage} value={stage}>{i18n.label('dealStage', stage)}</option>)}
          </select>
        </label>
        <label class="field"><span>{t('expectedClose')}</span>
          <input name="expectedClose" type="date" value={form.expectedClose} onInput={(e) => set({ expectedClose: e.currentTarget.value })} />
        </label>
      </div>
      <div class="row"><button type="submit" class="primary">{t('openDeal')}</button></div>
    </form>
  );
}

function DeletePanel({ card, name }: { card: CardState; name: string }) {
  const store = usePopupStore();
  const { t } = store;
  const first = useFocusOnMount<HTMLButtonElement>();
  return (
    <div class="panel confirm" role="group" aria-label={t('deleteContact')}>
      <p>{t('deleteContactConfirm', { name })}</p>
      <div class="row">
        <button type="button" class="danger" onClick={unlessBusy(card, () => void store.deleteContact(card.key))}>{t('deleteForEveryone')}</button>
        <button type="button" ref={first} onClick={() => store.update(card.key, { panel: null })}>{t('cancel')}</button>
      </div>
    </div>
  );
}
