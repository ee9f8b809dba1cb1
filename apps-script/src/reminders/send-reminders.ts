import { dayOf } from '../../../shared/calendar';
import { digestUrgency, dueItemsByOwner, type DueItem } from '../../../shared/reminders/due-items';
import { columnRecords, decodeColumns } from '../model/column-records';
import { readTabColumns } from '../sheets/column-reader';
import { linkSigner, newNonce } from '../sheets/link-secret';
import { remainingMailQuota, sendMail } from '../sheets/mail';
import { teamMembers } from '../sheets/members-store';
import { notify } from '../sheets/notify';
import { appendRemindersLog, readRemindersLog, type LogEntry } from '../sheets/reminders-log-tab';
import { clearFailures, FAILURES_SHOWN, noteFailure, readCheckedDays, saveCheckedDays, showFailureInSettings } from '../sheets/reminder-state';
import { underReminderLock } from '../sheets/script-state';
import { readSettingsTab } from '../sheets/settings-tab';
import { webAppUrl } from '../sheets/web-app-url';
import { spreadsheetFacts } from '../sheets/workbook';
import { zoneClock } from '../sheets/zone';
import type { TeamMember } from '../team/member-directory';
import { LINK_LIFETIME_MS, signLink } from './action-links';
import { digestMail } from './digest-mail';
import { lastContactDays, reminderFields, remindersContacts, remindersDeals, remindersFollowUps } from './reminder-data';

/**
 * The daily digests. The hourly trigger runs this: each member whose hour (theirs, else the
 * team's, in the reminders' time zone) has come and who has not had today's digest gets one,
 * if anything is due; a run that fails is simply tried again the next hour. Rapport → Send
 * reminders now sends every member's digest at once. Mail goes out most urgent first while the
 * daily quota lasts; who is left is logged and told in their next digest.
 */
export interface ReminderRunReport {
  sent: string[];
  nothingDue: string[];
  /** members not mailed because the quota ran out */
  waiting: string[];
  failed: { owner: string; error: string }[];
}

const isTimeDriven = (event: unknown) => typeof event === 'object' && event !== null && 'triggerUid' in event;

export function sendReminders(event?: unknown): void {
  const scheduled = isTimeDriven(event);
  const now = new Date();
  let report: ReminderRunReport | 'busy';
  try {
    report = underReminderLock(() => runReminders(now, scheduled));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failures = noteFailure(now, message);
    try {
      appendRemindersLog([{ when: now.getTime(), owner: '', what: 'run', item: scheduled ? 'hourly run' : 'Send reminders now', status: `failed: ${message}`, link: '', key: '', until: '' }]);
      if (failures.count >= FAILURES_SHOWN) {
        showFailureInSettings(`Reminders failed ${failures.count} times in a row (first ${failures.first}, last ${failures.last}): ${failures.error}\nRapport tries again every hour; Rapport → Send reminders now tries at once. The Reminders log tab lists every run.`);
      }
    } catch (shown) {
      console.error(shown);
    }
    if (!scheduled) notify(`Reminders could not be sent: ${message}. Rapport tries again every hour.`, 'Rapport reminders');
    throw error; // Google tells the script's owner of a failed trigger run too
  }
  if (report === 'busy') {
    if (!scheduled) notify('Reminders are being sent by another run right now.', 'Rapport reminders');
    return;
  }
  const { sent, nothingDue, waiting, failed } = report;
  const summary = [
    sent.length > 0 ? `Digest sent to ${sent.join(', ')}.` : '',
    nothingDue.length > 0 ? `Nothing due for ${nothingDue.join(', ')}.` : '',
    waiting.length > 0 ? `Not sent (daily mail quota used up): ${waiting.join(', ')}; logged, and named in their next digest.` : '',
    ...failed.map((f) => `Not sent to ${f.owner}: ${f.error}.`),
  ].filter(Boolean);
  if (summary.length > 0 || !scheduled) notify(summary.join('\n') || 'No team members to send reminders to (Rapport → Team members…).', 'Rapport reminders');
}

