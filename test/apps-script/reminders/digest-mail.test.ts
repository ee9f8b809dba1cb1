import { describe, expect, it } from 'vitest';
import { digestMail } from '../../../apps-script/src/reminders/digest-mail';
import type { DueItem } from '../../../shared/reminders/due-items';

const item = (rest: Partial<DueItem>): DueItem => ({ kind: 'followUp', key: 'followUp:1', owner: 'ann@x.test', table: 'followUps', id: '1', row: 2, title: 'Call', contact: 'Bea', day: '2026-11-20', days: 4, urgency: 1004, ...rest });
const base = { today: '2026-11-24', spreadsheetName: 'CRM', rowLink: () => 'https://docs.google.com/spreadsheets/d/x/edit#gid=1&range=A2', missed: [], currency: 'EUR' };

describe('the digest mail', () => {
  it('escapes text from the sheet in HTML, and keeps it as it is in plain text', () => {
    const hostile = '<img src=x onerror=alert(1)> & "quotes"';
    const mail = digestMail({ ...base, language: 'en', items: [item({ title: hostile, contact: '<b>Bea</b>' })], actionLink: () => 'https://x.test/exec?a=1"2' });
    expect(mail.htmlBody).not.toContain('<img');
    expect(mail.htmlBody).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;quotes&#34;');
    expect(mail.htmlBody).toContain('href="https://x.test/exec?a=1&#34;2"');
    expect(mail.body).toContain(`- ${hostile} — <b>Bea</b> — due Fri 20 Nov 2026, 4 days late`);
  });

  it('says where the Done and Snooze links are when the web app is not deployed', () => {
    const en = digestMail({ ...base, language: 'en', items: [item({})], actionLink: () => null });
    expect(en.body).toContain('Done and Snooze links appear once the sheet’s web app is deployed');
    expect(en.htmlBody).not.toContain('>Done<');
    const de = digestMail({ ...base, language: 'de', items: [item({ kind: 'deal', title: 'Großauftrag', amount: 1234567.5, currency: 'CHF', days: 1 })], actionLink: () => null });
    expect(de.subject).toBe('Rapport 24.11.: 1 Deal überfällig');
    expect(de.body).toContain('- Großauftrag — Bea — 1.234.567,50 CHF — Abschluss erwartet Fr. 20.11.2026 (vor 1 Tag)');
  });
});
