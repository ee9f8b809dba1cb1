import { addDays, dayOf } from '../../../shared/calendar';
import { newId } from '../../../shared/ids';
import { normaliseEmail } from '../../../shared/emails';
import type { AnyRecord } from '../../../shared/records';
import { planLinkedNames } from '../model/linked-names';
import { EVERY_ROW, TabModel } from '../model/tab-model';
import { linkSigner } from '../sheets/link-secret';
import { teamMembers } from '../sheets/members-store';
import { RowsMovedError } from '../sheets/record-tabs';
import { appendRemindersLog, readRemindersLog } from '../sheets/reminders-log-tab';
import { underScriptLock } from '../sheets/script-state';
import { htmlPage } from '../sheets/ui';
import { openRecordWorkbook, spreadsheetFacts } from '../sheets/workbook';
import { planSync } from '../sync/plan-sync';
import { readLink, type LinkClaim } from './action-links';
import { actionPage, type ActionOutcome } from './action-page';
import { SNOOZE_DAYS } from './send-reminders';

/**
 * GET /exec?a=<signed link>: a Done or Snooze clicked in a digest. The link is checked (signed by
 * this sheet, not expired, not used before), then acted on under the script lock as the owner's
 * own edit — a follow-up marked done or moved three days on, a keep-in-touch logged as an
 * interaction — so the change reaches every member at their next sync. Items that are not
 * records of their own (a birthday, a customer at risk, a late deal) are dismissed until a day,
 * kept in the Reminders log. Every use is logged; its nonce makes the link work once.
 */
export function handleReminderLink(token: unknown) {
  const now = new Date();
  const sheetUrl = spreadsheetFacts().url;
  const check = readLink(token, linkSigner(), now.getTime());
  const language = (owner: string) => teamMembers().list().find((m) => m.email === normaliseEmail(owner))?.language ?? 'en';
  if (!check.ok) return page({ kind: 'refused', reason: check.reason }, 'en', sheetUrl);
  const { claim } = check;
  let outcome: ActionOutcome | 'busy';
  try {
    outcome = underScriptLock(() => act(claim, now));
  } catch (error) {
    if (!(error instanceof RowsMovedError)) throw error;
    outcome = 'busy';
  }
  return page(outcome === 'busy' ? { kind: 'refused', reason: 'busy' } : outcome, language(claim.owner), sheetUrl);
}

function page(outcome: ActionOutcome, language: 'en' | 'de', sheetUrl: string) {
  const { title, html } = actionPage(outcome, language, sheetUrl);
  return htmlPage(html, title);
}

