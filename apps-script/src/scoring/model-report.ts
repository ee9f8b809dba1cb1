import { backtestSummary, fitBasis, type BacktestResult, type BgNbdFit, type GammaGammaFit } from '../../../shared/scoring';

/**
 * "How far can I trust these numbers?" in words a sales manager reads, for the Settings tab: what
 * each model was fitted on and how, and how well it would have predicted the latest months.
 */

/** A row of the report: up to four cells. */
export type ReportRow = (string | number)[];

export const REPORT_TITLE = 'Model quality';

export interface ReportInput {
  today: string;
  customers: number;
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  backtest: BacktestResult;
  backtestMonths: number;
  cutoff: string;
}

const REGULARISED = 'so it leans on a weak prior centred on published retail values (a regularised fit)';

/** Why a fit was regularised, for a sentence: "Only 14 repeat buyers, fewer than …". */
const because = (reason: string) => `${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;

export function purchaseModelSentence(fit: BgNbdFit): string {
  const name = 'Purchase model (expected purchases, P(alive), at risk)';
  if (!fit.ok) return `${name}: not fitted (${fit.reason}), so CLV and P(alive) are left empty.`;
  if (fit.method === 'ml') return `${name}: ${fitBasis(fit.repeatBuyers)}. Fitted on your data alone (maximum likelihood).`;
  return `${name}: ${fitBasis(fit.repeatBuyers)}. ${because(fit.regularisedBecause ?? '')}, ${REGULARISED}: read P(alive) and CLV as rough guides.`;
}

export function spendModelSentence(fit: GammaGammaFit): string {
  const name = 'Spend model (expected spend per purchase, CLV)';
  if (!fit.ok && fit.meanSpend !== null) return `${name}: not fitted (${fit.reason}), so every customer is expected to spend the mean repeat purchase, ${fit.meanSpend.toFixed(2)}.`;
  if (!fit.ok) return `${name}: not fitted (${fit.reason}), so CLV is left empty.`;
  if (fit.method === 'ml') return `${name}: ${fitBasis(fit.customers)}. Fitted on your data alone (maximum likelihood).`;
  return `${name}: ${fitBasis(fit.customers)}. ${because(fit.regularisedBecause ?? '')}, ${REGULARISED}: read CLV as a rough guide.`;
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100;

export function modelReport(input: ReportInput): ReportRow[] {
  const rows: ReportRow[] = [
    [REPORT_TITLE],
    [`Recalculated ${input.today}: ${input.customers} customer(s), ${input.bgnbd.repeatBuyers} of them bought more than once.`],
    [purchaseModelSentence(input.bgnbd)],
    [spendModelSentence(input.gammaGamma)],
    [''],
  ];
  const title = `Backtest (the last ${input.backtestMonths} month${input.backtestMonths === 1 ? '' : 's'})`;
  if (!input.backtest.ok) return [...rows, [`${title}: not possible yet: ${input.backtest.reason}.`]];
  const { backtest } = input.backtest;
  return [
    ...rows,
    [`${title}: ${backtestSummary(backtest)}`],
    [`Purchases up to ${input.cutoff}`, 'Customers', 'Purchases expected after, each', 'Purchases after, each'],
    ...backtest.groups.map((g): ReportRow => [
      g.orMore ? `${g.purchasesBefore} or more` : g.purchasesBefore,
      g.customers,
      twoDecimals(g.predicted / g.customers),
      twoDecimals(g.actual / g.customers),
    ]),
  ];
}
