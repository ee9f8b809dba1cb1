import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Contact, Deal } from '../../../shared/records';
import { dealStages } from '../../../shared/vocabulary';
import { deleteRecord, writeRecord } from '../../db/write-record';
import { loadRows } from '../../workspace/contact-list';
import { translated } from './workspace-i18n';
import { useWorkspace } from './workspace-store';

interface DealForm {
  name: string;
  contactId: string;
  amount: string;
  currency: string;
  stage: Deal['stage'];
  probability: string;
  expectedClose: string;
  closedAt: string;
  owner: string;
}

const number = (text: string) => {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(value) ? value : null;
};

/** One deal, new or existing, with the contact it is with. */
export function DealPage({ id, contactId }: { id: string; contactId: string }) {
  const ws = useWorkspace();
  const { t, db } = ws;
  const form = useSignal<DealForm | null>(null);
  const contact = useSignal<Contact | null>(null);
  const matches = useSignal<Contact[]>([]);
  const find = useSignal('');
  const problem = useSignal('');
  const isNew = id === 'new';

  useEffect(() => {
    void (async () => {
      const deal = isNew ? null : await db.deals.get(id);
      if (!isNew && (!deal || deal.deleted)) {
        problem.value = t('dealNotFound');
        return;
      }
      const person = deal?.contactId || contactId;
      contact.value = person ? ((await db.contacts.get(person)) ?? null) : null;
      form.value = {
        name: deal?.name ?? '', contactId: person, amount: deal?.amount == null ? '' : String(deal.amount), currency: deal?.currency || (ws.language === 'de' ? 'EUR' : 'EUR'),
        stage: deal?.stage ?? 'prospecting', probability: deal?.probability == null ? '' : String(deal.probability), expectedClose: deal?.expectedClose ?? '', closedAt: deal?.closedAt ?? '',
        owner: deal?.owner ?? ws.me.value,
      };
    })();
  }, [id]);

  useEffect(() => {
    if (!find.value.trim()) {
      matches.value = [];
      return;
    }
    void ws.index.ids({ search: find.value, sort: 'name', filters: {} }).then(async (ids) => (matches.value = (await loadRows(db, ids.slice(0, 8))).map((r) => r.contact)));
  }, [find.value]);

  if (problem.value && !form.value) return <p class="empty" role="alert">{problem.value}</p>;
  const f = form.value;
  if (!f) return <p class="empty">{t('loading')}</p>;
  const edit = (patch: Partial<DealForm>) => (form.value = { ...f, ...patch });

  async function save(event: Event) {
    event.preventDefault();
    try {
      const draft = {
        ...(isNew ? {} : { id }), name: f!.name.trim(), contactId: f!.contactId, companyId: contact.value?.companyId ?? '', amount: number(f!.amount), currency: f!.currency.trim().toUpperCase().slice(0, 3),
        stage: f!.stage, probability: number(f!.probability), expectedClose: f!.expectedClose, closedAt: f!.closedAt, owner: f!.owner.trim(),
      };
      const deal = await writeRecord(db, 'deals', draft, await ws.author());
      ws.changed();
      if (isNew) ws.goWithNotice({ view: 'deal', id: deal.id, contactId: '' }, t('dealSaved'));
      else ws.notice.value = t('dealSaved');
    } catch (error) {
      problem.value = error instanceof Error ? error.message : String(error);
    }
  }

  async function remove() {
    await deleteRecord(db, 'deals', id, await ws.author());
    ws.changed();
    ws.go({ view: 'deals' });
  }

  const input = (key: keyof DealForm, label: string, type: 'text' | 'date' | 'email' = 'text') => (
    <label class="field">
      <span>{label}</span>
      <input name={key} type={type as "text"} value={f[key]} onInput={(e) => edit({ [key]: e.currentTarget.value } as Partial<DealForm>)} />
    </label>
  );
  const who = contact.value ? `${contact.value.firstName} ${contact.value.lastName}`.trim() || contact.value.emails[0] : '';
  return (
    <article class="deal-page">
      <header class="page-head">
        <a href="#/deals" class="link">← {t('board')}</a>
        <h1>{f.name || t('newDeal')}</h1>
      </header>
      {ws.notice.value && <p class="notice" role="status">{ws.notice.value}</p>}
      {problem.value && <p class="problem" role="alert">{problem.value}</p>}
      <form class="panel" onSubmit={(e) => void save(e)}>
        <div class="grid">
          {input('name', t('dealName'))}
          <div class="field">
            <span>{t('dealContact')}</span>
            {who ? <span><a href={`#/contact/${f.contactId}`}>{who}</a> <button type="button" class="link" onClick={() => { contact.value = null; edit({ contactId: '' }); }}>×</button></span> : (
              <>
                <input name="findContact" type="search" aria-label={t('pickContact')} placeholder={t('pickContact')} value={find.value} onInput={(e) => (find.value = e.currentTarget.value)} />
                <ul class="plain picks">
                  {matches.value.map((c) => (
                    <li key={c.id}><button type="button" class="link" onClick={() => { contact.value = c; find.value = ''; edit({ contactId: c.id }); }}>
                      {`${c.firstName} ${c.lastName}`.trim() || c.emails[0]} <span class="muted">{c.company}</span></button></li>
                  ))}
                </ul>
              </>
            )}
          </div>
          {input('amount', t('dealAmount'))}
          {input('currency', t('dealCurrency'))}
          <label class="field">
            <span>{t('dealStage')}</span>
            <select name="stage" value={f.stage} onChange={(e) => edit({ stage: e.currentTarget.value as Deal['stage'] })}>
              {dealStages.map((s) => <option key={s} value={s}>{translated(t, 'dealStage_', s)}</option>)}
            </select>
          </label>
          {input('probability', t('dealProbability'))}
          {input('expectedClose', t('dealExpectedClose'), 'date')}
          {input('closedAt', t('dealClosedAt'), 'date')}
          {input('owner', t('dealOwner'), 'email')}
        </div>
        <div class="actions">
          <button type="submit" class="primary">{t('save')}</button>
          {!isNew && <button type="button" class="danger" onClick={() => void remove()}>{t('delete')}</button>}
        </div>
      </form>
    </article>
  );
}
