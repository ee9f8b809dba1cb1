import { uuidv7 } from 'uuidv7';

/** Record ids are UUIDv7, made on the client, so they sort by creation time. */
export const newId = (): string => uuidv7();

export const nowIso = (date: Date = new Date()): string => date.toISOString();
