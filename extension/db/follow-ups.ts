import type { FollowUp, Interaction } from '../../shared/records';
import type { RapportDatabase } from './database';
import { writeRecord } from './write-record';

export function addFollowUp(db: RapportDatabase, input: { contactId: string; dueAt: string; title: string }, author: string): Promise<FollowUp> {
  return writeRecord(db, 'followUps', { contactId: input.contactId, dueAt: input.dueAt, title: input.title || 'Follow up', status: 'open', owner: author }, author);
}

/** A note is part of the contact history, like an email or a call. */
export function addNote(db: RapportDatabase, input: { contactId: string; text: string }, author: string): Promise<Interaction> {
  return writeRecord(db, 'interactions', {
    contactId: input.contactId,
    type: 'note',
    direction: 'internal',
    occurredAt: new Date().toISOString(),
    summary: input.text,
  }, author);
}
