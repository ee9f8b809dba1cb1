import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { eraseContacts, renewConsent, reviewList, type ReviewEntry } from '../../db/retention-review';
import { lastActivity } from '../../workspace/retention';
import { translated } from './workspace-i18n';
import { useWorkspace } from './workspace-store';

/** Contacts past the retention period, to erase or to keep with renewed consent. */
export function ReviewView() {
  const ws = useWorkspace();
  const { t, fmt, db } = ws;
  const months = useSignal(24);
  const entries = useSignal<ReviewEntry[] | null>(null);
  const chosen = useSignal<ReadonlySet<string>>(new Set());
  const confirming = useSignal(false);
  const message = useSignal('');

  useEffect(() => {
    void (async () => {
      months.value = await ws.retentionMonths();
      entries.value = await reviewList(db, ws.today(), months.value);
    })();
  }, [ws.dataVersion.value]);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen.value);
    if (on) next.add(id);
    else next.delete(id);
    chosen.value = next;
  };
  async function erase() {
    const ids = [...chosen.value];
    await eraseContacts(db, ids, await ws.author());
    ws.changed();
    message.value = t('reviewErased', { count: fmt.count(ids.length) });
    chosen.value = new Set();
    confirming.value = false;
  }
  async function renew() {
    const ids = [...chosen.value];
    await renewConsent(db, ids, ws.today(), await ws.author());
    ws.changed();
    message.value = t('reviewRenewed', { count: fmt.count(ids.length) });
    chosen.value = new Set();
  }

  const list = entries.value;
  return (
    <section class="review-page" aria-labelledby="review-title">
      <header class="page-head"><h1 id="review-title">{t('reviewTitle')}</h1></header>
      <p class="hint">{t('reviewHint', { months: months.value })}</p>
      {message.value && <p class="notice" role="status" data-testid="review-result">{message.value}</p>}
      {!list ? <p class="empty">{t('loading')}</p> : list.length === 0 ? <p class="empty">{t('reviewNone')}</p> : (
        <div class="panel">
          <div class="actions">
            <label class="check"><input type="checkbox" checked={chosen.value.size === list.length} onChange={(e) => (chosen.value = e.currentTarget.checked ? new Set(list.map((x) => x.contact.id)) : new Set())} />{t('reviewSelectAll')}</label>
            <button type="button" disabled={chosen.value.size === 0} onClick={() => void renew()}>{t('reviewRenew', { count: chosen.value.size })}</button>
            <button type="button" class="danger" disabled={chosen.value.size === 0} onClick={() => (confirming.value = true)}>{t('reviewErase', { count: chosen.value.size })}</button>
          </div>
          {confirming.value && (
            <div class="confirm" role="alertdialog">
              <p>{t('reviewEraseConfirm', { count: chosen.value.size })}</p>
              <button type="button" class="danger" onClick={() => void erase()}>{t('eraseForEveryone')}</button>
              <button type="button" onClick={() => (confirming.value = false)}>{t('cancel')}</button>
            </div>
          )}
          <table class="report" data-testid="review-list">
            <thead><tr><th /><th>{t('colName')}</th><th>{t('reviewLastActivity')}</th><th>{t('consentBasis')}</th><th>{t('consentDate')}</th></tr></thead>
            <tbody>
              {list.slice(0, 2000).map(({ contact, activity }) => {
                const name = `${contact.firstName} ${contact.lastName}`.trim() || contact.emails[0] || t('unnamed');
                return (
                  <tr key={contact.id}>
                    <td><input type="checkbox" aria-label={t('selectRow', { name })} checked={chosen.value.has(contact.id)} onChange={(e) => toggle(contact.id, e.currentTarget.checked)} /></td>
                    <td><a href={`#/contact/${contact.id}`}>{name}</a></td>
                    <td>{fmt.day(lastActivity(contact, activity))}</td>
                    <td>{contact.consentBasis ? translated(t, 'basis_', contact.consentBasis) : t('noBasis')}</td>
                    <td>{fmt.day(contact.consentDate)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
