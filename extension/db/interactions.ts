import type { Interaction } from '../../shared/records';
import type { OpenEmail } from '../capture/candidate';
import type { RapportDatabase } from './database';
import { writeRecord } from './write-record';

export interface LogEmailInput {
  contactId: string;
  email: OpenEmail;
  url: string;
  /** the body is kept only when the user asks for it */
  keepSnippet: boolean;
}

/** Logs the open email once: the message id makes a second log of the same email a no-op. */
export async function logEmail(db: RapportDatabase, input: LogEmailInput, author: string): Promise<{ interaction: Interaction; alreadyLogged: boolean }> {
  const { email } = input;
  if (email.messageId) {
    const logged = (await db.interactions.where('messageId').equals(email.messageId).toArray())
      .find((i) => !i.deleted && i.contactId === input.contactId);
    if (logged) return { interaction: logged, alreadyLogged: true };
  }
  const interaction = await writeRecord(db, 'interactions', {
    contactId: input.contactId,
    type: 'email',
    direction: email.direction,
    channel: email.provider,
    occurredAt: email.sentAt || new Date().toISOString(),
    subject: email.subject,
    summary: input.keepSnippet ? email.snippet : '',
    sourceUrl: input.url,
    messageId: email.messageId,
  }, author);
  return { interaction, alreadyLogged: false };
}
