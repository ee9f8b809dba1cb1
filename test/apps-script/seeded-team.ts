import { seededIds } from './scoring/scoring-sheet';
import { teamSheet } from './team-sheet';

/**
 * A team's sheet for the reminder, dashboard and stage tests, on the built bundle in the local
 * sheet: three owners (Ann in English, Bo in German, Cy with nothing due), a spreadsheet in
 * Europe/Berlin whose clock stands at Tuesday 2026-11-24 08:30 there, and records chosen so that
 * each digest item, each dashboard figure and each stage change has one case (and its near miss).
 *
 * Expected, by hand (all days in Berlin):
 * - Ann: overdue "Send the revised offer" (due Fri 20 Nov, 4 days late); due today "Call about the
 *   renewal"; Dora Fink at risk (A customer, last bought 27 Jul, usually every 14 days);
 *   Bea's birthday on Thu 26 Nov; the deal "Acme 40 seats" 14 days past its expected close.
 *   Not: the follow-up due at 00:30 on the 25th (the 24th in UTC), the done one, Bo's records.
 * - Bo (German): overdue "Prepare the workshop" (due 23 Nov 16:00) and "Send the agenda" (no
 *   owner of its own: Emil's, Bo's), Carl Berg to keep in touch (every 30 days, last 1 Oct).
 * - Cy: nothing due (a follow-up on 1 Dec, a birthday in March): no mail.
 * Emil and Finn, who bought once, are at risk too (judged by the team's usual gap between
 * purchases), but each has a follow-up open — a next touch is planned — so no digest lists them.
 */
export const NOW = '2026-11-24T07:30:00.000Z';
export const ZONE = 'Europe/Berlin';
export const [ANN, BO, CY] = ['ann@team.test', 'bo@team.test', 'cy@team.test'];
const MADE = '2026-09-01T08:00:00.000Z';

