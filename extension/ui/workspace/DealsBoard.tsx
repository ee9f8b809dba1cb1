import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Contact, Deal } from '../../../shared/records';
import { writeRecord } from '../../db/write-record';
import { dealBoard, neighbourStage, probabilityOf, type ColumnTotal, type DealStage } from '../../workspace/deal-board';
import { dealStages } from '../../../shared/vocabulary';
import { translated } from './workspace-i18n';
import { useWorkspace } from './workspace-store';

/** Deals in columns by stage: drag a card, or focus it and press ← / →, to move it. */
export function DealsBoard() {
  const ws = useWorkspace();
  const { t, fmt, db } = ws;
  const deals = useSignal<Deal[] | null>(null);
  const contacts = useSignal<Map<string, Contact>>(new Map());
  const owner = useSignal('');
  const moved = useSignal('');
  const focusAfter = useSignal('');

  async function load() {
    const all = (await db.deals.toArray()).filter((d) => !d.deleted);
    const people = await db.contacts.bulkGet([...new Set(all.map((d) => d.contactId).filter(Boolean))]);
    contacts.value = new Map(people.filter((c): c is Contact => !!c).map((c) => [c.id, c]));
    deals.value = all;
  }
  useEffect(() => void load(), [ws.dataVersion.value]);
  useEffect(() => {
    if (!focusAfter.value) return;
    (document.querySelector(`[data-deal="${focusAfter.value}"]`) as HTMLElement | null)?.focus();
    focusAfter.value = '';
  });

  async function move(deal: Deal, stage: DealStage) {
    if (deal.stage === stage) return;
    const closed = stage === 'won' || stage === 'lost';
    const updated = await writeRecord(db, 'deals', { id: deal.id, stage, closedAt: closed ? deal.closedAt || ws.today() : '' }, await ws.author());
    deals.value = (deals.value ?? []).map((d) => (d.id === deal.id ? updated : d));
    moved.value = t('dealMoved', { name: deal.name || t('unnamed'), stage: translated(t, 'dealStage_', stage) });
    focusAfter.value = deal.id;
    ws.changed();
  }

  if (!deals.value) return <p class="empty">{t('loading')}</p>;
  const owners = [...new Set(deals.value.map((d) => d.owner).filter(Boolean))].sort();
  const columns = dealBoard(deals.value, { owner: owner.value });
  const totals = (list: ColumnTotal[], key: 'amount' | 'weighted') => list.map((x) => fmt.money(x[key], x.currency)).join(' + ') || fmt.money(0);

  return (
    <section class="board-page" aria-labelledby="board-title">
      <header class="page-head row">
        <h1 id="board-title">{t('board')}</h1>
        <label class="filter">
          <span>{t('filterOwner')}</span>
          <select name="dealOwner" value={owner.value} onChange={(e) => (owner.value = e.currentTarget.value)}>
            <option value="">{t('any')}</option>
            {owners.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        <a class="button primary" href="#/deal/new">{t('newDeal')}</a>
      </header>
      <p class="hint">{t('boardHint')}</p>
      <p class="visually-hidden" role="status">{moved.value}</p>
      <div class="board">
        {columns.map((column) => (
          <section key={column.stage} class={`column stage-${column.stage}`} aria-label={translated(t, 'dealStage_', column.stage)} data-stage={column.stage}
            onDragOver={(e) => { e.preventDefault(); e.currentTarget.classList.add('over'); }}
            onDragLeave={(e) => e.currentTarget.classList.remove('over')}
            onDrop={(e) => {
              e.preventDefault();
              e.currentTarget.classList.remove('over');
              const deal = deals.value?.find((d) => d.id === e.dataTransfer?.getData('text/plain'));
              if (deal) void move(deal, column.stage);
            }}>
            <header>
              <h2>{translated(t, 'dealStage_', column.stage)} <span class="muted">{fmt.count(column.deals.length)}</span></h2>
              <div class="totals" data-testid={`totals-${column.stage}`}>
                <span>{t('boardTotal', { amount: totals(column.totals, 'amount') })}</span>
                <span class="muted">{t('boardWeighted', { amount: totals(column.totals, 'weighted') })}</span>
              </div>
            </header>
            <ul class="cards">
              {column.deals.length === 0 && <li class="muted empty-column">{t('boardEmpty')}</li>}
              {column.deals.map((deal) => {
                const person = contacts.value.get(deal.contactId);
                const who = person ? `${person.firstName} ${person.lastName}`.trim() || person.emails[0] : '';
                return (
                  <li key={deal.id} class="deal-card" tabIndex={0} draggable data-deal={deal.id} data-testid="deal-card"
                    aria-label={`${deal.name || t('unnamed')}, ${fmt.money(deal.amount, deal.currency)}, ${translated(t, 'dealStage_', deal.stage)}`}
                    onDragStart={(e) => e.dataTransfer?.setData('text/plain', deal.id)}
                    onKeyDown={(e) => {
                      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                        e.preventDefault();
                        void move(deal, neighbourStage(deal.stage, e.key === 'ArrowRight' ? 1 : -1));
                      } else if (e.key === 'Enter') ws.go({ view: 'deal', id: deal.id, contactId: '' });
                    }}>
                    <a href={`#/deal/${deal.id}`} tabIndex={-1} class="name">{deal.name || t('unnamed')}</a>
                    {who && <span class="muted">{who}</span>}
                    <span class="amount">{fmt.money(deal.amount, deal.currency)} <span class="muted">· {probabilityOf(deal)} %</span></span>
                    {deal.expectedClose && <span class="muted">{fmt.day(deal.expectedClose)}</span>}
                    <label class="visually-hidden">
                      {t('moveDeal', { name: deal.name })}
                      <select tabIndex={-1} value={deal.stage} onChange={(e) => void move(deal, e.currentTarget.value as DealStage)}>
                        {dealStages.map((s) => <option key={s} value={s}>{translated(t, 'dealStage_', s)}</option>)}
                      </select>
                    </label>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
