import { useSignal } from '@preact/signals';
import { parseSetupLink } from '../../shared/setup-link';
import type { ConnectionCheck } from '../sync/test-connection';
import type { I18n } from './i18n';

export interface Connection {
  url: string;
  token: string;
  member: string;
}

/** The sheet's set-up link, or its web app URL and the member's token, tested before they are saved. */
export function ConnectForm({ i18n, initial, check, save, onConnected }: {
  i18n: I18n;
  initial?: { url: string; token: string };
  check: (url: string, token: string) => Promise<ConnectionCheck>;
  save: (connection: Connection) => Promise<void>;
  onConnected: (connection: Connection) => void;
}) {
  const { t } = i18n;
  const url = useSignal(initial?.url ?? '');
  const token = useSignal(initial?.token ?? '');
  const setupLink = useSignal('');
  const problem = useSignal('');
  const busy = useSignal(false);

  const useLink = (text: string) => {
    setupLink.value = text;
    const parsed = parseSetupLink(text);
    if (parsed) {
      url.value = parsed.url;
      token.value = parsed.token;
    }
  };

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy.value) return;
    busy.value = true;
    problem.value = '';
    const outcome = await check(url.value, token.value);
    if (outcome.ok) {
      const connection = { url: url.value.trim(), token: token.value.trim(), member: outcome.member };
      await save(connection);
      onConnected(connection);
    } else {
      problem.value = t('notSaved', { reason: i18n.label('syncError', outcome.code, { detail: outcome.detail ?? '' }) });
    }
    busy.value = false;
  }

  return (
    <form class="connect" onSubmit={(e) => void onSubmit(e)}>
      <label>
        {t('setupLink')}
        <input name="setupLink" type="url" placeholder="https://script.google.com/macros/s/…/exec#rapport-token=…" value={setupLink.value} onInput={(e) => useLink(e.currentTarget.value)} />
        <span class="hint">{t('setupLinkHint')}</span>
      </label>
      <label>
        {t('sheetUrl')}
        <input name="syncUrl" type="url" required placeholder="https://script.google.com/macros/s/…/exec" value={url.value} onInput={(e) => (url.value = e.currentTarget.value)} />
      </label>
      <label>
        {t('syncToken')}
        <input name="syncToken" type="password" required autocomplete="off" value={token.value} onInput={(e) => (token.value = e.currentTarget.value)} />
        <span class="hint">{t('tokenHint')}</span>
      </label>
      <button type="submit" aria-disabled={busy.value}>{busy.value ? t('checking') : t('saveAndTest')}</button>
      {problem.value && <p role="status" class="problem" data-testid="connection">{problem.value}</p>}
    </form>
  );
}
