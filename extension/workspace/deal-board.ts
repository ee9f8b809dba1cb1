import { dealStages, type Deal } from '../../shared/records';

/**
 * The deals board: deals in columns by stage, each column with its total and its total weighted
 * by the chance of winning. A deal's probability is in percent; without one, the stage's usual
 * chance stands in. Amounts in different currencies are summed apart, never added together.
 */

export type DealStage = (typeof dealStages)[number];

/** The usual chance of winning at each stage, in percent. */
export const stageProbability: Record<DealStage, number> = { prospecting: 10, qualification: 20, proposal: 50, negotiation: 75, won: 100, lost: 0 };

export const probabilityOf = (deal: Pick<Deal, 'probability' | 'stage'>) =>
  deal.probability == null ? stageProbability[deal.stage] : Math.min(100, Math.max(0, deal.probability));

export interface ColumnTotal {
  currency: string;
  amount: number;
  weighted: number;
}

export interface BoardColumn {
  stage: DealStage;
  deals: Deal[];
  totals: ColumnTotal[];
}

/** Cents, so that sums of amounts like 0.1 + 0.2 come out as written. */
const cents = (value: number) => Math.round(value * 100);

export function dealBoard(deals: readonly Deal[], filter: { owner?: string } = {}): BoardColumn[] {
  const owner = filter.owner?.toLowerCase();
  const shown = deals.filter((d) => !d.deleted && (!owner || d.owner.toLowerCase() === owner));
  return dealStages.map((stage) => {
    const inStage = shown.filter((d) => d.stage === stage).sort((a, b) => (a.expectedClose || '9999').localeCompare(b.expectedClose || '9999') || a.name.localeCompare(b.name));
    const sums = new Map<string, { amount: number; weighted: number }>();
    for (const deal of inStage) {
      if (deal.amount == null) continue;
      const sum = sums.get(deal.currency) ?? sums.set(deal.currency, { amount: 0, weighted: 0 }).get(deal.currency)!;
      sum.amount += cents(deal.amount);
      sum.weighted += cents(deal.amount) * probabilityOf(deal);
    }
    const totals = [...sums].map(([currency, s]) => ({ currency, amount: s.amount / 100, weighted: Math.round(s.weighted / 100) / 100 }));
    return { stage, deals: inStage, totals };
  });
}

/** The stage a keyboard move lands on: the next or previous column, staying at the ends. */
export function neighbourStage(stage: DealStage, step: -1 | 1): DealStage {
  const index = dealStages.indexOf(stage);
  return dealStages[Math.min(dealStages.length - 1, Math.max(0, index + step))]!;
}
