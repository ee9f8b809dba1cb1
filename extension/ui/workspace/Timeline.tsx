import { useState } from 'preact/hooks';
import type { TimelineRow } from '../../workspace/timeline';
import type { Format } from './format';
import { translated, type WorkspaceTranslate } from './workspace-i18n';

/**
 * One contact's history as a list, newest first: records in (timeline.ts makes the rows), rows
 * out. Small props on purpose, so the popup's history can use the same component.
 */
export interface TimelineProps {
  rows: readonly TimelineRow[];
  t: WorkspaceTranslate;
  fmt: Format;
  /** rows shown before "Show all" */
  initial?: number;
  onOpen?: (row: TimelineRow) => void;
}

const ICONS: Record<string, string> = {
  email: '✉', call: '☎', meeting: '⚑', note: '✎', purchase: '€', complaint: '!', event: '★', social: '#', web: '⌂', stage: '➜', deal: '◆', followUp: '◷',
};

export function Timeline({ rows, t, fmt, initial = 200, onOpen }: TimelineProps) {
  const [all, setAll] = useState(false);
  if (rows.length === 0) return <p class="empty">{t('historyEmpty')}</p>;
  const shown = all ? rows : rows.slice(0, initial);
  return (
    <>
      <ol class="timeline" data-testid="timeline">
        {shown.map((row) => (
          <li key={row.key} class={`entry kind-${row.kind}`} data-kind={row.kind}>
            <span class="icon" aria-hidden="true">{ICONS[row.kind] ?? '•'}</span>
            <div class="body">
              <div class="line">
                <span class="kind">{translated(t, 'type_', row.kind)}</span>
                {row.direction && row.kind !== 'stage' && <span class="muted">{translated(t, 'direction_', row.direction)}</span>}
                {row.channel && <span class="muted">{row.channel}</span>}
                <time class="muted" dateTime={row.at}>{fmt.dateTime(row.at)}</time>
              </div>
              {row.kind === 'stage' ? (
                <div class="title">{t('stageChanged', { stage: translated(t, 'stage_', row.state) })}</div>
              ) : (
                row.title && (onOpen && row.table === 'deals'
                  ? <button type="button" class="link title" onClick={() => onOpen(row)}>{row.title}</button>
                  : <div class="title">{row.title}</div>)
              )}
              {row.detail && row.kind !== 'deal' && <div class="detail">{row.detail}</div>}
              <div class="line">
                {row.amount != null && <span class="chip">{fmt.money(row.amount, row.currency)}</span>}
                {row.kind === 'deal' && <span class="chip">{translated(t, 'dealStage_', row.state)}</span>}
                {row.kind === 'followUp' && <span class={`chip status-${row.state}`}>{translated(t, 'status_', row.state)}</span>}
              </div>
            </div>
          </li>
        ))}
      </ol>
      {!all && rows.length > initial && <button type="button" onClick={() => setAll(true)}>{t('showAll', { count: fmt.count(rows.length) })}</button>}
    </>
  );
}
