import { storage } from 'wxt/utils/storage';
import type { Language } from '../ui/i18n';

/**
 * The welcome page's sample email: a message in Gmail's markup (see WEBMAIL-MARKUP.md), read by
 * the real page reader, so trying Rapport on it is trying the real thing. The sender is made up.
 */
export const SAMPLE_URL = 'https://mail.google.com/mail/u/0/#inbox/rapport-welcome-sample';

const samples: Record<Language, { subject: string; body: string; date: string; signature: string[] }> = {
  en: {
    subject: 'Quote for 25 touring tents',
    date: 'Nov 18, 2026, 10:42 AM',
    body: 'Hello,<br><br>we are planning next season’s rental fleet and would like a quote for 25 touring tents (three-person), delivered to our Munich warehouse in March. Could you also include your lead times?<br><br>Kind regards,',
    signature: ['Jonas Berger', 'Head of Purchasing', 'Fjellheim Outdoor GmbH', 'Phone: +49 89 2190 4471', 'www.fjellheim-outdoor.example'],
  },
  de: {
    subject: 'Angebot für 25 Trekkingzelte',
    date: '18. Nov. 2026, 10:42',
    body: 'Guten Tag,<br><br>wir planen die Mietflotte für die nächste Saison und bitten um ein Angebot für 25 Trekkingzelte (drei Personen), Lieferung im März an unser Lager in München. Können Sie auch Ihre Lieferzeiten nennen?<br><br>Mit freundlichen Grüßen',
    signature: ['Jonas Berger', 'Leiter Einkauf', 'Fjellheim Outdoor GmbH', 'Tel.: +49 89 2190 4471', 'www.fjellheim-outdoor.example'],
  },
};

/** The sample message as Gmail marks it up, to the person trying Rapport (you@example.com, the signed-in user). */
export function sampleEmailHtml(language: Language): string {
  const sample = samples[language];
  return `<div role="banner" hidden><a aria-label="Google Account: ${language === 'de' ? 'Sie' : 'You'} (you@example.com)" href="#">·</a></div>
<div role="main" lang="${language}">
  <h2 class="hP" data-thread-perm-id="thread-f:rapport-welcome">${sample.subject}</h2>
  <div class="h7" role="listitem" aria-expanded="true">
    <div class="adn ads" data-message-id="#msg-f:rapport-welcome-sample">
      <div class="gE iv gt"><table class="cf gJ"><tbody><tr class="acZ">
        <td class="gF gK"><span class="gD" email="jonas.berger@fjellheim-outdoor.example" name="Jonas Berger">Jonas Berger</span>
          <span class="go">&lt;jonas.berger@fjellheim-outdoor.example&gt;</span></td>
        <td class="gH"><span class="g3" title="${sample.date}">${sample.date}</span></td></tr></tbody></table>
        <span class="hb">${language === 'de' ? 'an' : 'to'} <span class="g2" email="you@example.com" name="${language === 'de' ? 'mich' : 'me'}">${language === 'de' ? 'mich' : 'me'}</span></span></div>
      <div class="ii gt"><div class="a3s aiL"><div dir="ltr">${sample.body}<br>
        <div class="gmail_signature">${sample.signature.join('<br>')}</div></div></div></div>
    </div>
  </div>
</div>`;
}

/** The sample as read, handed from the welcome page to the popup beside it; taken once. */
export const sampleCaptureItem = storage.defineItem<unknown>('session:sampleCapture', { fallback: null });

export async function takeSample(): Promise<unknown> {
  const sample = await sampleCaptureItem.getValue();
  await sampleCaptureItem.setValue(null);
  return sample;
}
