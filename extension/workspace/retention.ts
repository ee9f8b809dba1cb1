
import type { Contact } from '../../shared/records';
import type { ContactActivity } from './contact-rows';

/**
 * Personal data is kept while it serves its purpose. A contact with no activity (no interaction,
 * no renewed consent, not newly added) for longer than the retention period is listed for review:
 * erase them, or renew their consent when the purpose still holds.
 */

/** The day `months` months before `today` (a day that does not exist, like 31 February, rolls back). */
export function cutoffDay(today: string, months: number): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) - months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** The last sign of a purpose: the latest interaction, consent or the day the contact was added. */
export function lastActivity(contact: Contact, activity: ContactActivity | undefined): string {
  return [activity?.lastContactAt ?? '', contact.consentDate, contact.createdAt].map((d) => d.slice(0, 10)).sort().at(-1) ?? '';
}

export function dueForReview(contact: Contact, activity: ContactActivity | undefined, today: string, months: number): boolean {
  return !contact.deleted && lastActivity(contact, activity) < cutoffDay(today, months);
}

