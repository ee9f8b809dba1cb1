import { signal } from '@preact/signals';
import Dexie from 'dexie';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RapportDatabase } from '../../db/database';
import { failedImports, importProgress, type ImportProgress } from '../../db/import-progress';
import type { ArchivedHistory } from '../../sync/archived-history';
import type { SyncReport } from '../../sync/sync-service';
import { ContactListIndex, emptyQuery, type ListQuery } from '../../workspace/contact-list';
import { parseRoute, routeHash, type Route } from '../../workspace/route';
import { createI18n, type Language } from '../i18n';
import { createFormat } from './format';
import { createWorkspaceTranslator } from './workspace-i18n';

export interface SavedFilter {
  name: string;
  query: ListQuery;
}

export interface WorkspaceDeps {
  db: RapportDatabase;
  language: Language;
  /** the member's email, written on every record */
  author: () => Promise<string>;
  /** tells the service worker a write happened here: sync soon */
  notifyChange: () => void;
  neverLog: () => Promise<string[]>;
  retentionMonths: () => Promise<number>;
  savedFilters: { get: () => Promise<SavedFilter[]>; set: (filters: SavedFilter[]) => Promise<void> };
  /** what the team's sheet holds about a person (for their data export) */
  sheetPersonData: (contactId: string) => Promise<unknown>;
  /** a person's history that the sheet moved to its yearly archives (not kept in the browser) */
  archivedHistory: (contactId: string) => Promise<ArchivedHistory>;
  /** today as YYYY-MM-DD in the browser's zone */
  today: () => string;
  /** where syncing stands; with force, syncs first */
  sync: (force: boolean) => Promise<SyncReport | null>;
  /** calls back whenever where syncing stands changes (a sync in the service worker, begun anywhere) */
  watchSync: (listener: () => void) => void;
}

/** The workspace's state as signals, one per page, passed down by context. */
export function createWorkspace(deps: WorkspaceDeps) {
  const t = createWorkspaceTranslator(deps.language);
  /** the popup's words, for what the workspace says the same way (where syncing stands) */
  const i18n = createI18n(deps.language, navigator.language);
  const fmt = createFormat(deps.language);
  const route = signal<Route>(parseRoute(location.hash));
  const index = new ContactListIndex(deps.db);
  const query = signal<ListQuery>(emptyQuery());
  /** how many contacts the contact list shows (for "export this list") */
  const listCount = signal(0);
  const selected = signal<ReadonlySet<string>>(new Set());
  /** bumped whenever the database changed, here or in another page or the service worker */
  const dataVersion = signal(0);
  const notice = signal('');
  const me = signal('');
  void deps.author().then((email) => (me.value = email));

  /** a notice meant for the page being opened (set just before going there) */
  let noticeForNext = false;
  addEventListener('hashchange', () => {
    route.value = parseRoute(location.hash);
    if (!noticeForNext) notice.value = '';
    noticeForNext = false;
  });
  /** Goes to a page with a notice for it ("Deal saved.", "… was erased."). */
  const goWithNotice = (next: Route, text: string) => {
    notice.value = text;
    noticeForNext = location.hash !== routeHash(next);
    go(next);
  };
  let pending: ReturnType<typeof setTimeout> | undefined;
  Dexie.on('storagemutated', () => {
    index.invalidate();
    clearTimeout(pending);
    pending = setTimeout(() => dataVersion.value++, 150);
  });

  const go = (next: Route) => {
    location.hash = routeHash(next);
  };
  /** After a write here: sync soon. */
  const changed = () => deps.notifyChange();

  /** a saved import being added to the contact list, if any */
  const importing = signal<ImportProgress | null>(null);
  /** rows of saved imports that could not be added (set aside until tried again or discarded) */
  const importFailed = signal<{ rows: number; reason: string } | null>(null);
  /** why adding saved imports stopped (they stay saved and are tried again) */
  const importStopped = signal('');
  let adding: Promise<void> | null = null;
  /**
   * Adds saved imports to the contact tables (after an import, or one that was still being added
   * when its page closed). `saved` shows the import just saved as being added from the start.
   */
  const addImports = (saved?: ImportProgress) => {
    if (saved && !adding) importing.value = saved;
    return (adding ??= (async () => {
      try {
        importing.value = await importProgress(deps.db);
        if (importing.value) {
          const { addImportedContacts } = await import('../../db/import-contacts');
          importStopped.value = '';
          await addImportedContacts(deps.db, (progress) => (importing.value = progress));
          changed();
        }
      } catch (error) {
        importStopped.value = error instanceof Error ? error.message : String(error);
      } finally {
        importing.value = null;
        adding = null;
        importFailed.value = await failedImports(deps.db).catch(() => null);
      }
    })());
  };
  /** Tries the rows that could not be added once more, or drops them. */
  const settleFailedImports = async (choice: 'retry' | 'discard') => {
    const { settleFailedImports: settle } = await import('../../db/import-contacts');
    await settle(deps.db, choice);
    importFailed.value = null;
    await addImports();
  };
  void addImports();

  return { ...deps, t, i18n, fmt, route, go, goWithNotice, index, query, listCount, selected, dataVersion, notice, me, changed, importing, importFailed, importStopped, addImports, settleFailedImports };
}

export type Workspace = ReturnType<typeof createWorkspace>;
export const WorkspaceContext = createContext<Workspace | null>(null);
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceContext');
  return workspace;
}
