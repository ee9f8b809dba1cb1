import { describe, expect, it } from 'vitest';
import { readGmail, readGmailSelf } from '../../../extension/capture/gmail';
import { capturePage, readOpenEmail } from '../../../extension/capture/index';
import { loadPage } from './load-page';

const inboxUrl = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKkLbvZgCmnbbbNqFRxpz';
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();

describe('Gmail, one received message', () => {
  const doc = () => loadPage('gmail-message.html');

  it('reads the open email', () => {
    expect(readOpenEmail(doc(), inboxUrl)).toEqual({
      provider: 'gmail',
      subject: 'Re: Q3 pricing for the Brightside rollout',
      sentAt: local(2026, 7, 28, 16, 12),
      dateText: 'Tue, Jul 28, 2026, 4:12 PM',
      messageId: 'msg-f:1806337098765432109',
      threadId: 'thread-f:1806337012345678901',
      threadUrl: inboxUrl,
      from: 'john.carter@northwindtraders.com',
      to: ['lena.park@brightside-studio.com'],
      cc: [],
      direction: 'inbound',
      snippet: expect.stringMatching(/^Hi Lena, attached is the updated pricing sheet for Q3\./),
    });
  });

  it('enriches the sender from their signature, not from the quoted message', () => {
    const [sender, self] = capturePage(doc(), inboxUrl);
    expect(sender).toMatchObject({
      name: 'John Carter', firstName: 'John', lastName: 'Carter', role: 'sender', source: 'gmail', isSelf: false,
      emails: ['john.carter@northwindtraders.com'], phones: ['+13125550143', '+13125550178'],
      jobTitle: 'Senior Account Executive', company: 'Northwind Traders Inc.', website: 'https://www.northwindtraders.com',
    });
    // The signed-in user shows as "me" in the recipients: recognised, and not given that name.
    expect(self).toMatchObject({ emails: ['lena.park@brightside-studio.com'], isSelf: true, name: '', role: 'to', phones: [] });
  });
});

describe('Gmail, a thread with several participants (German UI)', () => {
  const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfxsnqZrPQwHmvKsVxCgRbLtw';
  const doc = () => loadPage('gmail-thread-de.html');

  it('lists each person once, the open message’s sender first', () => {
    const candidates = capturePage(doc(), url);
    expect(candidates.map((c) => [c.emails[0], c.role, c.isSelf])).toEqual([
      ['anna.berger@berger-consulting.de', 'sender', false],
      ['lena.park@brightside-studio.de', 'to', true],
      ['tom.richter@richter-it.de', 'to', false],
      ['carla.nunes@nunes-partner.de', 'cc', false],
    ]);
    // The user's own name comes from the message they sent, not from the localized "ich".
    expect(candidates[1].name).toBe('Lena Park');
  });

  it('reads the open message: the last expanded one, with To and Cc apart', () => {
    expect(readOpenEmail(doc(), url)).toMatchObject({
      subject: 'Angebot Schaltschrank SK-400 – Rückfragen ⚡',
      sentAt: local(2026, 7, 29, 9, 14),
      dateText: 'Mi., 29. Juli 2026, 09:14',
      messageId: 'msg-f:1806341999988887777',
      // data-thread-perm-id is the string "undefined" here: the legacy hex id stands in.
      threadId: 'thread-f:1806337155544433322',
      from: 'anna.berger@berger-consulting.de',
      to: ['lena.park@brightside-studio.de', 'tom.richter@richter-it.de'],
      cc: ['carla.nunes@nunes-partner.de'],
      direction: 'inbound',
    });
  });

  it('takes each expanded message’s signature for its sender, fax excluded', () => {
    const [anna, , tom] = capturePage(doc(), url);
    expect(anna).toMatchObject({
      jobTitle: 'Projektleiterin', company: 'Berger Consulting GmbH', phones: ['+491712345678'],
      address: 'Hohenzollernring 52, 50672 Köln', website: 'https://www.berger-consulting.de',
    });
    expect(tom).toMatchObject({ company: 'Richter IT-Service', phones: ['+492219876543'] });
  });

  it('reads a thread whose messages are all collapsed: the last one is open, without a body', () => {
    const page = doc();
    for (const expanded of page.querySelectorAll('.h7')) {
      expanded.classList.replace('h7', 'kv');
      expanded.querySelector('.ii.gt')?.remove();
    }
    const email = readOpenEmail(page, url);
    expect(email).toMatchObject({ messageId: 'msg-f:1806341999988887777', from: 'anna.berger@berger-consulting.de', snippet: '' });
    expect(capturePage(page, url)[0]).toMatchObject({ name: 'Anna Berger', phones: [] });
  });
});