export function seededTeam(options: { mailQuota?: number } = {}) {
  const team = teamSheet({ now: NOW, spreadsheetTimeZone: ZONE, ...options });
  const newId = seededIds(14);
  const base = (made = MADE) => ({ id: newId(), createdAt: made, updatedAt: made, updatedBy: ANN });
  const contact = (first: string, last: string, rest: Record<string, unknown>) => ({ ...base(), firstName: first, lastName: last, emails: [`${first.toLowerCase()}@clients.test`], ...rest });
  const bea = contact('Bea', 'Lind', { company: 'Acme GmbH', owner: ANN, stage: 'customer', birthday: '1985-11-26', tags: ['vip'] });
  const carl = contact('Carl', 'Berg', { company: 'Nordlicht AG', owner: BO, stage: 'customer', keepInTouchDays: 30 });
  const dora = contact('Dora', 'Fink', { owner: ANN, stage: 'loyal' });
  const emil = contact('Emil', 'Graf', { owner: BO, stage: 'customer', birthday: '1970-12-09' });
  const finn = contact('Finn', 'Hale', { owner: CY, stage: 'qualified', birthday: '1991-03-02' });
  const gina = { ...contact('Gina', 'Ives', { stage: 'lead' }), createdAt: '2026-11-23T08:00:00.000Z', updatedAt: '2026-11-23T08:00:00.000Z' };
  const hugo = { ...contact('Hugo', 'Jost', { owner: ANN, stage: 'lost' }), createdAt: '2023-01-10T08:00:00.000Z', updatedAt: '2023-01-10T08:00:00.000Z' };
  const contacts = { bea, carl, dora, emil, finn, gina, hugo };

  const interaction = (contactId: string, occurredAt: string, rest: Record<string, unknown>) => ({ ...base(), contactId, direction: 'inbound', occurredAt, ...rest });
  const purchase = (contactId: string, occurredAt: string, amount: number) => interaction(contactId, occurredAt, { type: 'purchase', amount });
  const interactions = [
    ...[['2026-06-01', 800], ['2026-06-15', 900], ['2026-06-29', 1000], ['2026-07-13', 1100], ['2026-07-27', 1200]].map(([day, amount]) => purchase(dora.id, `${day}T10:00:00.000Z`, amount as number)),
    purchase(carl.id, '2026-10-01T09:00:00.000Z', 300),
    purchase(emil.id, '2026-08-20T09:00:00.000Z', 400),
    purchase(finn.id, '2026-09-30T22:30:00.000Z', 700), // 1 Oct 00:30 in Berlin: October, Q4
    purchase(bea.id, '2026-11-18T23:30:00.000Z', 250), // 19 Nov in Berlin
    interaction(bea.id, '2026-11-10T14:00:00.000Z', { type: 'call', channel: 'phone', subject: 'Renewal' }),
    interaction(finn.id, '2026-11-20T10:00:00.000Z', { type: 'meeting', channel: 'meeting', subject: 'Demo' }),
  ];

  const followUp = (contactId: string, title: string, dueAt: string, rest: Record<string, unknown> = {}) => ({ ...base(), contactId, title, dueAt, status: 'open', ...rest });
  const followUps = {
    revisedOffer: followUp(bea.id, 'Send the revised offer', '2026-11-20', { owner: ANN }),
    renewal: followUp(bea.id, 'Call about the renewal', '2026-11-24', { owner: ANN }),
    lateTonight: followUp(bea.id, 'Check the signature', '2026-11-24T23:30:00.000Z', { owner: ANN }), // 25 Nov 00:30 in Berlin
    workshop: followUp(emil.id, 'Prepare the workshop', '2026-11-23T16:00:00+01:00', { owner: BO }),
    agenda: followUp(emil.id, 'Send the agenda', '2026-11-22'),
    future: followUp(finn.id, 'Quarterly review', '2026-12-01', { owner: CY }),
    doneLate: followUp(hugo.id, 'Ask for feedback', '2026-11-10', { owner: ANN, createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z' }),
    doneOnTime: followUp(hugo.id, 'Send the summary', '2026-11-20', { owner: ANN, createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z' }),
  };
  const deal = (contactId: string, name: string, rest: Record<string, unknown>) => ({ ...base(), contactId, name, currency: 'EUR', ...rest });
  const deals = {
    acme: deal(bea.id, 'Acme 40 seats', { stage: 'proposal', amount: 12000, expectedClose: '2026-11-10', owner: ANN }),
    nordlicht: deal(carl.id, 'Nordlicht rollout', { stage: 'negotiation', amount: 8000, probability: 0.6, expectedClose: '2026-12-15', owner: BO }),
    won: deal(bea.id, 'Acme pilot', { stage: 'won', amount: 5000, closedAt: '2026-11-05', owner: ANN }),
  };

  // Owners must be members of the team before records are given to them.
  const bundle = team.sheet.bundle;
  for (const email of [BO, CY]) bundle.callAs('editor', 'addTeamMember', email);
  bundle.callAs('editor', 'setMemberPreferences', BO, 'de', null);
  team.sync({ contacts: Object.values(contacts), interactions, followUps: Object.values(followUps), deals: Object.values(deals) });
  // Two follow-ups done since: one after its due day, one before.
  const done = (record: (typeof followUps)['doneLate'], at: string) => ({ ...record, status: 'done', updatedAt: at, fieldTimes: { status: at } });
  team.sync({ followUps: [done(followUps.doneLate, '2026-11-12T10:00:00.000Z'), done(followUps.doneOnTime, '2026-11-18T10:00:00.000Z')] });

  bundle.callAs('editor', 'setUp');
  // Customers are at risk by their purchase rhythm only: the purchase model is not asked here.
  setSetting(team, 'atRisk.pAliveThreshold', 0);
  bundle.callAs('editor', 'recalculateScores');
  return { team, contacts, followUps, deals, interactions };
}

/** A manager types a value into the Settings tab. */
export function setSetting(team: ReturnType<typeof teamSheet>, key: string, value: string | number | boolean) {
  const row = team.rows('Settings').findIndex((r) => r.Setting === key) + 2;
  if (row < 2) throw new Error(`no setting ${key}`);
  team.type('Settings', row, 'Value', value);
}

/** The items of a plain-text digest, section by section: { 'OVERDUE FOLLOW-UPS': ['Send the revised offer — …'] }. */
export function digestSections(body: string): Record<string, string[]> {
  const sections: Record<string, string[]> = {};
  let current = '';
  for (const line of body.split('\n')) {
    if (/^[A-ZÄÖÜ][A-ZÄÖÜ0-9 ()-]+$/.test(line)) sections[(current = line)] = [];
    else if (line.startsWith('- ') && current) sections[current]!.push(line.slice(2));
  }
  return sections;
}
