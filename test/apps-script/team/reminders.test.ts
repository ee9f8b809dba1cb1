import { describe, expect, it } from 'vitest';
import { ANN, BO, CY, digestSections, NOW, seededTeam } from '../seeded-team';

const EXEC = 'https://script.google.com/macros/s/rapport-test/exec';
const HOUR = 3_600_000;

/** The Done or Snooze link of an item in a plain-text digest. */
function linkOf(body: string, title: string, label: 'Done' | 'Snooze 3 days' | 'Erledigt' | '3 Tage später'): string {
  const lines = body.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`- ${title}`));
  const link = lines.slice(at + 1, at + 5).find((line) => line.trim().startsWith(`${label}: `));
  if (at < 0 || !link) throw new Error(`no ${label} link for ${title}`);
  return link.trim().slice(label.length + 2);
}

/** A person clicks a link from the mail: GET /exec?a=… on the web app. */
function click(team: ReturnType<typeof seededTeam>['team'], url: string): string {
  const a = new URL(url).searchParams.get('a')!;
  const output = team.sheet.bundle.call('doGet', { parameter: { a }, parameters: { a: [a] }, queryString: `a=${encodeURIComponent(a)}`, contentLength: -1 }) as { getContent(): string };
  return output.getContent();
}

const outcome = (html: string) => /data-outcome="(\w+)"[^>]*>([^<]*)</.exec(html)!.slice(1);

