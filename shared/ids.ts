import { uuidv7 } from 'uuidv7';

/** Record ids are UUIDv7, made on the client, so they sort by creation time. */
export const newId = (): string => uuidv7();

export const nowIso = (date: Date = new Date()): string => date.toISOString();

/** A record id as the sheet and the extension compare it: a UUID in lower case. */
export const isRecordId = (text: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text);
