import type { Candidate, OpenEmail } from './candidate';

// Walking-skeleton reader: the sender of the last expanded Gmail message.
export function readGmailSender(doc: Document): Candidate[] {
  const sender = [...doc.querySelectorAll('div.adn span.gD[email]')].at(-1);
  if (!sender) return [];
  const name = sender.getAttribute('name') ?? sender.textContent ?? '';
  const [firstName = '', ...rest] = name.trim().split(/\s+/);
  return [{
    name, firstName, lastName: rest.join(' '), emails: [sender.getAttribute('email') ?? ''], phones: [],
    jobTitle: '', company: '', website: '', address: '', source: 'gmail', role: 'sender', isSelf: false,
  }];
}

export function readGmailEmail(doc: Document, url: string): OpenEmail | null {
  const message = [...doc.querySelectorAll<HTMLElement>('div.adn[data-message-id]')].at(-1);
  if (!message) return null;
  const from = message.querySelector('span.gD[email]')?.getAttribute('email') ?? '';
  return {
    provider: 'gmail',
    subject: doc.querySelector('h2.hP')?.textContent?.trim() ?? '',
    sentAt: '', dateText: message.querySelector('span.g3')?.getAttribute('title') ?? '',
    messageId: message.dataset.messageId ?? '', threadId: new URL(url).hash.split('/').at(-1) ?? '',
    from, to: [], cc: [], direction: 'inbound', snippet: '',
  };
}