describe('daily reminders (built bundle, local sheet)', () => {
  it('sends each owner exactly their digest, in their language, and none to an owner with nothing due', () => {
    const { team } = seededTeam();
    team.sheet.bundle.callAs('editor', 'sendReminders');
    const mails = team.google.sentMail;
    expect(mails.map((m) => m.to).sort()).toEqual([ANN, BO]);

    const ann = mails.find((m) => m.to === ANN)!;
    const dora = team.rows('Contacts').find((r) => r['First name'] === 'Dora') as { CLV: number; 'P(alive)': number };
    expect(ann.subject).toBe('Rapport 24 Nov: 1 overdue, 1 due today, 1 at risk, 1 birthday, 1 deal past close');
    expect(digestSections(ann.body)).toEqual({
      'OVERDUE FOLLOW-UPS': ['Send the revised offer — Bea Lind · Acme GmbH — due Fri 20 Nov 2026, 4 days late'],
      'DUE TODAY': ['Call about the renewal — Bea Lind · Acme GmbH'],
      'VALUABLE CUSTOMERS AT RISK': [`Dora Fink — CLV ${dora.CLV.toFixed(2)} EUR, P(alive) ${Math.round(dora['P(alive)'] * 100)} %, last contact Mon 27 Jul 2026`],
      'BIRTHDAYS IN THE NEXT 7 DAYS': ['Bea Lind · Acme GmbH — birthday Thu 26 Nov 2026, in 2 days'],
      'DEALS PAST THEIR EXPECTED CLOSE': ['Acme 40 seats — Bea Lind · Acme GmbH — 12,000.00 EUR — expected to close Tue 10 Nov 2026 (14 days ago)'],
    });
    expect(ann.htmlBody).toContain('<h1 style="font-size:19px;margin:0 0 4px">Your Rapport digest for Tue 24 Nov 2026</h1>');

    const bo = mails.find((m) => m.to === BO)!;
    expect(bo.subject).toBe('Rapport 24.11.: 2 überfällig, 1 zum Melden');
    expect(digestSections(bo.body)).toEqual({
      'ÜBERFÄLLIGE WIEDERVORLAGEN': ['Send the agenda — Emil Graf — fällig So. 22.11.2026, 2 Tage überfällig', 'Prepare the workshop — Emil Graf — fällig Mo. 23.11.2026, 1 Tag überfällig'],
      'IN KONTAKT BLEIBEN': ['Carl Berg · Nordlicht AG — letzter Kontakt Do. 1.10.2026, alle 30 Tage, 24 Tage drüber'],
    });
    // Nobody's digest lists another owner's records, nor what is not due in Berlin today.
    expect(ann.body).not.toMatch(/Emil|Carl|agenda|workshop|Check the signature|Ask for feedback|Nordlicht/);
    expect(bo.body).not.toMatch(/Bea|Dora|Acme|Finn/);
    // Every item links to its row.
    const followUpRow = team.rowOf('FollowUps', team.rows('FollowUps').find((r) => r.Title === 'Send the revised offer')!.id as string);
    expect(ann.body).toContain(`#gid=${team.tab('FollowUps').getSheetId()}&range=A${followUpRow}`);

    const log = team.rows('Reminders log');
    expect(log.map((r) => [r.Owner, r.What, r.Status])).toEqual(expect.arrayContaining([[ANN, 'digest', 'sent (5 item(s))'], [BO, 'digest', 'sent (3 item(s))']]));
    expect(log.some((r) => r.Owner === CY)).toBe(false);
    expect(team.google.toasts.at(-1)?.message).toMatch(/Nothing due for cy@team.test/);
  });

  it('sends the most urgent digest first when the mail quota runs short, and names the missed day in the next digest', () => {
    const { team } = seededTeam({ mailQuota: 1 });
    team.sheet.bundle.callAs('editor', 'sendReminders');
    expect(team.google.sentMail.map((m) => m.to)).toEqual([ANN]); // 4 days overdue beats 2
    expect(team.rows('Reminders log').find((r) => r.Owner === BO)).toMatchObject({ What: 'digest', Status: 'not sent: the daily mail quota was used up', Until: '2026-11-24' });
    expect(team.google.toasts.at(-1)?.message).toMatch(/Not sent \(daily mail quota used up\): bo@team.test/);

    team.advance(24 * HOUR);
    team.google.setMailQuota(100);
    team.sheet.bundle.callAs('editor', 'sendReminders');
    const bo = team.google.sentMail.find((m) => m.to === BO)!;
    expect(bo.body).toContain('Deine Übersicht vom Di. 24.11.2026 wurde nicht verschickt: das tägliche Mail-Kontingent des Sheets war aufgebraucht.');
    const ann = team.google.sentMail.filter((m) => m.to === ANN).at(-1)!;
    expect(ann.body).not.toContain('did not go out');
  });

  it('acts on Done and Snooze links once, as the owner’s edit every member receives, then refuses them', () => {
    const { team } = seededTeam();
    team.google.setServiceUrl(EXEC);
    const before = team.sync({}, 0).cursor;
    team.sheet.bundle.callAs('editor', 'sendReminders');
    const ann = team.google.sentMail.find((m) => m.to === ANN)!.body;
    const bo = team.google.sentMail.find((m) => m.to === BO)!.body;

    const done = linkOf(ann, 'Send the revised offer', 'Done');
    expect(done.startsWith(`${EXEC}?a=`)).toBe(true);
    expect(outcome(click(team, done))).toEqual(['ok', '✓ Done: Send the revised offer']);
    const followUps = () => new Map(team.rows('FollowUps').map((r) => [r.Title, r]));
    expect(followUps().get('Send the revised offer')).toMatchObject({ Status: 'done', 'Updated by': ANN });
    expect(outcome(click(team, done))).toEqual(['refused', 'This link was already used. Each Done or Snooze link works once.']);

    const snooze = linkOf(ann, 'Call about the renewal', 'Snooze 3 days');
    expect(outcome(click(team, snooze))).toEqual(['ok', '✓ Snoozed until 2026-11-27: Call about the renewal']);
    expect(followUps().get('Call about the renewal')).toMatchObject({ Status: 'snoozed', 'Due at': '2026-11-27' });
    expect(outcome(click(team, snooze))[0]).toBe('refused');
    // A Done clicked after the Snooze (a minute later) still works, once.
    team.advance(60_000);
    expect(outcome(click(team, linkOf(ann, 'Call about the renewal', 'Done')))).toEqual(['ok', '✓ Done: Call about the renewal']);

    // Keep in touch, in German: Done logs the contact, which resets the cadence.
    const kept = linkOf(bo, 'Carl Berg · Nordlicht AG', 'Erledigt');
    expect(outcome(click(team, kept))).toEqual(['ok', '✓ Erledigt: Carl Berg']);
    const note = team.rows('Interactions').find((r) => r.Subject === 'Kept in touch (marked done in the reminder email)')!;
    expect(note).toMatchObject({ Type: 'note', 'Updated by': BO, Contact: 'Carl Berg · Nordlicht AG' });

    // Every member receives the changes at their next sync.
    const pulled = team.sync({}, before);
    expect(pulled.changes.followUps.map((f) => [f.title, f.status])).toEqual(expect.arrayContaining([['Send the revised offer', 'done'], ['Call about the renewal', 'done']]));
    expect(pulled.changes.interactions.map((i) => i.subject)).toContain('Kept in touch (marked done in the reminder email)');

    // The next day: what was done is gone, the snoozed birthday…
    expect(outcome(click(team, linkOf(ann, 'Bea Lind · Acme GmbH', 'Snooze 3 days')))[0]).toBe('ok');
    team.advance(24 * HOUR);
    team.sheet.bundle.callAs('editor', 'sendReminders');
    const next = digestSections(team.google.sentMail.filter((m) => m.to === ANN).at(-1)!.body);
    expect(next['OVERDUE FOLLOW-UPS']).toBeUndefined();
    expect(next['BIRTHDAYS IN THE NEXT 7 DAYS']).toBeUndefined();
    expect(team.google.sentMail.filter((m) => m.to === BO).at(-1)!.body).not.toContain('IN KONTAKT BLEIBEN');
  });

  it('refuses links that were altered, have expired, or whose item now belongs to someone else', () => {
    const { team } = seededTeam();
    team.google.setServiceUrl(EXEC);
    team.sheet.bundle.callAs('editor', 'sendReminders');
    const ann = team.google.sentMail.find((m) => m.to === ANN)!.body;
    const done = linkOf(ann, 'Send the revised offer', 'Done');
    const [body, signature] = new URL(done).searchParams.get('a')!.split('.');
    const forged = `${EXEC}?a=${encodeURIComponent(`${body}.${signature!.slice(0, -2)}AA`)}`;
    expect(outcome(click(team, forged))).toEqual(['refused', 'This link was not made by this sheet, so it does nothing.']);
    expect(outcome(click(team, `${EXEC}?a=not-a-link`))[0]).toBe('refused');

    // Reassigned in the sheet: the link no longer acts for Ann.
    const row = team.rowOf('FollowUps', team.rows('FollowUps').find((r) => r.Title === 'Send the revised offer')!.id as string);
    team.type('FollowUps', row, 'Owner', BO);
    expect(outcome(click(team, done))).toEqual(['refused', 'This item now belongs to someone else, so the link does nothing.']);

    team.advance(15 * 24 * HOUR);
    expect(outcome(click(team, linkOf(ann, 'Call about the renewal', 'Done')))).toEqual(['refused', 'This link has expired (links work for 14 days). Tomorrow’s digest has fresh ones.']);
    expect(team.rows('FollowUps').find((r) => r.Title === 'Call about the renewal')).toMatchObject({ Status: 'open' });
  });

  it('runs every hour from the trigger: each owner once a day at their hour, retried after a failure, shown in the Settings tab when it keeps failing', () => {
    const { team } = seededTeam();
    const bundle = team.sheet.bundle;
    expect(team.google.triggers.filter((t) => t.handlerFunction === 'sendReminders')).toEqual([expect.objectContaining({ schedule: expect.objectContaining({ everyHours: 1 }) })]);
    bundle.callAs('editor', 'setMemberPreferences', ANN, 'en', 10);
    // 08:30 in Berlin: Bo's hour (the team's, 8) has come, Ann's (10) not yet.
    expect(bundle.fireTimeTriggers()).toEqual([{ handler: 'sendReminders', ok: true }]);
    expect(team.google.sentMail.map((m) => m.to)).toEqual([BO]);
    expect(bundle.fireTimeTriggers()).toEqual([]); // once per hour

    // 09:30: nothing new. 10:30: the mail service fails for Ann; the failure is logged, not yet shown.
    team.advance(HOUR);
    bundle.fireTimeTriggers();
    expect(team.google.sentMail).toHaveLength(1);
    team.advance(HOUR);
    team.google.beforeCall('MailApp.sendEmail', () => {
      throw new Error('Service unavailable: Gmail');
    });
    expect(bundle.fireTimeTriggers()).toEqual([{ handler: 'sendReminders', ok: false, error: expect.stringContaining('Service unavailable') }]);
    expect(team.rows('Reminders log').at(-1)).toMatchObject({ What: 'run', Status: expect.stringContaining('failed: the digest could not be sent to ann@team.test') });
    const valueCell = () => team.google.asPerson(() => team.tab('Settings').getRange(team.rows('Settings').findIndex((r) => r.Setting === 'reminders.hour') + 2, 2));
    expect(valueCell().getNote()).toBe('');

    // 11:30: it fails again, so the Settings tab says so.
    team.advance(HOUR);
    team.google.beforeCall('MailApp.sendEmail', () => {
      throw new Error('Service unavailable: Gmail');
    });
    bundle.fireTimeTriggers();
    expect(valueCell().getNote()).toMatch(/^Reminders failed 2 times in a row .*Service unavailable/);
    expect(valueCell().getBackground()).toBe('#f4c7c3');

    // 12:30: the retry works; Ann gets today's digest and the note goes.
    team.advance(HOUR);
    bundle.fireTimeTriggers();
    expect(team.google.sentMail.map((m) => m.to)).toEqual([BO, ANN]);
    expect(valueCell().getNote()).toBe('');
    team.advance(HOUR);
    bundle.fireTimeTriggers();
    expect(team.google.sentMail).toHaveLength(2);
    expect(new Date(NOW).getTime()).toBeLessThan(team.now().getTime());
  });
});
