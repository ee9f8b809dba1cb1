import type { Interaction } from '../../shared/records';
import type { OpenEmail } from '../capture/candidate';
import type { RapportDatabase } from './database';
import { writeUndoable, type UndoStep } from './undo';

export interface LogEmailInput {
  contactId: string;
  email: OpenEmail;
  url: string;
  /** the body is kept only when the user asks for it */
  keepSnippet: boolean;
}

/** Logs the open email once: the message id makes a second log of the same email a no-op. */
export async function logEmail(db: RapportDatabase, input: LogEmailInput, author: string): Promise<{ interaction: Interaction; alreadyLogged: boolean; undo: UndoStep | null }> {
  const { email } = input;
  if (email.messageId) {
    const logged = (await db.interactions.where('messageId').equals(email.messageId).toArray())
      .find((i) => !i.deleted && i.contactId === input.contactId);
    if (logged) return { interaction: logged, alreadyLogged: true, undo: null };
  }
  const { record, undo } = await writeUndoable(db, 'interactions', {
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
  return { interaction: record, alreadyLogged: false, undo };
}

export interface LogConversationInput {
  contactId: string;
  type: 'call' | 'meeting';
  direction: 'inbound' | 'outbound' | '';
  occurredAt: string;
  outcome: string;
  durationMinutes: number | null;
  summary: string;
}

/** A call or a meeting, with how it went and how long it took. */
export function logConversation(db: RapportDatabase, input: LogConversationInput, author: string) {
  return writeUndoable(db, 'interactions', { ...input, channel: input.type === 'call' ? 'phone' : 'meeting' }, author);
}

/** A note is part of the contact history, like an email or a call. */
export function addNote(db: RapportDatabase, input: { contactId: string; text: string; occurredAt: string }, author: string) {
  return writeUndoable(db, 'interactions', { contactId: input.contactId, type: 'note', direction: 'internal', occurredAt: input.occurredAt, summary: input.text }, author);
}