describe('Gmail, a message the user sent', () => {
  const url = 'https://mail.google.com/mail/u/0/#sent/FMfcgzQbfxsnqZrPQwHmvKsVxCgRbLtx';

  it('is outbound, and the user’s own signature enriches no one', () => {
    const doc = loadPage('gmail-sent.html');
    expect(readOpenEmail(doc, url)).toMatchObject({
      direction: 'outbound',
      from: 'lena.park@brightside-studio.com',
      to: ['marco.rossi@alpine-logistics.ch'],
      cc: ['dispatch@alpine-logistics.ch'],
      // A just-sent message has only its temporary id.
      messageId: 'msg-a:r-5527346620194477431',
      // en-GB writes the day first.
      sentAt: local(2026, 8, 4, 16, 20),
    });
    const candidates = capturePage(doc, url);
    expect(candidates[0]).toMatchObject({ emails: ['lena.park@brightside-studio.com'], isSelf: true, role: 'sender', phones: [], company: '' });
    expect(candidates[1]).toMatchObject({ name: 'Marco Rossi', role: 'to', isSelf: false, phones: [] });
  });
});

describe('Gmail, missing or older attributes', () => {
  it('builds the same message id from the legacy hex id, or from the hex id pages carried in 2018', () => {
    const legacyOnly = loadPage('gmail-message.html');
    legacyOnly.querySelector('.adn')!.removeAttribute('data-message-id');
    expect(readOpenEmail(legacyOnly, inboxUrl)?.messageId).toBe('msg-f:1806337098765432109');

    const hexInMessageId = loadPage('gmail-message.html');
    const message = hexInMessageId.querySelector('.adn')!;
    message.setAttribute('data-message-id', '191166055c85f52d');
    message.removeAttribute('data-legacy-message-id');
    expect(readOpenEmail(hexInMessageId, inboxUrl)?.messageId).toBe('msg-f:1806337098765432109');
  });

  it('falls back to a stable id from thread, date and sender when the message has no id', () => {
    const doc = loadPage('gmail-message.html');
    const message = doc.querySelector('.adn')!;
    message.removeAttribute('data-message-id');
    message.removeAttribute('data-legacy-message-id');
    const first = readOpenEmail(doc, inboxUrl)?.messageId;
    expect(first).toContain('john.carter@northwindtraders.com');
    expect(readOpenEmail(doc, inboxUrl)?.messageId).toBe(first);
  });

  it('links the thread by its legacy id when the URL names none', () => {
    const doc = loadPage('gmail-message.html');
    doc.querySelector('h2.hP')!.removeAttribute('data-thread-perm-id');
    const email = readOpenEmail(doc, 'https://mail.google.com/mail/u/0/#inbox');
    expect(email).toMatchObject({ threadId: 'thread-f:1806337012345678901', threadUrl: 'https://mail.google.com/mail/u/0/#all/191165f13d812c35' });
  });

  it('finds the user from the title, the account button, InboxSDK’s attribute or the URL', () => {
    const byTitle = loadPage('gmail-message.html');
    byTitle.querySelector('[role=banner]')!.remove();
    expect(readGmailSelf(byTitle, inboxUrl)).toBe('lena.park@brightside-studio.com');

    const byBanner = loadPage('gmail-message.html');
    byBanner.title = 'Posteingang (3)';
    expect(readGmailSelf(byBanner, inboxUrl)).toBe('lena.park@brightside-studio.com');

    const byInboxSdk = loadPage('gmail-message.html');
    byInboxSdk.title = '';
    byInboxSdk.querySelector('[role=banner]')!.remove();
    byInboxSdk.head.setAttribute('data-inboxsdk-user-email-address', 'Lena.Park@Brightside-Studio.com');
    expect(readGmailSelf(byInboxSdk, inboxUrl)).toBe('lena.park@brightside-studio.com');

    const byUrl = loadPage('gmail-message.html');
    byUrl.title = '';
    byUrl.querySelector('[role=banner]')!.remove();
    expect(readGmailSelf(byUrl, 'https://mail.google.com/mail/u/lena.park%40brightside-studio.com/#inbox')).toBe('lena.park@brightside-studio.com');
    expect(readGmailSelf(byUrl, inboxUrl)).toBe('');
  });

  it('reads a message whose sender span has only the collapsed-view markup', () => {
    const doc = loadPage('gmail-message.html');
    const sender = doc.querySelector('span.gD')!;
    sender.classList.remove('gD');
    sender.closest('td')!.classList.add('gF');
    expect(readOpenEmail(doc, inboxUrl)?.from).toBe('john.carter@northwindtraders.com');
  });
});

describe('Gmail, pages that are not an open message', () => {
  it('gives null for the inbox list and for other sites', () => {
    const list = new DOMParser().parseFromString('<div role="main"><table><tr><td><span email="x@y.com">X</span></td></tr></table></div>', 'text/html');
    expect(readGmail(list, 'https://mail.google.com/mail/u/0/#inbox')).toBeNull();
    expect(readGmail(loadPage('gmail-message.html'), 'https://example.com/#inbox')).toBeNull();
    expect(readOpenEmail(loadPage('gmail-message.html'), 'not a url')).toBeNull();
  });
});
