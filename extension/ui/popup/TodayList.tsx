import { dayOf, localWallClock } from '../../../shared/calendar';
import { isWebUrl } from '../../capture/url';
import type { TodayItem } from '../../db/today';
import { Icon } from '../icons';
import { SnoozeMenu } from '../SnoozeMenu';
import { useState } from 'preact/hooks';
import { ContactCard, snoozeChoices } from './ContactCard';
import { usePopupStore } from './popup-store';

/** What is due: overdue and today's follow-ups and keep-in-touch cadences, each with Done, Snooze and a way to the person. */
export function TodayList() {
  const store = usePopupStore();
  const { t, i18n } = store;
  const opened = store.opened.value;
  if (opened) {
    return (
      <div class="today">
        <button type="button" class="link back" onClick={store.closeContact}>← {t('back')}</button>
        <ul class="cards"><ContactCard card={opened} canLog={false} /></ul>
      </div>
    );
  }
  const list = store.todayList.value;
  const offer = store.undoOffer.value?.cardKey === null ? store.undoOffer.value : null;
  const groups: { title: string; items: TodayItem[] }[] = list ? [
    { title: t('overdue'), items: list.items.filter((i) => i.kind === 'followUp' && i.urgency === 'overdue') },
    { title: t('dueToday'), items: list.items.filter((i) => i.kind === 'followUp' && i.urgency === 'today') },
    { title: t('keepInTouch'), items: list.items.filter((i) => i.kind === 'cadence') },
  ] : [];
  return (
    <section class="today" aria-labelledby="today-title" data-testid="today">
      <h2 id="today-title">{t('todayTitle', { day: i18n.day(list?.today ?? store.today()) })}</h2>
      {store.todayNotice.value && (
        <div class="outcome">
          <p class="notice" role="status">{store.todayNotice.value}</p>
          {offer && <button type="button" class="link" onClick={() => void store.undo()}>{t('undo')}</button>}
        </div>
      )}
      {list && list.items.length === 0 && <p class="empty-today">{t('nothingDue')}</p>}
      {groups.filter((g) => g.items.length > 0).map((group) => <DueGroup key={group.title} title={group.title} items={group.items} />)}
    </section>
  );
}

/** How many items a group shows before "Show all": a long backlog stays quick to open and to scan. */
const FIRST_ITEMS = 20;

function DueGroup({ title, items }: { title: string; items: TodayItem[] }) {
  const { i18n } = usePopupStore();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST_ITEMS);
  return (
    <section aria-label={title}>
      <h3>{title} <span class="count">{items.length}</span></h3>
      <ul class="due-list">{shown.map((item) => <DueItem key={item.kind === 'followUp' ? item.followUp.id : `cadence:${item.contact.id}`} item={item} />)}</ul>
      {shown.length < items.length && <button type="button" class="link" onClick={() => setAll(true)}>{i18n.n('showAll', items.length)}</button>}
    </section>
  );
}

function DueItem({ item }: { item: TodayItem }) {
  const store = usePopupStore();
  const { t, i18n } = store;
  const contact = item.contact;
  const name = contact ? `${contact.firstName} ${contact.lastName}`.trim() || contact.emails[0] || '' : t('unknownContact');
  const title = item.kind === 'followUp' ? item.followUp.title : t('keepInTouchTitle', { name });
  const today = store.today();
  const when = item.kind === 'followUp'
    ? `${i18n.relativeDay(item.day, today)}${/T/.test(item.followUp.dueAt) ? ` ${i18n.time(item.at)}` : ''}`
    : '';
  const settle = (change: 'done' | { until: string }) =>
    item.kind === 'followUp' ? void store.settleFollowUp(null, item.followUp.id, change) : void store.settleCadence(item, change);
  return (
    <li class={item.urgency === 'overdue' ? 'due is-overdue' : 'due'} data-testid="due-item">
      <Icon name={item.kind === 'followUp' ? 'followUp' : 'call'} />
      <div class="due-text">
        <div class="entry-title">{title}</div>
        <div class="entry-meta">
          {contact ? <button type="button" class="link person" aria-label={t('openContact', { name })} onClick={() => void store.openContact(contact.id)}>{name}</button> : <span>{name}</span>}
          {contact?.company && <span>{contact.company}</span>}
          {item.kind === 'followUp' && <span class="when">{t('due', { when })}</span>}
          {item.kind === 'cadence' && <span>{t('cadenceLine', { every: i18n.n('everyDays', item.everyDays), when: i18n.relativeDay(dayOf(new Date(item.lastContactAt), localWallClock) ?? today, today) })}</span>}
        </div>
        <div class="entry-actions">
          <button type="button" class="small" onClick={() => settle('done')}><Icon name="check" size={12} /> {t('done')}</button>
          <SnoozeMenu i18n={i18n} label={t('snoozeFor', { title })} choices={snoozeChoices(store)} today={today}
            untilForDate={(day) => store.snoozeUntil({ date: day })} onSnooze={(until) => settle({ until })} />
          {isWebUrl(item.emailUrl) && <a class="small-link" href={item.emailUrl} target="_blank" rel="noreferrer noopener">{t('openEmail')}</a>}
        </div>
      </div>
    </li>
  );
}
