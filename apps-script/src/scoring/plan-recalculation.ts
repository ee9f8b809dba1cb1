import type { WallClock } from '../../../shared/calendar';
import type { TableName } from '../../../shared/records';
import { backtest, fitBasis, scoreCustomers, type ScoringResult, type ScoringWarning } from '../../../shared/scoring';
import { monthsBefore } from '../../../shared/scoring/dates';
import { highestRev, TabModel, type TabRead } from '../model/tab-model';
import { customerValues, leadScores, leadValues, type ComputedValues } from './contact-scores';
import { modelReport, type ReportRow } from './model-report';
import { purchasesOf } from './purchases';
import { planScoreRows, type ScoreRowsPlan } from './score-rows';
import type { ScoringSettingsValues } from './settings';
import { recordsOfTab } from './sheet-records';

export interface RecalculationContext {
  /** 'YYYY-MM-DD' in the spreadsheet's time zone: the scores are as of this day */
  today: string;
  nowIso: string;
  /** the last revision handed out, as the script properties keep it */
  rev: number;
  /** the spreadsheet's time zone */
  clock: WallClock;
}

export interface RecalculationPlan extends ScoreRowsPlan {
  /** the Contacts tab with the cells to write */
  contacts: TabModel;
  customers: number;
  leads: number;
  /** what the person running it should know: models that could not be fitted, data left out */
  notes: string[];
  /** how far to trust the scores, for the Settings tab */
  report: ReportRow[];
}

/**
 * One scoring run as pure data: purchases from the Interactions and won Deals, customer scores
 * (RFM, ABC, BG/NBD, Gamma-Gamma, CLV, at risk) with the calibration end today, lead scores for
 * contacts who have not bought, the Contacts rows to rewrite, and the model report with a
 * backtest (the model fitted on all but the latest months, against what happened in them).
 */
export function planRecalculation(
  reads: Pick<Record<TableName, TabRead>, 'contacts' | 'interactions' | 'deals'>,
  settings: ScoringSettingsValues,
  context: RecalculationContext,
  /** the yearly archives' interactions and deals: their purchases count too */
  archived: { interactions: TabRead[]; deals: TabRead[] } = { interactions: [], deals: [] },
): RecalculationPlan {
  const notes: string[] = [];
  const tabs = {
    contacts: new TabModel('contacts', reads.contacts, context.clock),
    interactions: new TabModel('interactions', reads.interactions, context.clock),
    deals: new TabModel('deals', reads.deals, context.clock),
  };
  const contacts = recordsOfTab('contacts', tabs.contacts);
  const withArchived = <T extends 'interactions' | 'deals'>(table: T) => {
    const parts = [recordsOfTab(table, tabs[table]), ...archived[table].map((read) => recordsOfTab(table, new TabModel(table, read, context.clock)))];
    return { records: parts.flatMap((part) => part.records), unreadable: parts[0]!.unreadable };
  };
  const interactions = withArchived('interactions');
  const deals = withArchived('deals');
  const unreadable = { Contacts: contacts.unreadable, Interactions: interactions.unreadable, Deals: deals.unreadable };
  for (const [tab, count] of Object.entries(unreadable)) {
    if (count > 0) notes.push(`${count} row(s) of ${tab} have no id yet or could not be read and were left out (the next sync lists why).`);
  }

  const live = contacts.records.filter((c) => !c.deleted);
  const purchases = purchasesOf(interactions.records, deals.records, new Set(live.map((c) => c.id)), context.clock);
  for (const { count, reason } of purchases.skipped) notes.push(`${count} purchase(s) or won deal(s) left out: they ${reason}.`);

  const values = new Map<string, ComputedValues>();
  const { leadWeights, backtestMonths, archiveAfterMonths: _archive, ...options } = settings;
  const result = scoreCustomers(purchases.transactions, { calibrationEnd: context.today, ...options });
  if (!result.ok) throw new Error(`Scoring refused today's date: ${result.error}`);
  for (const warning of result.warnings) notes.push(noteFor(warning, result));
  const cutoff = monthsBefore(context.today, backtestMonths)!;
  const report = modelReport({
    today: context.today,
    customers: result.customers.length,
    ...result.params,
    backtest: backtest(purchases.transactions, cutoff, context.today),
    backtestMonths,
    cutoff,
  });
  for (const customer of result.customers) values.set(customer.customerId, customerValues(customer));

  const leads = live.filter((c) => !values.has(c.id));
  for (const [id, score] of leadScores(leads, interactions.records, deals.records, context.nowIso, leadWeights)) values.set(id, leadValues(score));

  const rows = planScoreRows(tabs.contacts, values, { rev: highestRev(context.rev, Object.values(tabs)), nowIso: context.nowIso });
  return { ...rows, contacts: tabs.contacts, customers: result.customers.length, leads: leads.length, notes, report };
}

const SEE_REPORT = 'See "Model quality" in the Settings tab.';

/** A scoring warning in words a sales manager reads, the model's own reason kept for whoever digs deeper. */
function noteFor(warning: ScoringWarning, { params }: Extract<ScoringResult, { ok: true }>): string {
  const reason = warning.message.slice(warning.message.indexOf(':') + 1).trim();
  switch (warning.code) {
    case 'model-regularised':
      return params.bgnbd.ok
        ? `CLV and P(alive) are rough guides (${fitBasis(params.bgnbd.repeatBuyers)}): the purchase model leans on a weak prior centred on published retail values. ${SEE_REPORT}`
        : warning.message;
    case 'spend-model-regularised':
      return params.gammaGamma.ok
        ? `CLV is a rough guide (spend model ${fitBasis(params.gammaGamma.customers)}): it leans on a weak prior centred on published retail values. ${SEE_REPORT}`
        : warning.message;
    case 'model-not-identified':
      return `CLV and P(alive) are left empty: too few repeat buyers to fit the purchase model (BG/NBD) — ${reason}.`;
    case 'spend-model-not-identified':
      return `CLV is left empty: too few repeat buyers with a spend to fit the spend model (Gamma-Gamma) — ${reason}.`;
    default:
      return `${warning.message.charAt(0).toUpperCase()}${warning.message.slice(1)}.`;
  }
}
