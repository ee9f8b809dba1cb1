import { useWorkspace } from './workspace-store';

/** A saved import on its way into the contact list, with how far it has got (or why it stopped). */
export function ImportAdding() {
  const { t, fmt, importing, importStopped } = useWorkspace();
  const progress = importing.value;
  if (importStopped.value) return <p class="problem" role="alert">{t('importAddStopped', { message: importStopped.value })}</p>;
  if (!progress) return null;
  return (
    <div class="progress" data-testid="import-adding">
      <progress max={progress.total} value={progress.done} aria-label={t('importAdding', { done: fmt.count(progress.done), total: fmt.count(progress.total) })} />
      <span role="status">{t('importAdding', { done: fmt.count(progress.done), total: fmt.count(progress.total) })}</span>
    </div>
  );
}
