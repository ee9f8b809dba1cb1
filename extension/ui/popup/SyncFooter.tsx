import { useState } from 'preact/hooks';
import { Icon } from '../icons';
import { describeRefused, describeSync } from '../sync-status';
import { usePopupStore } from './popup-store';

/** Where syncing stands, always true: not connected, syncing, synced at …, changes waiting, or why it failed. */
export function SyncFooter() {
  const store = usePopupStore();
  const { t, i18n } = store;
  const report = store.sync.value;
  const { state, text, waiting } = describeSync(report, i18n, new Date());
  const [showRefused, setShowRefused] = useState(false);
  const refused = report?.refused ?? [];
  const busy = store.syncing.value || state === 'syncing';
  return (
    <footer class="footer">
      {refused.length > 0 && (
        <div class="refused">
          <button type="button" class="link problem" aria-expanded={showRefused} onClick={() => setShowRefused(!showRefused)}>{i18n.n('refusedCount', refused.length)}</button>
          {showRefused && <ul>{refused.slice(0, 5).map((change) => <li key={`${change.id}:${change.at}`}>{describeRefused(change, i18n)}</li>)}</ul>}
        </div>
      )}
      <div class="footer-row">
        <div class={`sync-state ${state}`} data-testid="sync-state" data-state={state} data-last-success={report?.lastSuccessAt ?? ''} role="status">
          <span>{text}</span>
          {waiting && <span class="waiting">{waiting}</span>}
        </div>
        {state === 'not_connected' ? (
          <button type="button" class="small" onClick={store.openOptions}>{t('connect')}</button>
        ) : (
          <button type="button" class="small" aria-disabled={busy} onClick={() => { if (!busy) void store.syncNow(); }}>{t('syncNow')}</button>
        )}
        <a class="icon-button" href="/workspace.html" target="_blank" rel="noopener" title={t('openWorkspace')} aria-label={t('openWorkspace')} data-testid="open-workspace"><Icon name="workspace" /></a>
        <button type="button" class="icon-button" title={t('settings')} aria-label={t('settings')} onClick={store.openOptions}><Icon name="gear" /></button>
      </div>
    </footer>
  );
}
