import { isCalendarDay } from '../../../shared/calendar';
import { normaliseEmails } from '../../../shared/emails';
import { lifecycleStages, recordSchemas, type Contact } from '../../../shared/records';
import type { Draft } from '../../db/write-record';
import { fold } from '../search-tokens';

/**
 * What an imported row (a CSV line, a vCard) may fill in, and how its text becomes a contact. A
 * row is taken whole or not at all: any value Rapport cannot hold makes the row a bad row, listed
 * with its line and the reason, and nothing of it is saved.
 */

export const importTargets = [
  'firstName', 'lastName', 'fullName', 'emails', 'phones', 'jobTitle', 'company', 'website', 'socialLinks', 'address', 'birthday', 'tags', 'notes', 'stage',
] as const;
export type ImportTarget = (typeof importTargets)[number];

/** The texts a row gives each target (several columns may feed one: E-mail 1, E-mail 2, …). */
export type RawValues = Partial<Record<ImportTarget, string[]>>;

export type ProblemKey = 'noName' | 'badEmail' | 'badDate' | 'dateWithoutYear' | 'badStage' | 'tooLong' | 'tooMany' | 'neverLog';

export interface RowProblem {
  key: ProblemKey;
  /** the offending text or field */
  value?: string;
}

export interface CheckedRow {
  /** the line in the file (CSV) or the card's first line (vCard), from 1 */
  line: number;
  draft: Draft<'contacts'> | null;
  problems: RowProblem[];
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;
/** Google Contacts puts several values in one cell with " ::: "; other exports use commas or semicolons. */
const splitValues = (texts: readonly string[] = []) => texts.flatMap((text) => text.split(/\s*:::\s*|[;,\n]/)).map((v) => v.trim()).filter(Boolean);
const joined = (texts: readonly string[] = [], separator: string) => texts.map((t) => t.trim()).filter(Boolean).join(separator);
/** System groups of Google and Android that are not a person's tags. */
const SYSTEM_LABELS = new Set(['mycontacts', 'starred', 'starred in android', 'my contacts', 'imported on']);

/** A day as YYYY-MM-DD from the ways exports write it; '' for none; 'noYear' for a birthday without one. */
export function parseDay(text: string): string | 'noYear' | null {
  const value = text.trim();
  if (!value || /^0+[/.-]0+[/.-]0+$/.test(value)) return '';
  let match: RegExpExecArray | null;
  let day: string | null = null;
  if ((match = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(value))) day = `${match[1]}-${match[2]}-${match[3]}`;
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value))) day = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value))) day = `${match[3]}-${match[1]!.padStart(2, '0')}-${match[2]!.padStart(2, '0')}`;
  else if (/^--\d{2}-?\d{2}$/.test(value)) return 'noYear';
  return day && isCalendarDay(day) ? day : null;
}

const STAGES: Record<string, Contact['stage']> = {
  lead: 'lead', qualified: 'qualified', customer: 'customer', loyal: 'loyal', 'at risk': 'at risk', atrisk: 'at risk', lost: 'lost',
  qualifiziert: 'qualified', kunde: 'customer', stammkunde: 'loyal', gefahrdet: 'at risk', verloren: 'lost',
  // HubSpot's lifecycle stages
  subscriber: 'lead', marketingqualifiedlead: 'qualified', salesqualifiedlead: 'qualified', opportunity: 'qualified', evangelist: 'loyal', other: 'lead',
};

export function stageFrom(text: string): Contact['stage'] | null {
  const key = fold(text).trim();
  if (!key) return 'lead';
  return STAGES[key] ?? STAGES[key.replace(/[\s_-]/g, '')] ?? ((lifecycleStages as readonly string[]).includes(key) ? (key as Contact['stage']) : null);
}

/** "Lindqvist, Bea" or "Dr. Bea Lindqvist": first and last name. */
export function splitFullName(name: string): { firstName: string; lastName: string } {
  const text = name.trim().replace(/\s+/g, ' ');
  if (text.includes(',')) {
    const [last = '', first = ''] = text.split(',', 2).map((s) => s.trim());
    return { firstName: first, lastName: last };
  }
  const space = text.lastIndexOf(' ');
  return space < 0 ? { firstName: text, lastName: '' } : { firstName: text.slice(0, space), lastName: text.slice(space + 1) };
}

/** The fields a row fills; the rest of a contact is the import's own (its id and times) or left empty. */
const ROW_FIELDS = ['firstName', 'lastName', 'emails', 'phones', 'jobTitle', 'company', 'website', 'socialLinks', 'address', 'birthday', 'tags', 'notes', 'stage', 'source'] as const;
type RowDraft = Pick<Contact, (typeof ROW_FIELDS)[number]>;
/**
 * The contact contract's rules for just those fields: a quarter of the cost of checking whole
 * records (ids and times included) 100,000 times, and the same verdict on what a row brings.
 */
const rowSchema = recordSchemas.contacts.pick(Object.fromEntries(ROW_FIELDS.map((field) => [field, true])) as { [K in (typeof ROW_FIELDS)[number]]: true });

/** Turns a row's texts into a contact draft, or says why it cannot be one. */
export function checkRow(line: number, raw: RawValues, source = 'import'): CheckedRow {
  const problems: RowProblem[] = [];
  let firstName = joined(raw.firstName, ' ');
  let lastName = joined(raw.lastName, ' ');
  const fullName = joined(raw.fullName, ' ');
  if (!firstName && !lastName && fullName) ({ firstName, lastName } = splitFullName(fullName));

  const emailTexts = splitValues(raw.emails);
  for (const email of emailTexts) if (!EMAIL.test(email)) problems.push({ key: 'badEmail', value: email });
  const emails = normaliseEmails(emailTexts);
  if (!firstName && !lastName && emails.length === 0) problems.push({ key: 'noName' });

  let birthday = '';
  const birthdayText = joined(raw.birthday, ' ');
  const day = parseDay(birthdayText);
  if (day === 'noYear') problems.push({ key: 'dateWithoutYear', value: birthdayText });
  else if (day === null) problems.push({ key: 'badDate', value: birthdayText });
  else birthday = day;

  const stageText = joined(raw.stage, ' ');
  const stage = stageFrom(stageText);
  if (!stage) problems.push({ key: 'badStage', value: stageText });

  const tags = [...new Set(splitValues(raw.tags).map((t) => t.replace(/^\*\s*/, '')).filter((t) => t && !SYSTEM_LABELS.has(t.toLowerCase())))];
  const draft: RowDraft = {
    firstName, lastName, emails,
    phones: [...new Set(splitValues(raw.phones))],
    jobTitle: joined(raw.jobTitle, ' '),
    company: joined(raw.company, ' '),
    website: splitValues(raw.website)[0] ?? '',
    socialLinks: [...new Set(splitValues(raw.socialLinks))],
    address: joined(raw.address, ', '),
    birthday,
    tags,
    notes: joined(raw.notes, '\n'),
    stage: stage ?? 'lead',
    source,
  };
  if (problems.length === 0) {
    const parsed = rowSchema.safeParse(draft);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const isList = Array.isArray((draft as Record<string, unknown>)[field]) && issue.path.length === 1;
        problems.push({ key: isList ? 'tooMany' : 'tooLong', value: field });
      }
    }
  }
  return { line, draft: problems.length ? null : draft, problems };
}
