import type { ComponentChildren } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { SyncReport } from '../../sync/sync-service';
import type { ConnectionCheck } from '../../sync/test-connection';
import { ConnectForm, type Connection } from '../ConnectForm';
import type { I18n } from '../i18n';
import { describeRefused, describeSync, moment } from '../sync-status';

export interface OptionsProps {
  i18n: I18n;
  load: () => Promise<Connection & { notify: boolean; followUpTime: string }>;
  save: (connection: Connection) => Promise<void>;
  disconnect: () => Promise<void>;
  check: (url: string, token: string) => Promise<ConnectionCheck>;
  syncReport: () => Promise<SyncReport | null>;
  syncNow: () => Promise<SyncReport | null>;
  /** calls back whenever the sync state changes (live) */
  watchSync: (listener: () => void) => void;
  /** asks for the notifications permission (only now, when the member turns them on); false when refused */
  setNotify: (on: boolean) => Promise<boolean>;
  setFollowUpTime: (time: string) => Promise<void>;
  /** further panels (privacy) below the built-in ones */
  children?: ComponentChildren;
}

/** The sheet connection as it stands (connected as …, last sync …, Disconnect), reminders, and the usual follow-up time. */
export function Options(props: OptionsProps) {
  const { i18n } = props;
  const { t } = i18n;
  const connection = useSignal<Connection | null>(null);
  const changing = useSignal(false);
  const initial = useSignal({ url: '', token: '' });
  const result = useSignal<{ ok: boolean; text: string } | null>(null);
  const report = useSignal<SyncReport | null>(null);
  const notify = useSignal(false);
  const notifyProblem = useSignal('');
  const time = useSignal('09:00');

  const refreshReport = async () => {
    report.value = await props.syncReport();
  };
  useEffect(() => {
    void props.load().then((loaded) => {
      connection.value = loaded.url && loaded.token ? { url: loaded.url, token: loaded.token, member: loaded.member } : null;
      initial.value = { url: loaded.url, token: loaded.token };
      notify.value = loaded.notify;
      time.value = loaded.followUpTime;
    });
    void refreshReport();
    props.watchSync(() => void refreshReport());
  }, []);

  async function onConnected(saved: Connection) {
    connection.value = saved;
    changing.value = false;
    result.value = { ok: true, text: t('connectedSaved', { member: saved.member }) };
    report.value = await props.syncNow();
  }

  async function onDisconnect() {
    await props.disconnect();
    connection.value = null;
    initial.value = { url: '', token: '' };
    result.value = { ok: true, text: t('disconnected') };
    await refreshReport();
  }

  async function onNotify(on: boolean) {
    notifyProblem.value = '';
    const granted = await props.setNotify(on);
    notify.value = on && granted;
    if (on && !granted) notifyProblem.value = t('notifyDenied');
  }

  const sync = describeSync(report.value, i18n, new Date());
  const connected = connection.value && !changing.value;
  return (
    <main class="options">
      <h1><img src="/icon/48.png" alt="" width={28} height={28} /> {t('optionsTitle')}</h1>
      <section class="panel" aria-labelledby="connection-title">
        <h2 id="connection-title">{t('connection')}</h2>
        {connected ? (
          <div class="connected" data-testid="connected">
            <p class="ok"><strong>{t('connectedAs', { member: connection.value!.member || '…' })}</strong>
              {report.value?.lastSuccessAt && <> · {t('lastSync', { when: moment(report.value.lastSuccessAt, i18n, new Date()) })}</>}</p>
            <p class="url">{connection.value!.url}</p>
            <div class="buttons">
              <button type="button" class="secondary" onClick={() => void onDisconnect()}>{t('disconnect')}</button>
              <button type="button" class="secondary" data-testid="change-connection" onClick={() => { changing.value = true; result.value = null; }}>{t('changeConnection')}</button>
            </div>
          </div>
        ) : (
          <ConnectForm key={`${initial.value.url}:${changing.value}`} i18n={i18n} initial={initial.value} check={props.check} save={props.save} onConnected={(saved) => void onConnected(saved)} />
        )}
        {result.value && <p role="status" class={result.value.ok ? 'ok' : 'problem'} data-testid="connection">{result.value.text}</p>}
        {report.value && (
          <div class="sync" aria-label={t('syncState')}>
            <p class={`sync-state ${sync.state}`} data-testid="options-sync-state" data-state={sync.state}>{sync.text}{sync.waiting && <span class="waiting"> · {sync.waiting}</span>}</p>
            {report.value.error && report.value.nextAttemptAt && <p class="hint">{t('retryAt', { when: moment(report.value.nextAttemptAt, i18n, new Date()) })}</p>}
            {report.value.refused.length > 0 && (
              <details>
                <summary>{i18n.n('refusedCount', report.value.refused.length)}</summary>
                <ul>{report.value.refused.map((change) => <li key={`${change.id}:${change.at}`}>{describeRefused(change, i18n)}</li>)}</ul>
              </details>
            )}
            {connected && <button type="button" class="secondary" onClick={() => void props.syncNow().then((r) => (report.value = r))}>{t('syncNow')}</button>}
          </div>
        )}
      </section>
      <section class="panel" aria-labelledby="reminders-title">
        <h2 id="reminders-title">{t('reminders')}</h2>
        <label class="check">
          <input type="checkbox" name="notify" checked={notify.value} onChange={(e) => void onNotify(e.currentTarget.checked)} />
          {t('notifyLabel')}
        </label>
        {notifyProblem.value && <p class="problem" role="alert">{notifyProblem.value}</p>}
        <label>
          {t('followUpTimeLabel')}
          <input name="followUpTime" type="time" class="time" value={time.value}
            onChange={(e) => { time.value = e.currentTarget.value; void props.setFollowUpTime(e.currentTarget.value); }} />
          <span class="hint">{t('followUpTimeHint')}</span>
        </label>
      </section>
      {props.children}
    </main>
  );
}
