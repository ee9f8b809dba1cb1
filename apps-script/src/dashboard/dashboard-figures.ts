import { addDays, dayOf, isoWeekday, startOfDay, type WallClock } from '../../../shared/calendar';
import { readClockCell } from '../../../shared/sheet-rows';
import { daysBetween } from '../../../shared/reminders/due-items';
import { dealStages, lifecycleStages, type Deal, type Interaction } from '../../../shared/records';
import { rfmSegments } from '../../../shared/scoring';
import { recordsOf, type ColumnRecord, type DecodedColumns } from '../model/column-records';
import { contactLabel, dueDay } from '../model/linked-names';
import { purchasesOf } from '../scoring/purchases';

/**
 * The managers' figures, computed from the tabs as read. Pure; every figure says what it counts:
 *
 * - contacts by stage (not deleted);
 * - active customers: contacts with a purchase (or won deal) in the last 365 days;
 * - pipeline: open deals' amounts; weighted by each deal's probability (0–1, or per cent above 1),
 *   else its stage's usual one (prospecting 10 %, qualification 25 %, proposal 50 %, negotiation 75 %);
 * - revenue (purchases and won deals, as the scoring counts them) this calendar month and quarter
 *   against the previous month and quarter, and by month for the last 12 months;
 * - new leads this week: contacts made since Monday who are leads or qualified;
 * - follow-ups overdue (not done, due before today); done in the last 30 days and of those done by
 *   their due day (done when their status last changed);
 * - median days since the last interaction of A customers;
 * - contacts due for a data-protection review: no interaction (or, without any, made) within the
 *   retention period;
 * - interactions per week by channel (the channel, else the type) for the last 12 weeks;
 * - customers per RFM segment; revenue by value class (ABC);
 * - the ten most valuable customers at risk (by CLV), with their owner.
 */
export interface DashboardInput {
  today: string;
  clock: WallClock;
  retentionMonths: number;
  contacts: readonly ColumnRecord[];
  /** the biggest tab, kept column by column */
  interactions: DecodedColumns;
  deals: readonly ColumnRecord[];
  followUps: readonly ColumnRecord[];
}

export interface AtRiskCustomer {
  name: string;
  clv: number | null;
  pAlive: number | null;
  lastContact: string;
  owner: string;
}

export interface DashboardFigures {
  today: string;
  stages: [string, number][];
  activeCustomers: number;
  pipeline: number;
  openDeals: number;
  weightedPipeline: number;
  pipelineByStage: [string, number][];
  revenue: { month: number; previousMonth: number; quarter: number; previousQuarter: number };
  revenueByMonth: [string, number][];
  newLeadsThisWeek: number;
  followUpsOverdue: number;
  followUpsDone30: number;
  followUpsDoneOnTime30: number;
  medianDaysSinceContactA: number | null;
  reviewDue: number;
  interactionsPerWeek: { weeks: string[]; channels: string[]; counts: number[][] };
  rfmSegments: [string, number][];
  revenueByClass: [string, number][];
  atRiskTop: AtRiskCustomer[];
}

export const OPEN_DEAL_STAGES = dealStages.filter((stage) => stage !== 'won' && stage !== 'lost');
const USUAL_PROBABILITY: Record<string, number> = { prospecting: 0.1, qualification: 0.25, proposal: 0.5, negotiation: 0.75 };
const MAX_CHANNELS = 5;

const text = (value: unknown) => (value == null ? '' : String(value));
const amountOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const monthOf = (day: string) => day.slice(0, 7);
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
const previousMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
};
const previousQuarter = (quarter: string) => {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
};

