import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { parseNeverLog } from '../../never-log';
import { languageFor } from '../i18n';
import { createWorkspaceTranslator } from '../workspace/workspace-i18n';

export interface PrivacySettingsProps {
  load: () => Promise<{ neverLog: string[]; retentionMonths: number }>;
  save: (neverLog: string[], retentionMonths: number) => Promise<void>;
}

/** The never-log list (prefilled with the member's own domain) and the retention period. */
export function PrivacySettings({ load, save }: PrivacySettingsProps) {
  const t = createWorkspaceTranslator(languageFor(navigator.language));
  const text = useSignal('');
  const months = useSignal(24);
  const saved = useSignal(false);
  useEffect(() => {
    void load().then((v) => {
      text.value = v.neverLog.join('\n');
      months.value = v.retentionMonths;
    });
  }, []);
  async function onSubmit(event: Event) {
    event.preventDefault();
    const list = parseNeverLog(text.value);
    await save(list, Math.max(1, Math.round(months.value) || 24));
    text.value = list.join('\n');
    saved.value = true;
  }
  return (
    <section class="panel privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('privacyTitle')}</h2>
      <form onSubmit={(e) => void onSubmit(e)}>
        <label>
          {t('neverLogLabel')}
          <textarea name="neverLog" rows={5} value={text.value} onInput={(e) => { text.value = e.currentTarget.value; saved.value = false; }} />
        </label>
        <p class="hint">{t('neverLogHint')}</p>
        <label>
          {t('retentionLabel')}
          <input name="retentionMonths" type="number" min={1} max={240} value={months.value} onInput={(e) => { months.value = Number(e.currentTarget.value); saved.value = false; }} />
        </label>
        <button type="submit">{t('privacySave')}</button>
        {saved.value && <p role="status" class="ok" data-testid="privacy-saved">{t('privacySaved')}</p>}
      </form>
    </section>
  );
}
