import { beforeEach, describe, expect, it } from 'vitest';
import { zoneWallClock } from '../../shared/calendar';
import { RapportDatabase } from '../../extension/db/database';
import { saveContact } from '../../extension/db/contacts';
import { addFollowUp, settleFollowUp } from '../../extension/db/follow-ups';
import { dueItems } from '../../extension/db/today';
import { writeRecord } from '../../extension/db/write-record';
import { cadenceDueDay, dueInstant, quickDays } from '../../extension/reminders/due';
import { DUE_ALARM, MIDNIGHT_ALARM, refreshReminders, toolbarButtonOf, type BasicNotification, type ReminderDeps } from '../../extension/reminders/reminders';
import { createI18n } from '../../extension/ui/i18n';
import { newId } from '../../shared/ids';

// Berlin: the member's zone in these tests, whatever zone the tests run in.
const berlin = zoneWallClock('Europe/Berlin');

/** The browser APIs as Chrome (MV3) and Firefox (MV2) shape them, recording what was asked. */
function chromeApis() {
  const calls: { badge: string[]; colours: string[]; alarms: Map<string, number>; notifications: BasicNotification[] } = { badge: [], colours: [], alarms: new Map(), notifications: [] };
  const api = {
    action: { setBadgeText: async ({ text }: { text: string }) => void calls.badge.push(text), setBadgeBackgroundColor: async ({ color }: { color: string }) => void calls.colours.push(color) },
    alarms: { create: async (name: string, info: { when: number }) => void calls.alarms.set(name, info.when), clear: async (name: string) => calls.alarms.delete(name) },
    notifications: { create: async (id: string, options: BasicNotification) => (calls.notifications.push(options), id) },
  };
  return { api, calls };
}

/** Firefox: the badge on `browserAction`, and notifications refuse what Chrome alone takes (buttons, requireInteraction). */
function firefoxApis() {
  const { api, calls } = chromeApis();
  const firefox = {
    browserAction: api.action,
    alarms: api.alarms,
    notifications: {
      create: async (id: string, options: BasicNotification & Record<string, unknown>) => {
        const unsupported = Object.keys(options).filter((key) => !['type', 'iconUrl', 'title', 'message', 'contextMessage', 'priority', 'eventTime'].includes(key));
        if (options.type !== 'basic' || unsupported.length) throw new Error(`Type error for parameter options (Property "${unsupported[0] ?? 'type'}" is unsupported by Firefox)`);
        calls.notifications.push(options);
        return id;
      },
    },
  };
  return { api: firefox, calls };
}

let db: RapportDatabase;
let clock: { now: Date };
let told: string;

beforeEach(() => {
  db = new RapportDatabase(`reminders-${newId()}`);
  clock = { now: new Date('2026-11-23T08:00:00Z') };
  told = '';
});

function depsFor(api: ReturnType<typeof chromeApis>['api'] | ReturnType<typeof firefoxApis>['api'], notificationsOn = true): ReminderDeps {
  return {
    db, now: () => clock.now, clock: berlin, followUpTime: async () => '09:00', dueItems: (rules) => dueItems(db, rules),
    button: toolbarButtonOf(api),
    alarms: api.alarms,
    notifications: async () => (notificationsOn ? api.notifications : null),
    remindedUntil: { get: async () => told, set: async (value) => void (told = value) },
    i18n: createI18n('en'), iconUrl: 'icon/128.png',
  };
}

async function contactWithFollowUps(...dues: string[]) {
  const bea = await saveContact(db, { firstName: 'Bea', lastName: 'Lindqvist', company: 'Northwind' }, 'ann@team.test');
  for (const [i, dueAt] of dues.entries()) await addFollowUp(db, { contactId: bea.id, dueAt, title: `Follow-up ${i + 1}` }, 'ann@team.test');
  return bea;
}