/** A deal's chance to close, 0–1. */
export function dealProbability(probability: unknown, stage: string): number {
  if (typeof probability === 'number' && Number.isFinite(probability) && probability >= 0) return probability > 1 ? Math.min(1, probability / 100) : probability;
  return USUAL_PROBABILITY[stage] ?? 0;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const { today, clock } = input;
  const contacts = input.contacts.filter((c) => c.deleted !== true);
  const live = new Set(contacts.map((c) => c.id));
  const dayOfInstant = (iso: unknown) => {
    const ms = Date.parse(text(iso));
    return Number.isFinite(ms) ? dayOf(new Date(ms), clock)! : '';
  };

  const stageCounts = new Map<string, number>(lifecycleStages.map((s) => [s, 0]));
  for (const c of contacts) stageCounts.set(text(c.stage), (stageCounts.get(text(c.stage)) ?? 0) + 1);

  const interactions = input.interactions.values;
  const purchaseRows = recordsOf(input.interactions, (k) => interactions.type?.[k] === 'purchase');
  const purchases = purchasesOf(purchaseRows as unknown as Interaction[], input.deals as unknown as Deal[], live, clock).transactions;
  const yearAgo = addDays(today, -364);
  const buyers = new Set(purchases.filter((p) => p.date >= yearAgo && p.date <= today).map((p) => p.customerId));
  const revenueBy = (key: (day: string) => string) => {
    const sums = new Map<string, number>();
    for (const p of purchases) if (p.date <= today) sums.set(key(p.date), (sums.get(key(p.date)) ?? 0) + p.amount);
    return sums;
  };
  const byMonth = revenueBy(monthOf);
  const byQuarter = revenueBy(quarterOf);
  const months: string[] = [];
  for (let month = monthOf(today), i = 0; i < 12; i++, month = previousMonth(month)) months.unshift(month);

  const open = input.deals.filter((d) => d.deleted !== true && OPEN_DEAL_STAGES.includes(text(d.stage) as (typeof OPEN_DEAL_STAGES)[number]));
  const pipelineByStage = OPEN_DEAL_STAGES.map((stage): [string, number] => [stage, round2(open.filter((d) => d.stage === stage).reduce((sum, d) => sum + amountOf(d.amount), 0))]);

  const monday = addDays(today, 1 - isoWeekday(today));
  const weekStarted = startOfDay(monday, clock).toISOString();
  const newLeadsThisWeek = contacts.filter((c) => text(c.createdAt) >= weekStarted && (c.stage === 'lead' || c.stage === 'qualified')).length;

  const monthAgo = addDays(today, -29);
  let overdue = 0;
  let done30 = 0;
  let onTime30 = 0;
  for (const f of input.followUps) {
    if (f.deleted === true) continue;
    const due = dueDay(f.dueAt, clock);
    if (f.status !== 'done') {
      if (due !== null && due < today) overdue++;
      continue;
    }
    const changed = readClockCell(f._clock).get('status');
    const doneDay = changed ? dayOf(new Date(changed), clock)! : dayOfInstant(f.updatedAt);
    if (doneDay < monthAgo || doneDay > today) continue;
    done30++;
    if (due === null || doneDay <= due) onTime30++;
  }

  // Instants as the sync writes them (ISO text in UTC) sort as time does: compared as text, parsed only when needed.
  const lastContact = new Map<string, string>();
  const weeks = Array.from({ length: 12 }, (_, i) => addDays(monday, -7 * (11 - i)));
  const perWeek = new Map<string, number[]>();
  const windowStart = addDays(weeks[0]!, -1); // a day early, whatever the zone
  const { contactId: contactIds = [], occurredAt = [], createdAt = [], deleted = [], channel: channelCells = [], type: types = [] } = interactions;
  for (let k = 0; k < input.interactions.ids.length; k++) {
    if (deleted[k] === true) continue;
    const at = text(occurredAt[k]) || text(createdAt[k]);
    if (at === '') continue;
    const contactId = text(contactIds[k]);
    if (contactId && at > (lastContact.get(contactId) ?? '')) lastContact.set(contactId, at);
    if (at < windowStart) continue;
    const ms = Date.parse(at);
    if (!Number.isFinite(ms)) continue;
    const day = dayOf(new Date(ms), clock)!;
    const week = weeks.findIndex((start, w) => day >= start && (w === weeks.length - 1 ? day <= today : day < weeks[w + 1]!));
    if (week < 0) continue;
    const channel = text(channelCells[k]).trim().toLowerCase() || text(types[k]) || 'other';
    const counts = perWeek.get(channel) ?? perWeek.set(channel, new Array<number>(weeks.length).fill(0)).get(channel)!;
    counts[week]!++;
  }
  const ranked = [...perWeek].sort((a, b) => b[1].reduce((s, n) => s + n, 0) - a[1].reduce((s, n) => s + n, 0) || a[0].localeCompare(b[0]));
  const shown = ranked.length > MAX_CHANNELS ? ranked.slice(0, MAX_CHANNELS - 1) : ranked;
  const rest = ranked.slice(shown.length);
  const channels = [...shown.map(([name]) => name), ...(rest.length > 0 ? ['other'] : [])];
  const counts = weeks.map((_, w) => [...shown.map(([, c]) => c[w]!), ...(rest.length > 0 ? [rest.reduce((sum, [, c]) => sum + c[w]!, 0)] : [])]);

  const lastDays = new Map<string, string>();
  for (const [contactId, at] of lastContact) {
    const ms = Date.parse(at);
    if (Number.isFinite(ms)) lastDays.set(contactId, dayOf(new Date(ms), clock)!);
  }
  const lastDay = (contactId: string) => lastDays.get(contactId) ?? '';
  const aDays = contacts.filter((c) => c.valueClass === 'A').map((c) => daysBetween(lastDay(c.id) || dayOfInstant(c.createdAt) || today, today));
  const reviewBefore = addDays(today, -Math.round(input.retentionMonths * 30.4375));
  const reviewDue = contacts.filter((c) => (lastDay(c.id) || dayOfInstant(c.createdAt) || today) < reviewBefore).length;

  const segments = new Map<string, number>(rfmSegments.map((s) => [s, 0]));
  for (const c of contacts) if (segments.has(text(c.rfmSegment))) segments.set(text(c.rfmSegment), segments.get(text(c.rfmSegment))! + 1);
  const classOf = new Map(contacts.map((c) => [c.id, text(c.valueClass)]));
  const classRevenue = new Map<string, number>([['A', 0], ['B', 0], ['C', 0]]);
  for (const p of purchases) {
    const valueClass = classOf.get(p.customerId) ?? '';
    if (classRevenue.has(valueClass)) classRevenue.set(valueClass, classRevenue.get(valueClass)! + p.amount);
  }

  const atRiskTop = contacts
    .filter((c) => c.atRisk === true)
    .sort((a, b) => amountOf(b.clv) - amountOf(a.clv) || contactLabel(a).localeCompare(contactLabel(b)))
    .slice(0, 10)
    .map((c) => ({ name: contactLabel(c), clv: typeof c.clv === 'number' ? c.clv : null, pAlive: typeof c.pAlive === 'number' ? c.pAlive : null, lastContact: lastDay(c.id), owner: text(c.owner) }));

  return {
    today,
    stages: [...stageCounts].filter(([stage]) => (lifecycleStages as readonly string[]).includes(stage)),
    activeCustomers: [...buyers].filter((id) => live.has(id)).length,
    pipeline: round2(open.reduce((sum, d) => sum + amountOf(d.amount), 0)),
    openDeals: open.length,
    weightedPipeline: round2(open.reduce((sum, d) => sum + amountOf(d.amount) * dealProbability(d.probability, text(d.stage)), 0)),
    pipelineByStage,
    revenue: {
      month: round2(byMonth.get(monthOf(today)) ?? 0),
      previousMonth: round2(byMonth.get(previousMonth(monthOf(today))) ?? 0),
      quarter: round2(byQuarter.get(quarterOf(today)) ?? 0),
      previousQuarter: round2(byQuarter.get(previousQuarter(quarterOf(today))) ?? 0),
    },
    revenueByMonth: months.map((month) => [month, round2(byMonth.get(month) ?? 0)]),
    newLeadsThisWeek,
    followUpsOverdue: overdue,
    followUpsDone30: done30,
    followUpsDoneOnTime30: onTime30,
    medianDaysSinceContactA: median(aDays),
    reviewDue,
    interactionsPerWeek: { weeks, channels, counts },
    rfmSegments: [...segments],
    revenueByClass: [...classRevenue].map(([c, sum]) => [c, round2(sum)]),
    atRiskTop,
  };
}
