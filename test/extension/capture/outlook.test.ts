import { describe, expect, it } from 'vitest';
import { capturePage, readOpenEmail } from '../../../extension/capture/index';
import { isOutlookUrl, readOutlook } from '../../../extension/capture/outlook';
import { loadPage } from './load-page';

const conversationId = 'AAQkADAwATM0MDAAMS0xMgAtOTgzYi0wMAItMDAKABAA9n5Jq1wqQkSiWUR8oCDj3g=';
const url = `https://outlook.office.com/mail/inbox/id/${encodeURIComponent(conversationId)}`;
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();

describe('Outlook on the web, a conversation listed newest first', () => {
  it('reads the newest message by date, not by its place on the page', () => {
    expect(readOpenEmail(loadPage('outlook-conversation.html'), url)).toEqual({
      provider: 'outlook',
      subject: 'RE: Customs paperwork for shipment 88-1207',
      sentAt: local(2026, 7, 31, 8, 23),
      dateText: 'Fri 7/31/2026 8:23 AM',
      messageId: `outlook:${conversationId}:${local(2026, 7, 31, 8, 23)}:marco.rossi@alpine-logistics.ch`,
      threadId: conversationId,
      from: 'marco.rossi@alpine-logistics.ch',
      to: ['lena.park@brightside-studio.com', 'peter.grant@grantco.com'],
      cc: ['customs@alpine-logistics.ch'],
      direction: 'inbound',
      snippet: expect.stringMatching(/^Hi Lena, the commercial invoice is attached/),
    });
  });

  it('reads the sender’s #x_Signature and resolves the user shown by name only', () => {
    const candidates = capturePage(loadPage('outlook-conversation.html'), url);
    expect(candidates.map((c) => [c.emails[0], c.role, c.isSelf])).toEqual([
      ['marco.rossi@alpine-logistics.ch', 'sender', false],
      ['lena.park@brightside-studio.com', 'to', true],
      ['peter.grant@grantco.com', 'to', false],
      ['customs@alpine-logistics.ch', 'cc', false],
    ]);
    expect(candidates[0]).toMatchObject({
      name: 'Marco Rossi', source: 'outlook', jobTitle: 'Head of Operations', company: 'Alpine Logistics AG',
      phones: ['+41441234567'], website: 'https://www.alpine-logistics.ch', address: 'Bahnhofstrasse 10, 8001 Zürich',
    });
    // Lena's own number appears only in the quoted reply and in her own message.
    expect(candidates[1]).toMatchObject({ name: 'Lena Park', phones: [] });
  });

  it('is outbound when the open message is the user’s', () => {
    const doc = loadPage('outlook-conversation.html');
    doc.querySelector('.aVla3')!.remove();
    expect(readOpenEmail(doc, url)).toMatchObject({ direction: 'outbound', from: 'lena.park@brightside-studio.com', to: ['marco.rossi@alpine-logistics.ch'] });
  });
});

describe('Outlook on the web, German UI without signature markup', () => {
  const id = 'AAQkADAwATM0MDAAMS0xMgAtODU1ZS0wMAItMDAKABAAkX+sY4T1ZkKq1/xJb0rYvw==';
  const germanUrl = `https://outlook.office365.com/mail/inbox/id/${encodeURIComponent(id)}`;

  it('takes the conversation id from the URL and reads dotted dates', () => {
    expect(readOpenEmail(loadPage('outlook-de.html'), germanUrl)).toMatchObject({
      subject: 'AW: Anfrage Schaltschrank',
      threadId: id,
      sentAt: local(2026, 3, 4, 14, 5),
      dateText: 'Mi 04.03.2026 14:05',
      from: 's.krueger@krueger-elektro.de',
      to: ['m.schulz@schulz-anlagen.de'],
      cc: [],
    });
  });

  it('reads the signature from the last block before the quoted reply', () => {
    const [sender, ...others] = capturePage(loadPage('outlook-de.html'), germanUrl);
    expect(sender).toMatchObject({
      name: 'Sabine Krüger', jobTitle: 'Vertriebsinnendienst', company: 'Krüger Elektrotechnik e.K.',
      phones: ['+494213344512'], address: 'Am Hafen 3, 28217 Bremen',
    });
    // The quoted Martin Schulz keeps his header address but gets nothing from the quote;
    // "Lena Park" in Cc has no address and the account menu is closed, so she is not offered.
    expect(others.map((c) => [c.name, c.emails, c.phones])).toEqual([['Martin Schulz', ['m.schulz@schulz-anlagen.de'], []]]);
  });
});

describe('Outlook hosts and pages without an open message', () => {
  it('knows the four hosts', () => {
    for (const host of ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft']) {
      expect(isOutlookUrl(`https://${host}/mail/`)).toBe(true);
    }
    expect(isOutlookUrl('https://outlook.example.com/mail/')).toBe(false);
  });

  it('gives null without a reading pane', () => {
    const doc = new DOMParser().parseFromString('<div role="listbox"><div role="option" data-convid="AAQk">x</div></div>', 'text/html');
    expect(readOutlook(doc, 'https://outlook.live.com/mail/0/')).toBeNull();
  });
});
