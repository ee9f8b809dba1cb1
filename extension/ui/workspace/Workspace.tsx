import { CompanyPage } from './CompanyPage';
import { ContactList } from './ContactList';
import { ContactPage } from './ContactPage';
import { DealPage } from './DealPage';
import { DealsBoard } from './DealsBoard';
import { DuplicatesView } from './DuplicatesView';
import { ExportView } from './ExportView';
import { ImportView } from './ImportView';
import { ReviewView } from './ReviewView';
import type { WorkspaceKey } from './workspace-i18n';
import { useWorkspace } from './workspace-store';

const NAV: [string, WorkspaceKey, string[]][] = [
  ['#/contacts', 'navContacts', ['contacts', 'contact', 'company']],
  ['#/deals', 'navDeals', ['deals', 'deal']],
  ['#/import', 'navImport', ['import']],
  ['#/export', 'navExport', ['export']],
  ['#/duplicates', 'navDuplicates', ['duplicates']],
  ['#/review', 'navReview', ['review']],
];

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
      </header>
      <main>
        {ws.notice.value && r.view === 'contacts' && <p class="notice" role="status" data-testid="notice">{ws.notice.value}</p>}
        {r.view === 'contacts' && <ContactList />}
        {r.view === 'contact' && <ContactPage id={r.id} />}
        {r.view === 'company' && <CompanyPage id={r.id} name={r.name} />}
        {r.view === 'deals' && <DealsBoard />}
        {r.view === 'deal' && <DealPage id={r.id} contactId={r.contactId} />}
        {r.view === 'import' && <ImportView />}
        {r.view === 'export' && <ExportView />}
        {r.view === 'duplicates' && <DuplicatesView />}
        {r.view === 'review' && <ReviewView />}
      </main>
    </div>
  );
}