function act(claim: LinkClaim, now: Date): ActionOutcome {
  const log = readRemindersLog();
  const used = log.find((entry) => entry.link === claim.nonce);
  if (used) return { kind: 'refused', reason: 'used', detail: `(${new Date(used.when).toISOString().slice(0, 16).replace('T', ' ')} UTC)` };
  const workbook = openRecordWorkbook();
  // A Done or Snooze needs the contacts, follow-ups and deals; a note it logs is appended, so history is not read.
  const reads = workbook.read({ ...EVERY_ROW, interactions: [], companies: [] });
  const today = dayOf(now, workbook.clock)!;
  const nowIso = now.toISOString();
  const [kind, id = '', day = ''] = claim.key.split(':');
  const contacts = new TabModel('contacts', reads.contacts, workbook.clock);
  const contactRow = (contactId: string) => contacts.rows.find((row) => row.id === contactId);
  const nameOf = (contactId: string) => {
    const row = contactRow(contactId);
    return row ? [row.values.firstName, row.values.lastName].map((p) => String(p ?? '').trim()).filter(Boolean).join(' ') || String((row.values.emails as string[] | undefined)?.[0] ?? '') : '';
  };
  const changes: Record<'contacts' | 'companies' | 'interactions' | 'deals' | 'followUps', unknown[]> = { contacts: [], companies: [], interactions: [], deals: [], followUps: [] };
  let outcome: ActionOutcome;
  let until = '';

  if (kind === 'followUp') {
    const followUps = new TabModel('followUps', reads.followUps, workbook.clock);
    const row = followUps.rows.find((r) => r.id === id);
    if (!row || row.values.deleted === true) return { kind: 'refused', reason: 'gone' };
    const record = followUps.recordOf(row).record as AnyRecord & { owner: string; contactId: string; status: string; title: string };
    const owner = normaliseEmail(record.owner || String(contactRow(record.contactId)?.values.owner ?? ''));
    if (owner !== normaliseEmail(claim.owner)) return { kind: 'refused', reason: 'reassigned' };
    if (record.status === 'done') return { kind: 'refused', reason: 'already', item: record.title };
    const item = record.title || nameOf(record.contactId);
    if (claim.action === 'done') {
      changes.followUps.push({ ...record, status: 'done', updatedAt: nowIso, fieldTimes: { status: nowIso } });
      outcome = { kind: 'done', item };
    } else {
      until = addDays(today, SNOOZE_DAYS);
      changes.followUps.push({ ...record, status: 'snoozed', dueAt: until, updatedAt: nowIso, fieldTimes: { status: nowIso, dueAt: nowIso } });
      outcome = { kind: 'snoozed', item, until };
    }
  } else {
    const contactId = kind === 'deal' ? '' : id;
    if (contactId && (!contactRow(contactId) || contactRow(contactId)!.values.deleted === true)) return { kind: 'refused', reason: 'gone' };
    const item = kind === 'deal' ? (new TabModel('deals', reads.deals, workbook.clock).rows.find((r) => r.id === id)?.values.name as string | undefined) ?? 'deal' : nameOf(contactId);
    if (claim.action === 'snooze') {
      until = addDays(today, SNOOZE_DAYS);
      outcome = { kind: 'snoozed', item, until };
    } else {
      // Done: a cadence or a customer at risk is a contact made; the others are put away.
      if (kind === 'cadence' || kind === 'atRisk') {
        changes.interactions.push({
          id: newId(), createdAt: nowIso, updatedAt: nowIso, updatedBy: claim.owner, contactId, type: 'note', direction: 'internal', occurredAt: nowIso,
          subject: kind === 'cadence' ? 'Kept in touch (marked done in the reminder email)' : 'Reached out: customer at risk (marked done in the reminder email)',
        });
      }
      until = kind === 'cadence' ? '' : kind === 'atRisk' ? addDays(today, 30) : kind === 'birthday' ? addDays(day || today, 1) : '9999-12-31';
      outcome = { kind: 'done', item };
    }
  }
  if (Object.values(changes).some((list) => list.length > 0)) {
    const plan = planSync({ since: workbook.rev, changes }, reads, { member: normaliseEmail(claim.owner), now, newId, rev: workbook.rev, clock: workbook.clock, ids: workbook.ids });
    const rejected = plan.response.rejected[0];
    if (rejected) throw new Error(`the sheet did not take the change: ${JSON.stringify(rejected)}`);
    // A later edit of the same field (a teammate in the sheet, a second click the same moment) wins.
    if (plan.response.conflicts.length > 0) return { kind: 'refused', reason: 'changed', item: outcome.item };
    planLinkedNames(reads, plan.tabs, workbook.clock);
    workbook.commit({ tabs: plan.tabs, rev: plan.rev, index: plan.index, problems: plan.response.sheetProblems, erased: plan.erased });
  }
  const dismissal = claim.key.startsWith('followUp:') ? '' : until;
  appendRemindersLog([{
    when: now.getTime(), owner: normaliseEmail(claim.owner), what: claim.action, item: outcome.item ?? claim.key,
    status: outcome.kind === 'snoozed' ? `snoozed until ${until}` : 'done', link: claim.nonce, key: dismissal ? claim.key : '', until: dismissal,
  }]);
  return outcome;
}