function runReminders(now: Date, scheduled: boolean): ReminderRunReport {
  const report: ReminderRunReport = { sent: [], nothingDue: [], waiting: [], failed: [] };
  const settings = readSettingsTab().team;
  const sheet = spreadsheetFacts();
  const { clock, timeZone } = sheet;
  const local = zoneClock(settings.reminderTimeZone || timeZone)(now);
  const localDay = dayOf(now, zoneClock(settings.reminderTimeZone || timeZone))!;
  const checked = readCheckedDays();
  const members = teamMembers().list();
  const due = scheduled ? members.filter((m) => (m.reminderHour ?? settings.reminderHour) <= local.hour && checked[m.email] !== localDay) : members;
  if (due.length === 0) {
    clearFailures();
    return report;
  }

  const today = dayOf(now, clock)!;
  const log = readRemindersLog();
  const columns = {
    contacts: readTabColumns('contacts', reminderFields.contacts),
    interactions: readTabColumns('interactions', reminderFields.interactions),
    followUps: readTabColumns('followUps', reminderFields.followUps),
    deals: readTabColumns('deals', reminderFields.deals),
  };
  const dismissed = new Map<string, string>();
  for (const entry of log) if (entry.key && entry.until && (dismissed.get(entry.key) ?? '') < entry.until) dismissed.set(entry.key, entry.until);
  const itemsByOwner = dueItemsByOwner({
    today,
    contacts: remindersContacts(columnRecords(columns.contacts, clock), clock, (r) => typeof r.keepInTouchDays === 'number' || (Array.isArray(r.tags) && r.tags.length > 0) || settings.keepInTouchDays > 0),
    lastContact: lastContactDays(decodeColumns(columns.interactions, clock), clock),
    followUps: remindersFollowUps(columnRecords(columns.followUps, clock), clock),
    deals: remindersDeals(columnRecords(columns.deals, clock)),
    dismissed,
    cadence: { defaultDays: settings.keepInTouchDays, byTag: settings.tagCadences },
  });

  const withItems: { member: TeamMember; items: DueItem[] }[] = [];
  for (const member of due) {
    const items = itemsByOwner.get(member.email) ?? [];
    if (items.length === 0) {
      report.nothingDue.push(member.email);
      checked[member.email] = localDay;
    } else withItems.push({ member, items });
  }
  withItems.sort((a, b) => digestUrgency(b.items) - digestUrgency(a.items));

  const url = sheet.url;
  const sheetIds = { followUps: columns.followUps.sheetId, contacts: columns.contacts.sheetId, deals: columns.deals.sheetId };
  const base = webAppUrl(settings.webAppUrl);
  const sign = base ? linkSigner() : null;
  const entries: LogEntry[] = [];
  let quota = remainingMailQuota();
  for (const { member, items } of withItems) {
    const missedDays = missedDigests(log, member.email);
    if (quota < 1) {
      report.waiting.push(member.email);
      const loggedToday = log.some((e) => e.owner === member.email && e.what === 'digest' && e.status.startsWith('not sent') && dayOf(new Date(e.when), clock) === today);
      if (!loggedToday) entries.push({ when: now.getTime(), owner: member.email, what: 'digest', item: `${items.length} item(s)`, status: 'not sent: the daily mail quota was used up', link: '', key: '', until: today });
      continue;
    }
    const expires = now.getTime() + LINK_LIFETIME_MS;
    const mail = digestMail({
      language: member.language,
      today,
      items,
      spreadsheetName: sheet.name,
      currency: settings.currency,
      missed: missedDays,
      rowLink: (item) => `${url}#gid=${sheetIds[item.table]}&range=A${item.row}`,
      actionLink: (item, action) => (base && sign ? `${base}?a=${encodeURIComponent(signLink({ action, key: item.key, owner: member.email, expires, nonce: newNonce() }, sign))}` : null),
    });
    try {
      sendMail({ to: member.email, ...mail });
      quota--;
      report.sent.push(member.email);
      checked[member.email] = localDay;
      entries.push({ when: now.getTime(), owner: member.email, what: 'digest', item: mail.subject, status: `sent (${items.length} item(s))`, link: '', key: '', until: '' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      report.failed.push({ owner: member.email, error: message });
      entries.push({ when: now.getTime(), owner: member.email, what: 'digest', item: mail.subject, status: `failed: ${message}`, link: '', key: '', until: '' });
    }
  }
  appendRemindersLog(entries);
  saveCheckedDays(checked, localDay);
  if (report.failed.length > 0) throw new Error(`the digest could not be sent to ${report.failed.map((f) => `${f.owner} (${f.error})`).join(', ')}`);
  clearFailures();
  return report;
}

/** The days an owner's digest did not go out for the quota, since their last digest that did. */
function missedDigests(log: readonly LogEntry[], owner: string): string[] {
  const days: string[] = [];
  for (const entry of log) {
    if (entry.owner !== owner || entry.what !== 'digest') continue;
    if (entry.status.startsWith('sent')) days.length = 0;
    else if (entry.status.startsWith('not sent') && entry.until && !days.includes(entry.until)) days.push(entry.until);
  }
  return days;
}

/** How far Snooze moves an item. */
export const SNOOZE_DAYS = 3;
