import { useWorkspace } from './workspace-store';

/** A saved import on its way into the contact list, with how far it has got; rows that could not be added, or why adding stopped. */
export function ImportAdding() {
  const { t, fmt, importing, importFailed, importStopped, settleFailedImports } = useWorkspace();
  const progress = importing.value;
  const failed = importFailed.value;
  return (
    <>
      {progress && (
        <div class="progress" data-testid="import-adding">
          <progress max={progress.total} value={progress.done} aria-label={t('importAddingLabel')} />
          <span role="status">{t('importAdding', { done: fmt.count(progress.done), total: fmt.count(progress.total) })}</span>
        </div>
      )}
      {failed && (
        <div class="problem" role="alert" data-testid="import-failed">
          <p>{t('importAddFailed', { rows: fmt.count(failed.rows), reason: failed.reason })}</p>
          <button type="button" onClick={() => void settleFailedImports('retry')}>{t('importRetry')}</button>{' '}
          <button type="button" onClick={() => void settleFailedImports('discard')}>{t('importDiscard')}</button>
        </div>
      )}
      {importStopped.value && <p class="problem" role="alert">{t('importAddStopped', { message: importStopped.value.replace(/\.$/, '') })}</p>}
    </>
  );
}
