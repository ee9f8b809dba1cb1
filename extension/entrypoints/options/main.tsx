import { render } from 'preact';
import { browser } from 'wxt/browser';
import { currentNeverLog, memberEmailItem, neverLogItem, retentionMonthsItem, syncStatusItem, syncTokenItem, syncUrlItem } from '../../settings';
import { testConnection } from '../../sync/test-connection';
import { Options } from '../../ui/options/Options';
import { PrivacySettings } from '../../ui/options/PrivacySettings';
import '../../ui/options/options.css';

async function save(url: string, token: string, member: string) {
  await syncUrlItem.setValue(url);
  await syncTokenItem.setValue(token);
  await memberEmailItem.setValue(member);
  await syncStatusItem.removeValue();
  void browser.runtime.sendMessage({ type: 'syncNow' });
}

render(
  <>
    <Options
      load={async () => ({ url: await syncUrlItem.getValue(), token: await syncTokenItem.getValue() })}
      save={save}
      check={(url, token) => testConnection(url, token)}
    />
    <PrivacySettings
      load={async () => ({ neverLog: await currentNeverLog(), retentionMonths: await retentionMonthsItem.getValue() })}
      save={async (neverLog, months) => {
        await neverLogItem.setValue(neverLog);
        await retentionMonthsItem.setValue(months);
      }}
    />
  </>,
  document.getElementById('app')!,
);
