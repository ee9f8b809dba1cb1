import { render } from 'preact';
import { browser } from 'wxt/browser';
import { readPage } from '../../capture/index';
import { createSend } from '../../messaging/send';
import { memberEmailItem, syncStatusItem, syncTokenItem, syncUrlItem } from '../../settings';
import { testConnection } from '../../sync/test-connection';
import { createI18n, languageFor } from '../../ui/i18n';
import { Welcome } from '../../ui/welcome/Welcome';
import { SAMPLE_URL, sampleCaptureItem, sampleEmailHtml } from '../../welcome/sample-email';
import '../../ui/welcome/welcome.css';

const language = languageFor(navigator.language);
document.documentElement.lang = language;
const i18n = createI18n(language, navigator.language);
document.title = i18n.t('welcomeTitle');
const sampleHtml = sampleEmailHtml(language);

render(
  <Welcome
    i18n={i18n}
    browserName={navigator.userAgent.includes('Firefox') ? 'firefox' : 'chrome'}
    connection={async () => {
      const [url, token, member] = await Promise.all([syncUrlItem.getValue(), syncTokenItem.getValue(), memberEmailItem.getValue()]);
      return url && token ? { url, token, member } : null;
    }}
    check={(url, token) => testConnection(url, token)}
    save={async ({ url, token, member }) => {
      await syncUrlItem.setValue(url);
      await syncTokenItem.setValue(token);
      await memberEmailItem.setValue(member);
      await syncStatusItem.removeValue();
      void createSend((envelope) => browser.runtime.sendMessage(envelope))('syncNow', {});
    }}
    openOptions={() => void browser.runtime.openOptionsPage()}
    sampleHtml={sampleHtml}
    prepareSample={async () => {
      const doc = new DOMParser().parseFromString(`<!doctype html><html lang="${language}"><head><title>Gmail</title></head><body>${sampleHtml}</body></html>`, 'text/html');
      await sampleCaptureItem.setValue(readPage(doc, SAMPLE_URL));
    }}
    popupUrl={browser.runtime.getURL('/popup.html?sample=1')}
  />,
  document.getElementById('app')!,
);
