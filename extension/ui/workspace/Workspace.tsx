import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { SyncReport } from '../../sync/sync-service';
import { describeSync } from '../sync-status';
import { ContactList } from './ContactList';
import { ImportAdding } from './ImportAdding';
import { lazyView } from './lazy-view';
import type { WorkspaceKey } from './workspace-i18n';
import { useWorkspace } from './workspace-store';

const CompanyPage = lazyView(() => import('./CompanyPage').then((m) => m.CompanyPage));
const ContactPage = lazyView(() => import('./ContactPage').then((m) => m.ContactPage));
const DealPage = lazyView(() => import('./DealPage').then((m) => m.DealPage));
const DealsBoard = lazyView(() => import('./DealsBoard').then((m) => m.DealsBoard));
const DuplicatesView = lazyView(() => import('./DuplicatesView').then((m) => m.DuplicatesView));
const ExportView = lazyView(() => import('./ExportView').then((m) => m.ExportView));
const ImportView = lazyView(() => import('./ImportView').then((m) => m.ImportView));
const ReviewView = lazyView(() => import('./ReviewView').then((m) => m.ReviewView));

const NAV: [string, WorkspaceKey, string[]][] = [
  ['#/contacts', 'navContacts', ['contacts', 'contact', 'company']],
  ['#/deals', 'navDeals', ['deals', 'deal']],
  ['#/import', 'navImport', ['import']],
  ['#/export', 'navExport', ['export']],
  ['#/duplicates', 'navDuplicates', ['duplicates']],
  ['#/review', 'navReview', ['review']],
];

/** Where syncing stands, and Sync now. */
function SyncState() {
  const ws = useWorkspace();
  const { t } = ws;
  const report = useSignal<SyncReport | null>(null);
  const busy = useSignal(false);
  const refresh = () => void ws.sync(false).then((r) => (report.value = r));
  useEffect(refresh, [ws.dataVersion.value]);
  useEffect(() => ws.watchSync(refresh), []);
  const r = report.value;
  const { state, text, waiting } = describeSync(r, ws.i18n, new Date());
  return (
    <div class="sync">
      <span data-testid="sync-state" data-state={state} data-last-success={r?.lastSuccessAt ?? ''} class={state === 'failed' ? 'problem-text' : 'muted'} title={waiting ? `${text} · ${waiting}` : text}>
        {text}{waiting && ` · ${waiting}`}
      </span>
      <button type="button" disabled={busy.value} onClick={async () => {
        busy.value = true;
        report.value = await ws.sync(true);
        busy.value = false;
      }}>{t('syncNow')}</button>
    </div>
  );
}

/** The workspace page: a bar of views and the view the URL names. */
export function Workspace() {
  const ws = useWorkspace();
  const { t, route } = ws;
  const r = route.value;
  return (
    <div class="workspace">
      <header class="topbar">
        <span class="brand">Rapport</span>
        <nav aria-label={t('appTitle')}>
          {NAV.map(([href, key, views]) => (
            <a key={href} href={href} aria-current={views.includes(r.view) ? 'page' : undefined}>{t(key)}</a>
          ))}
        </nav>
        <SyncState />
      </header>
      <main>
        {r.view !== 'import' && <ImportAdding />}
        {ws.notice.value && r.view === 'contacts' && <p class="notice" role="status" data-testid="notice">{ws.notice.value}</p>}
        {r.view === 'contacts' && <ContactList />}
        {r.view === 'contact' && <ContactPage key={r.id} id={r.id} />}
        {r.view === 'company' && <CompanyPage key={r.id || r.name} id={r.id} name={r.name} />}
        {r.view === 'deals' && <DealsBoard />}
        {r.view === 'deal' && <DealPage key={`${r.id}:${r.contactId}`} id={r.id} contactId={r.contactId} />}
        {r.view === 'import' && <ImportView />}
        {r.view === 'export' && <ExportView />}
        {r.view === 'duplicates' && <DuplicatesView />}
        {r.view === 'review' && <ReviewView />}
      </main>
    </div>
  );
}
