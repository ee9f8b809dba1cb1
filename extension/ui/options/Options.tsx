import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
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
          <input name="syncUrl" type="url" required placeholder="https://script.google.com/macros/s/…/exec" value={url.value} onInput={(e) => (url.value = e.currentTarget.value)} />
        </label>
        <label>
          Your sync token
          <input name="syncToken" type="password" required autocomplete="off" value={token.value} onInput={(e) => (token.value = e.currentTarget.value)} />
        </label>
        <p class="hint">The sheet owner makes a token for you with Rapport → Add team member… in the sheet.</p>
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
