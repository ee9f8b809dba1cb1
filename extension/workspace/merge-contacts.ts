import type { Draft } from '../db/write-record';
import { computedContactFields, contactLinkedTables, type Contact } from '../../shared/records';
import { contentFields, emptyValue } from '../../shared/merge';

/**
 * Two records of one person become one, field by field: for each field the person picks which
 * record's value stays (the filled-in or more recently changed one is proposed); lists (emails,
 * phones, tags, links) keep every item of both. The other record's history moves to the survivor.
 */

export type Side = 'keep' | 'other';

const computed = new Set<string>(computedContactFields);
/** Fields that hold several values: merged by keeping all of them. */
export const listFields = ['emails', 'phones', 'tags', 'socialLinks'] as const;
const isList = (field: string) => (listFields as readonly string[]).includes(field);

/** The fields a person chooses between: the contact's content, not the sheet's scores, not lists. */
export const choosableFields = contentFields('contacts').filter((field) => !computed.has(field) && !isList(field)) as (keyof Contact)[];

const isEmpty = (field: string, value: unknown) => JSON.stringify(value ?? null) === JSON.stringify(emptyValue('contacts', field) ?? null);

/** The fields where the two differ, each with the side proposed: a value over none, else the record kept. */
export function proposedChoices(keep: Contact, other: Contact): Partial<Record<keyof Contact, Side>> {
  const choices: Partial<Record<keyof Contact, Side>> = {};
  for (const field of choosableFields) {
    const a = keep[field];
    const b = other[field];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    choices[field] = isEmpty(field, a) && !isEmpty(field, b) ? 'other' : 'keep';
  }
  return choices;
}

/** What the surviving record is saved with. */
export function mergedFields(keep: Contact, other: Contact, choices: Partial<Record<keyof Contact, Side>>): Draft<'contacts'> {
  const draft: Record<string, unknown> = { id: keep.id };
  for (const field of choosableFields) draft[field] = choices[field] === 'other' ? other[field] : keep[field];
  for (const field of listFields) draft[field] = [...new Set([...keep[field], ...other[field]])].slice(0, 50);
  return draft as Draft<'contacts'>;
}

export { contactLinkedTables };
