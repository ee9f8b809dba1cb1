import { useState } from 'preact/hooks';
import { interactionTypes } from '../../../shared/vocabulary';
import type { TimelineRow } from '../../workspace/timeline';
import type { I18n } from '../i18n';
import { Icon, iconOfType } from '../icons';
import './timeline.css';

/**
 * A contact's history, newest first, one entry per row of timelineRows(): emails, calls,
 * meetings, notes, purchases, complaints, stage changes, deals and follow-ups. The popup's card
 * shows the latest interactions with it, the workspace's contact page the whole history.
 */
export interface HistoryListProps {
  rows: readonly TimelineRow[];
  i18n: I18n;
  /** how a row's time and amounts are written: the popup says "yesterday", the workspace the date */
  format: { when: (at: string) => string; money: (amount: number, currency: string) => string };
  /** entries shown before "Show all"; all when absent */
  initial?: number;
  /** opens a deal's page (the workspace) */
  onOpenDeal?: (dealId: string) => void;
  testId?: string;
}

const CONVERSATIONS = new Set(['email', 'call', 'meeting', 'social']);
const isInteraction = (kind: string): kind is (typeof interactionTypes)[number] => (interactionTypes as readonly string[]).includes(kind);

export function HistoryList({ rows, i18n, format, initial, onOpenDeal, testId }: HistoryListProps) {
  const [all, setAll] = useState(false);
  const shown = all || initial === undefined ? rows : rows.slice(0, initial);
  return (
    <>
      <ol class="history-list" data-testid={testId}>
        {shown.map((row) => <HistoryEntry key={row.key} row={row} i18n={i18n} format={format} onOpenDeal={onOpenDeal} />)}
      </ol>
      {shown.length < rows.length && <button type="button" class="link" onClick={() => setAll(true)}>{i18n.n('showAll', rows.length)}</button>}
    </>
  );
}

function HistoryEntry({ row, i18n, format, onOpenDeal }: { row: TimelineRow; i18n: I18n; format: HistoryListProps['format']; onOpenDeal?: (dealId: string) => void }) {
  const { t } = i18n;
  const kind = isInteraction(row.kind) ? i18n.label('interactionType', row.kind) : i18n.label('historyKind', row.kind);
  const title = row.kind === 'stage'
    ? t('stageChangedTo', { stage: i18n.label('stage', row.state) })
    : row.title || row.detail || row.outcome || kind;
  const body = row.kind !== 'stage' && row.detail && row.detail !== title ? row.detail : '';
  const meta = [
    kind,
    // Which way it went matters for conversations, not for a note, a purchase or a complaint.
    CONVERSATIONS.has(row.kind) && (row.direction === 'inbound' || row.direction === 'outbound') ? (row.kind === 'email' ? t(row.direction) : i18n.label('direction', row.direction)) : '',
    row.channel,
    row.outcome && row.outcome !== title ? row.outcome : '',
    row.durationMinutes != null ? t('minutesShort', { count: row.durationMinutes }) : '',
    row.amount != null ? format.money(row.amount, row.currency) : '',
    row.kind === 'deal' ? i18n.label('dealStage', row.state) : row.kind === 'followUp' ? i18n.label('followUpStatus', row.state) : '',
  ].filter(Boolean);
  const interaction = row.table === 'interactions' && row.kind !== 'stage';
  return (
    <li class={`entry kind-${row.kind}`} data-kind={row.kind} data-testid={interaction ? 'interaction' : undefined} data-type={interaction ? row.kind : undefined}>
      <span class="entry-icon"><Icon name={row.kind === 'stage' ? 'stage' : row.kind === 'deal' || row.kind === 'followUp' ? row.kind : iconOfType(row.kind)} /></span>
      <div class="entry-text">
        {onOpenDeal && row.table === 'deals'
          ? <button type="button" class="link entry-title" onClick={() => onOpenDeal(row.id)}>{title}</button>
          : <div class="entry-title">{title}</div>}
        {body && <div class="entry-body">{body}</div>}
        <div class="entry-meta">
          {meta.map((part, i) => <span key={i}>{part}</span>)}
          <time dateTime={row.at}>{format.when(row.at)}</time>
        </div>
      </div>
    </li>
  );
}