describe('when follow-ups fall due', () => {
  it('takes a day-only follow-up as due that day at the usual time, in the member’s zone', () => {
    expect(dueInstant('2026-11-24', berlin, '09:30')?.toISOString()).toBe('2026-11-24T08:30:00.000Z');
    expect(dueInstant('2026-07-01', berlin, '09:30')?.toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(dueInstant('2026-11-24T15:00:00.000Z', berlin, '09:30')?.toISOString()).toBe('2026-11-24T15:00:00.000Z');
    expect(dueInstant('', berlin, '09:30')).toBeNull();
  });

  it('offers tomorrow, in three days and next week’s Monday', () => {
    expect(quickDays('2026-11-23')).toEqual({ tomorrow: '2026-11-24', in3Days: '2026-11-26', nextWeek: '2026-11-30' });
    expect(quickDays('2026-11-29').nextWeek).toBe('2026-11-30');
    expect(quickDays('2026-11-30').nextWeek).toBe('2026-12-07');
  });

  it('counts a keep-in-touch cadence from the last contact', () => {
    expect(cadenceDueDay('2026-10-01T12:00:00.000Z', 30, berlin)).toBe('2026-10-31');
    expect(cadenceDueDay('', 30, berlin)).toBeNull();
  });

  it('lists overdue and today’s follow-ups and due cadences, not done or later ones, nor a cadence already planned', async () => {
    const bea = await contactWithFollowUps('2026-11-20', '2026-11-23T16:00:00.000Z', '2026-11-24', '2026-11-23');
    const done = (await db.followUps.where('contactId').equals(bea.id).toArray()).find((f) => f.dueAt === '2026-11-23')!;
    await settleFollowUp(db, { followUpId: done.id, done: true }, 'ann@team.test');
    const carl = await saveContact(db, { firstName: 'Carl', keepInTouchDays: 30 }, 'ann@team.test');
    await writeRecord(db, 'interactions', { contactId: carl.id, type: 'call', occurredAt: '2026-10-01T10:00:00.000Z' }, 'ann@team.test');
    const dana = await saveContact(db, { firstName: 'Dana', keepInTouchDays: 30 }, 'ann@team.test');
    await writeRecord(db, 'interactions', { contactId: dana.id, type: 'call', occurredAt: '2026-11-20T10:00:00.000Z' }, 'ann@team.test');
    const items = await dueItems(db, { now: clock.now, clock: berlin, defaultTime: '09:00' });
    expect(items.map((i) => [i.kind === 'followUp' ? i.followUp.title : i.contact.firstName, i.urgency])).toEqual([
      ['Carl', 'overdue'], ['Follow-up 1', 'overdue'], ['Follow-up 2', 'today'],
    ]);
    await addFollowUp(db, { contactId: carl.id, dueAt: '2026-11-30', title: 'Call Carl' }, 'ann@team.test');
    expect((await dueItems(db, { now: clock.now, clock: berlin, defaultTime: '09:00' })).map((i) => i.kind)).toEqual(['followUp', 'followUp']);
  });
});

describe.each([['Chrome (MV3)', chromeApis], ['Firefox (MV2)', firefoxApis]] as const)('reminders in %s', (_, apis) => {
  it('shows the count due on the toolbar badge, red when something is overdue, and empties it when nothing is', async () => {
    const { api, calls } = apis();
    await contactWithFollowUps('2026-11-20', '2026-11-23');
    expect(await refreshReminders(depsFor(api))).toMatchObject({ due: 2 });
    expect(calls.badge.at(-1)).toBe('2');
    expect(calls.colours.at(-1)).toBe('#b42318');
    for (const followUp of await db.followUps.toArray()) await settleFollowUp(db, { followUpId: followUp.id, done: true }, 'me');
    await refreshReminders(depsFor(api));
    expect(calls.badge.at(-1)).toBe('');
  });

  it('sets an alarm for the next follow-up and one for midnight, when today’s count changes', async () => {
    const { api, calls } = apis();
    await contactWithFollowUps('2026-11-23T15:00:00.000Z', '2026-11-25');
    await refreshReminders(depsFor(api));
    expect(new Date(calls.alarms.get(DUE_ALARM)!).toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(new Date(calls.alarms.get(MIDNIGHT_ALARM)!).toISOString()).toBe('2026-11-23T23:00:00.000Z');
  });

  it('notifies once when a follow-up falls due, also after a restart, and not about what was due before the first run', async () => {
    const { api, calls } = apis();
    await contactWithFollowUps('2026-11-20', '2026-11-23T15:00:00.000Z');
    await refreshReminders(depsFor(api));
    expect(calls.notifications).toEqual([]);
    // The service worker (or the browser) is gone for a while; the alarm wakes it after the follow-up fell due.
    clock.now = new Date('2026-11-23T15:00:30Z');
    expect(await refreshReminders(depsFor(api))).toMatchObject({ notified: 1 });
    expect(calls.notifications).toEqual([{ type: 'basic', iconUrl: 'icon/128.png', title: 'Follow-up due', message: 'Follow-up 2 — Bea Lindqvist' }]);
    await refreshReminders(depsFor(api));
    expect(calls.notifications).toHaveLength(1);
  });

  it('tells nothing while notifications are off, and does not save the backlog for later', async () => {
    const { api, calls } = apis();
    await contactWithFollowUps('2026-11-23T15:00:00.000Z');
    await refreshReminders(depsFor(api, false));
    clock.now = new Date('2026-11-23T16:00:00Z');
    await refreshReminders(depsFor(api, false));
    await refreshReminders(depsFor(api, true));
    expect(calls.notifications).toEqual([]);
  });
});
