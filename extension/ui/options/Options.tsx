import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { parseSetupLink } from '../../../shared/setup-link';
import type { ConnectionCheck } from '../../sync/test-connection';

export interface OptionsProps {
  load: () => Promise<{ url: string; token: string }>;
  save: (url: string, token: string, member: string) => Promise<void>;
  check: (url: string, token: string) => Promise<ConnectionCheck>;
}

export function Options({ load, save, check }: OptionsProps) {
  const url = useSignal('');
  const token = useSignal('');
  const result = useSignal<ConnectionCheck | null>(null);
  const busy = useSignal(false);
  const fromLine = useSignal(false);
  useEffect(() => {
    void load().then((v) => {
      url.value = v.url;
      token.value = v.token;
    });
  }, []);

  async function onSubmit(event: Event) {
    event.preventDefault();
    busy.value = true;
    const outcome = await check(url.value, token.value);
    if (outcome.ok) await save(url.value.trim(), token.value.trim(), outcome.member);
    result.value = outcome;
    busy.value = false;
  }

  return (
    <main class="options">
      <h1>Rapport settings</h1>
      <form onSubmit={(e) => void onSubmit(e)}>
        <label>
          Sheet web app URL
          <input
            name="syncUrl"
            type="url"
            required
            placeholder="https://script.google.com/macros/s/…/exec"
            value={url.value}
            onInput={(e) => {
              // The sheet's Team members sidebar gives a one-line set-up link: URL#rapport-token=…
              const line = parseSetupLink(e.currentTarget.value);
              fromLine.value = line !== null;
              if (line) {
                url.value = line.url;
                token.value = line.token;
                e.currentTarget.value = line.url;
              } else url.value = e.currentTarget.value;
            }}
          />
        </label>
        <label>
          Your sync token
          <input name="syncToken" type="password" required autocomplete="off" value={token.value} onInput={(e) => (token.value = e.currentTarget.value)} />
        </label>
        <p class="hint">{fromLine.value ? 'The token was filled in from the set-up line.' : 'The sheet owner adds you with Rapport → Team members… in the sheet: paste the set-up line they send you into the URL field.'}</p>
        <button type="submit" disabled={busy.value}>{busy.value ? 'Checking…' : 'Save and test connection'}</button>
      </form>
      {result.value && (
        <p role="status" class={result.value.ok ? 'ok' : 'problem'} data-testid="connection">
          {result.value.ok ? `Connected as ${result.value.member}. Settings saved.` : `Not saved: ${result.value.message}`}
        </p>
      )}
    </main>
  );
}
