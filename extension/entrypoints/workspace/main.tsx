import { render } from 'preact';
import { browser } from 'wxt/browser';
import { dayOf, localWallClock } from '../../../shared/calendar';
import { openDatabase } from '../../db/database';
import { currentNeverLog, memberEmailItem, retentionMonthsItem, savedFiltersItem } from '../../settings';
import { createSend } from '../../messaging/send';
import { languageFor } from '../../ui/i18n';
import { Workspace } from '../../ui/workspace/Workspace';
import { createWorkspace, WorkspaceContext, type SavedFilter } from '../../ui/workspace/workspace-store';
import '../../ui/workspace/workspace.css';

const send = createSend((envelope) => browser.runtime.sendMessage(envelope));
const language = languageFor(navigator.language);
document.documentElement.lang = language;

const workspace = createWorkspace({
  db: openDatabase(),
  language,
  author: () => memberEmailItem.getValue(),
  notifyChange: () => void send('localChange', {}).catch(() => undefined),
  neverLog: currentNeverLog,
  retentionMonths: () => retentionMonthsItem.getValue(),
  savedFilters: { get: async () => (await savedFiltersItem.getValue()) as SavedFilter[], set: (filters) => savedFiltersItem.setValue(filters) },
  sheetPersonData: async (contactId) => (await import('../../sync/connected-sheet')).personSheetData(contactId),
  archivedHistory: async (contactId) => (await import('../../sync/connected-sheet')).archivedHistoryOf(contactId),
  today: () => dayOf(new Date(), localWallClock)!,
  sync: async (force) => {
    const answer = await (force ? send('syncNow', {}) : send('syncStatus', {})).catch(() => null);
    return answer?.ok ? answer.value : null;
  },
  watchSync: (listener) => browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'syncStatus' in changes) listener();
  }),
});
document.title = workspace.t('appTitle');

render(
  <WorkspaceContext.Provider value={workspace}>
    <Workspace />
  </WorkspaceContext.Provider>,
  document.getElementById('app')!,
);
