import { dayOf, dayText, isCalendarDay, serialOfDay, wallOfSerial, type WallClock } from '../../../shared/calendar';
import type { TableName } from '../../../shared/records';
import { displayColumnIndex, displayColumns, type DisplayColumn } from '../setup/tab-layout';
import type { TabModel, TabRead } from './tab-model';

/**
 * The readable columns beside references, kept current: a follow-up, deal or interaction shows
 * its contact's name and company next to the contact's id, and a contact the day of their next
 * open follow-up. Only cells that read differently are written; they are not record fields, so
 * writing them is no edit and hands nothing to the members. A sync reads only some rows: it fills
 * what those rows let it know and leaves the rest; a run that reads every row (set-up, the sync's
 * hourly full read, the nightly stages) brings every row up to date.
 */

/** "Bea Lind · Acme GmbH"; a deleted contact is "(deleted)". */
export function contactLabel(values: Record<string, unknown>): string {
  if (values.deleted === true) return '(deleted)';
  const name = [values.firstName, values.lastName].map((part) => String(part ?? '').trim()).filter(Boolean).join(' ');
  const company = String(values.company ?? '').trim();
  const email = Array.isArray(values.emails) ? String(values.emails[0] ?? '') : '';
  const who = name || email || '(no name)';
  return company ? `${who} · ${company}` : who;
}

/** The calendar day of a due date: a day as it is, an instant on the spreadsheet's clock. */
export function dueDay(dueAt: unknown, clock: WallClock): string | null {
  const text = String(dueAt ?? '').trim();
  if (text === '') return null;
  if (isCalendarDay(text)) return text;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : dayOf(instant, clock);
}

/** The day of each contact's next follow-up that is not done (overdue ones count: they are next). */
export function nextFollowUps(followUps: TabModel, clock: WallClock): Map<string, string> {
  const next = new Map<string, string>();
  for (const row of followUps.rows) {
    const v = row.values;
    if (v.deleted === true || v.status === 'done') continue;
    const contactId = String(v.contactId ?? '');
    const day = dueDay(v.dueAt, clock);
    if (contactId === '' || day === null) continue;
    const current = next.get(contactId);
    if (current === undefined || day < current) next.set(contactId, day);
  }
  return next;
}

function cellText(cell: unknown, kind: DisplayColumn['kind'], clock: WallClock): string {
  if (kind === 'date') {
    if (cell instanceof Date) return dayOf(cell, clock) ?? '';
    if (typeof cell === 'number') return Number.isFinite(cell) ? dayText(wallOfSerial(cell)) : ''; // the Sheets API reads dates as serial numbers
  }
  return cell == null ? '' : String(cell).trim();
}

/** Queues the display cells that changed; returns how many. */
export function planLinkedNames(reads: Record<TableName, TabRead>, tabs: Record<TableName, TabModel>, clock: WallClock): number {
  const labels = new Map<string, string>();
  for (const row of tabs.contacts.rows) if (row.id) labels.set(row.id, contactLabel(row.values));
  // A contact not read may exist; the next follow-up needs every follow-up and every contact row.
  const everyContact = tabs.contacts.complete;
  const nextKnown = everyContact && tabs.followUps.complete;
  let next: Map<string, string> | null = null;
  let written = 0;
  for (const table of Object.keys(displayColumns) as TableName[]) {
    const model = tabs[table];
    for (const display of displayColumns[table]) {
      const column = displayColumnIndex(model.header, display);
      if (column < 0 || (display.key === 'nextFollowUp' && !nextKnown)) continue;
      if (display.key === 'nextFollowUp') next ??= nextFollowUps(tabs.followUps, clock);
      for (const row of model.rows) {
        let wanted: string | undefined;
        if (display.key === 'contactName') {
          const contactId = String(row.values.contactId ?? '');
          wanted = contactId === '' ? '' : (labels.get(contactId) ?? (everyContact ? '(unknown contact)' : undefined));
        } else {
          wanted = row.values.deleted === true ? '' : (next!.get(row.id) ?? '');
        }
        if (wanted === undefined) continue;
        const current = row.index < model.readRowCount ? cellText(reads[table].rows.get(row.index)?.[column], display.kind, clock) : '';
        if (current === wanted) continue;
        model.setCellAt(row.index, column, display.kind === 'date' && wanted !== '' ? serialOfDay(wanted) : wanted);
        written++;
      }
    }
  }
  return written;
}
