import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ConnectForm, type Connection } from '../ConnectForm';
import type { ConnectionCheck } from '../../sync/test-connection';
import type { I18n } from '../i18n';

export interface WelcomeProps {
  i18n: I18n;
  browserName: 'chrome' | 'firefox';
  /** the member's current connection, if any */
  connection: () => Promise<Connection | null>;
  check: (url: string, token: string) => Promise<ConnectionCheck>;
  save: (connection: Connection) => Promise<void>;
  openOptions: () => void;
  /** the sample email's markup, shown as a message */
  sampleHtml: string;
  /** reads the sample with the page reader and hands it to the popup; resolves when the popup may load */
  prepareSample: () => Promise<void>;
  popupUrl: string;
}

/** A drawing of the browser's toolbar: the puzzle piece, and Rapport pinned beside it. */
function PinPicture() {
  return (
    <div class="toolbar-picture" aria-hidden="true">
      <span class="omnibox" />
      <span class="toolbar-icon pinned"><img src="/icon/32.png" alt="" width={18} height={18} /></span>
      <span class="toolbar-icon puzzle">
        <svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor"><path d="M10 3a2 2 0 0 1 4 0v2h4a1 1 0 0 1 1 1v4h-2a2 2 0 0 0 0 4h2v4a1 1 0 0 1-1 1h-4v-2a2 2 0 0 0-4 0v2H6a1 1 0 0 1-1-1v-4h2a2 2 0 0 0 0-4H5V6a1 1 0 0 1 1-1h4z" /></svg>
      </span>
      <span class="pin-hint">
        <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M9 3h6l-1 6 3 3H7l3-3zM12 12v9" /></svg>
      </span>
    </div>
  );
}

export function Welcome(props: WelcomeProps) {
  const { i18n } = props;
  const { t } = i18n;
  const connected = useSignal<Connection | null>(null);
  const sampleReady = useSignal(false);
  useEffect(() => {
    void props.connection().then((c) => (connected.value = c));
    void props.prepareSample().then(() => (sampleReady.value = true));
  }, []);
  return (
    <main class="welcome">
      <header class="hero">
        <img src="/icon/128.png" alt="" width={64} height={64} />
        <div>
          <h1>{t('welcomeTitle')}</h1>
          <p class="lead">{t('welcomeLead')}</p>
        </div>
      </header>
      <ol class="steps">
        <li class="step">
          <h2><span class="number">1</span>{t('pinTitle')}</h2>
          <div class="step-body pin">
            <p>{props.browserName === 'firefox' ? t('pinFirefox') : t('pinChrome')}</p>
            <PinPicture />
          </div>
        </li>
        <li class="step">
          <h2><span class="number">2</span>{t('connectTitle')}</h2>
          <div class="step-body">
            {connected.value ? (
              <p class="ok" data-testid="welcome-connected">✓ {t('connectDone', { member: connected.value.member })}</p>
            ) : (
              <>
                <p>{t('connectText')}</p>
                <ConnectForm i18n={i18n} check={props.check} save={props.save} onConnected={(c) => (connected.value = c)} />
                <p class="hint">{t('notNow')} <button type="button" class="link" onClick={props.openOptions}>{t('openSettings')}</button></p>
              </>
            )}
          </div>
        </li>
        <li class="step">
          <h2><span class="number">3</span>{t('tryTitle')}</h2>
          <p>{t('tryText')}</p>
          <div class="try">
            <article class="sample-mail" aria-label={t('sampleSubject')}>
              <div class="mail-chrome"><span /><span /><span /></div>
              {/* Our own fixed markup (no page or user text): the sample message as a webmail shows it. */}
              <div class="mail" dangerouslySetInnerHTML={{ __html: props.sampleHtml }} />
            </article>
            <div class="popup-frame">
              {sampleReady.value && <iframe title="Rapport" src={props.popupUrl} width={360} height={560} />}
            </div>
          </div>
        </li>
      </ol>
    </main>
  );
}
