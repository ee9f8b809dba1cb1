import { addDays, dayOf, startOfDay, type WallClock } from '../../shared/calendar';
import type { RapportDatabase } from '../db/database';
import { fellDueBetween, nextDueAfter, type DueRules, type TodayItem } from '../db/today';
import type { I18n } from '../ui/i18n';

/**
 * The toolbar badge (how many things are due today), the alarm for the next follow-up that falls
 * due, and the notification when one does. Everything is recomputed from the database and the
 * time told so far (`remindedUntil`), so a restart of the service worker or the browser neither
 * loses a reminder nor repeats one. The browser APIs are passed in: Chrome (MV3) and Firefox
 * (MV2) name and shape them differently.
 */

export const DUE_ALARM = 'rapport-due';
export const MIDNIGHT_ALARM = 'rapport-midnight';

/** `action` (Chrome, MV3) or `browserAction` (Firefox, MV2): the same badge calls. */
export interface ToolbarButtonApi {
  setBadgeText(details: { text: string }): unknown;
  setBadgeBackgroundColor(details: { color: string }): unknown;
}

export interface AlarmsApi {
  create(name: string, info: { when: number }): unknown;
  clear(name: string): unknown;
}

/** What both browsers accept: Firefox takes only basic notifications, without buttons. */
export interface BasicNotification {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
}

export interface NotificationsApi {
  create(id: string, options: BasicNotification): unknown;
}

/** The browser's toolbar button, whichever name it has. */
export function toolbarButtonOf(api: { action?: ToolbarButtonApi; browserAction?: ToolbarButtonApi }): ToolbarButtonApi | null {
  return api.action ?? api.browserAction ?? null;
}

export interface ReminderDeps {
  db: RapportDatabase;
  /** what is due today (the same list the popup shows) */
  dueItems: (rules: DueRules) => Promise<TodayItem[]>;
  now: () => Date;
  clock: WallClock;
  followUpTime: () => Promise<string>;
  button: ToolbarButtonApi | null;
  alarms: AlarmsApi;
  /** null while the member has not turned notifications on (or the browser withholds the permission) */
  notifications: () => Promise<NotificationsApi | null>;
  remindedUntil: { get(): Promise<string>; set(value: string): Promise<void> };
  i18n: I18n;
  iconUrl: string;
  /** real time minus the time `now` tells (non-zero only when a test moves the clock): alarms run on real time */
  clockOffsetMs?: number;
}

const OVERDUE_COLOUR = '#b42318';
const DUE_COLOUR = '#0b6bcb';

/** Badge, notification and alarms brought up to date; returns how many things are due and how many were told. */
export async function refreshReminders(deps: ReminderDeps): Promise<{ due: number; notified: number }> {
  const now = deps.now();
  const defaultTime = await deps.followUpTime();
  const rules = { clock: deps.clock, defaultTime };
  const items = await deps.dueItems({ now, ...rules });

  if (deps.button) {
    await deps.button.setBadgeText({ text: items.length ? String(Math.min(items.length, 999)) : '' });
    await deps.button.setBadgeBackgroundColor({ color: items.some((i) => i.urgency === 'overdue') ? OVERDUE_COLOUR : DUE_COLOUR });
  }

  let notified = 0;
  const told = await deps.remindedUntil.get();
  if (told && Date.parse(told) < now.getTime()) {
    const fell = await fellDueBetween(deps.db, new Date(told), now, rules);
    const notifications = fell.length ? await deps.notifications() : null;
    if (notifications) {
      const first = fell[0]!;
      const name = first.contact ? `${first.contact.firstName} ${first.contact.lastName}`.trim() || first.contact.emails[0] || '' : '';
      const more = fell.slice(1).map((f) => f.followUp.title);
      await notifications.create(`${DUE_ALARM}:${now.getTime()}`, {
        type: 'basic',
        iconUrl: deps.iconUrl,
        title: deps.i18n.n('notificationTitle', fell.length),
        message: [name ? `${first.followUp.title} — ${name}` : first.followUp.title, ...more].join('\n'),
      });
      notified = fell.length;
    }
  }
  // First run: start from now, without a backlog of old reminders.
  if (!told || Date.parse(told) < now.getTime()) await deps.remindedUntil.set(now.toISOString());

  const realTime = (at: Date) => at.getTime() + (deps.clockOffsetMs ?? 0);
  const next = await nextDueAfter(deps.db, now, rules);
  if (next) await deps.alarms.create(DUE_ALARM, { when: realTime(next) });
  else await deps.alarms.clear(DUE_ALARM);
  // The badge counts today's items: at midnight, tomorrow's become today's.
  await deps.alarms.create(MIDNIGHT_ALARM, { when: realTime(startOfDay(addDays(dayOf(now, deps.clock)!, 1), deps.clock)) });
  return { due: items.length, notified };
}
