import { dayOf, localWallClock } from '../../../shared/calendar';
import type { Deal, FollowUp } from '../../../shared/records';
import { dealStages } from '../../../shared/vocabulary';
import type { ContactHistory } from '../../db/contacts';
import { dueDay } from '../../reminders/due';
import type { I18n } from '../i18n';
import { Icon } from '../icons';
import { SnoozeMenu, type SnoozeChoice } from '../SnoozeMenu';
import { timelineRows } from '../../workspace/timeline';
import { HistoryList } from './HistoryList';
import './timeline.css';

/**
 * One contact's history on one timeline: what is next (open follow-ups, with Done and Snooze),
 * open deals with their stage, and the latest interactions of every channel, listed as the
 * workspace's contact page lists a whole history (HistoryList). The actions are optional.
 */
export interface ContactTimelineProps {
  history: ContactHistory;
  i18n: I18n;
  /** the reader's today, 'YYYY-MM-DD' */
  today: string;
  /** "Show all (n)" when more interactions exist than are shown */
  onShowAll?: () => void;
  followUpActions?: {
    onDone: (followUp: FollowUp) => void;
    snoozeChoices: SnoozeChoice[];
    untilForDate: (day: string) => string | null;
    onSnooze: (followUp: FollowUp, until: string) => void;
  };
  onMoveDeal?: (deal: Deal, stage: Deal['stage']) => void;
  /** actions are ignored while the contact is being written */
  busy?: boolean;
}

export function ContactTimeline({ history, i18n, today, onShowAll, followUpActions, onMoveDeal, busy }: ContactTimelineProps) {
  const { t } = i18n;
  const openDeals = history.deals.filter((d) => d.stage !== 'won' && d.stage !== 'lost');
  const hidden = history.interactionCount - history.interactions.length;
  return (
    <div class="timeline" data-testid="timeline">
      {history.followUps.length > 0 && (
        <section aria-label={t('nextSteps')}>
          <h3>{t('nextSteps')}</h3>
          <ul>
            {history.followUps.map((followUp) => (
              <FollowUpEntry key={followUp.id} followUp={followUp} i18n={i18n} today={today} actions={followUpActions} busy={busy} />
            ))}
          </ul>
        </section>
      )}
      {openDeals.length > 0 && (
        <section aria-label={t('deals')}>
          <h3>{t('deals')}</h3>
          <ul>
            {openDeals.map((deal) => (
              <li key={deal.id} class="entry" data-testid="deal">
                <Icon name="deal" />
                <div class="entry-text">
                  <div class="entry-title">{deal.name}</div>
                  <div class="entry-meta">
                    {deal.amount != null && <span>{i18n.money(deal.amount, deal.currency || undefined)}</span>}
                    {deal.expectedClose && <span>{t('expectedClose')}: {i18n.day(deal.expectedClose)}</span>}
                  </div>
                </div>
                {onMoveDeal ? (
                  <select class="small" aria-label={t('moveDeal', { deal: deal.name })} value={deal.stage}
                    onChange={(e) => { if (!busy) onMoveDeal(deal, e.currentTarget.value as Deal['stage']); }}>
                    {dealStages.map((stage) => <option key={stage} value={stage}>{i18n.label('dealStage', stage)}</option>)}
                  </select>
                ) : <span class="chip">{i18n.label('dealStage', deal.stage)}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label={t('history')}>
        <h3>{t('history')}</h3>
        {history.interactions.length === 0 ? <p class="muted">{t('noHistory')}</p> : (
          <HistoryList rows={timelineRows({ interactions: history.interactions, deals: [], followUps: [] })} i18n={i18n}
            format={{ when: (at) => when(i18n, at, today), money: (amount, currency) => i18n.money(amount, currency || undefined) }} />
        )}
        {hidden > 0 && onShowAll && <button type="button" class="link" onClick={onShowAll}>{i18n.n('showAll', history.interactionCount)}</button>}
      </section>
    </div>
  );
}

function when(i18n: I18n, instant: string, today: string): string {
  const day = instant ? dayOf(new Date(instant), localWallClock) : null;
  return day ? i18n.relativeDay(day, today) : '';
}

function FollowUpEntry({ followUp, i18n, today, actions, busy }: { followUp: FollowUp; i18n: I18n; today: string; actions: ContactTimelineProps['followUpActions']; busy?: boolean }) {
  const { t } = i18n;
  const day = dueDay(followUp.dueAt, localWallClock);
  const at = /T/.test(followUp.dueAt) ? ` ${i18n.time(followUp.dueAt)}` : '';
  return (
    <li class={day && day < today ? 'entry overdue' : 'entry'} data-testid="follow-up">
      <Icon name="followUp" />
      <div class="entry-text">
        <div class="entry-title">{followUp.title}</div>
        <div class="entry-meta due-row">
          <span class="due-when">{t('due', { when: `${day ? i18n.relativeDay(day, today) : ''}${at}` })}</span>
          {actions && (
            <span class="entry-actions">
              <button type="button" class="small" onClick={() => { if (!busy) actions.onDone(followUp); }}><Icon name="check" size={12} /> {t('done')}</button>
              <SnoozeMenu i18n={i18n} label={t('snoozeFor', { title: followUp.title })} choices={actions.snoozeChoices} untilForDate={actions.untilForDate}
                today={today} onSnooze={(until) => { if (!busy) actions.onSnooze(followUp, until); }} />
            </span>
          )}
        </div>
      </div>
    </li>
  );
}
