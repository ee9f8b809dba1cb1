import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createSend } from '../../messaging/send';
import { currentNeverLog, followUpTimeItem, memberEmailItem, neverLogItem, notifyItem, retentionMonthsItem, syncStatusItem, syncTokenItem, syncUrlItem } from '../../settings';
import { testConnection } from '../../sync/test-connection';
import { createI18n, languageFor } from '../../ui/i18n';
import { Options } from '../../ui/options/Options';
import { PrivacySettings } from '../../ui/options/PrivacySettings';
import '../../ui/options/options.css';

const send = createSend((envelope) => browser.runtime.sendMessage(envelope));
const language = languageFor(navigator.language);
document.documentElement.lang = language;
const i18n = createI18n(language, navigator.language);
document.title = i18n.t('optionsTitle');

const reportOf = async (answer: ReturnType<typeof send<'syncStatus'>>) => {
  const settled = await answer;
  return settled.ok ? settled.value : null;
};

render(
  <Options
    i18n={i18n}
    load={async () => ({
      url: await syncUrlItem.getValue(), token: await syncTokenItem.getValue(), member: await memberEmailItem.getValue(),
      notify: await notifyItem.getValue(), followUpTime: await followUpTimeItem.getValue(),
    })}
    save={async ({ url, token, member }) => {
      await syncUrlItem.setValue(url);
      await syncTokenItem.setValue(token);
      await memberEmailItem.setValue(member);
      await syncStatusItem.removeValue();
    }}
    disconnect={async () => {
      await syncUrlItem.setValue('');
      await syncTokenItem.setValue('');
      await syncStatusItem.removeValue();
    }}
    check={(url, token) => testConnection(url, token)}
    syncReport={() => reportOf(send('syncStatus', {}))}
    syncNow={() => reportOf(send('syncNow', {}))}
    watchSync={(listener) => browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && 'syncStatus' in changes) listener();
    })}
    setNotify={async (on) => {
      // Asked only now, on the member's click: the permission is optional in the manifest.
      const granted = !on || (await browser.permissions.contains({ permissions: ['notifications'] })) || (await browser.permissions.request({ permissions: ['notifications'] }));
      await notifyItem.setValue(on && granted);
      return granted;
    }}
    setFollowUpTime={(time) => followUpTimeItem.setValue(time)}
  >
    <PrivacySettings
      load={async () => ({ neverLog: await currentNeverLog(), retentionMonths: await retentionMonthsItem.getValue() })}
      save={async (neverLog, months) => {
        await neverLogItem.setValue(neverLog);
        await retentionMonthsItem.setValue(months);
      }}
    />
  </Options>,
  document.getElementById('app')!,
);
