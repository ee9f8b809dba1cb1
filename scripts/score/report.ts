import { backtestSummary, type Backtest } from '../../shared/scoring/backtest';
import type { BgNbdFit } from '../../shared/scoring/bgnbd';
import { fitBasis } from '../../shared/scoring/fit-quality';
import type { GammaGammaFit } from '../../shared/scoring/gamma-gamma';
import type { ScoredTable } from '../../shared/scoring/score-customers';

/** What the CLI prints about a run: the fitted parameters, how they were fitted, the backtest. */

const methodName = { ml: 'maximum likelihood', map: 'regularised (maximum a posteriori under the retail prior)' } as const;

export function modelParameters({ bgnbd, gammaGamma }: { bgnbd: BgNbdFit; gammaGamma: GammaGammaFit }) {
  return {
    bgnbd: bgnbd.ok
      ? { ...bgnbd.params, logLikelihood: bgnbd.logLikelihood, method: bgnbd.method, repeatBuyers: bgnbd.repeatBuyers, regularisedBecause: bgnbd.regularisedBecause }
      : { error: bgnbd.reason },
    gammaGamma: gammaGamma.ok
      ? { ...gammaGamma.params, method: gammaGamma.method, repeatBuyers: gammaGamma.customers, regularisedBecause: gammaGamma.regularisedBecause }
      : { error: gammaGamma.reason, meanSpend: gammaGamma.meanSpend },
  };
}

/** {r: 0.2425940566973294, …}: every digit, so a log-likelihood can be compared with another tool's. */
const braces = (values: Record<string, unknown>) =>
  `{${Object.entries(values)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join(', ')}}`;

function fitLine(fit: BgNbdFit | GammaGammaFit, repeatBuyers: number): string {
  if (!fit.ok) {
    const mean = 'meanSpend' in fit && fit.meanSpend !== null ? `; every customer's expected spend is the mean repeat purchase, ${fit.meanSpend.toFixed(2)}` : '';
    return `  not fitted: ${fit.reason}${mean}`;
  }
  return `  ${methodName[fit.method]}, ${fitBasis(repeatBuyers)}${fit.regularisedBecause ? `: ${fit.regularisedBecause}` : ''}`;
}

export function parameterLines({ params: { bgnbd, gammaGamma } }: Pick<ScoredTable, 'params'>): string[] {
  return [
    `bgnbd: ${braces(bgnbd.ok ? { ...bgnbd.params, logLikelihood: bgnbd.logLikelihood } : { error: bgnbd.reason })}`,
    fitLine(bgnbd, bgnbd.repeatBuyers),
    `gammaGamma: ${braces(gammaGamma.ok ? { ...gammaGamma.params } : { error: gammaGamma.reason })}`,
    fitLine(gammaGamma, gammaGamma.customers),
  ];
}

const column = (values: (string | number)[], widths: number[]) => values.map((value, i) => String(value).padEnd(widths[i])).join('  ').trimEnd();

export function backtestLines(check: Backtest): string[] {
  const widths = [24, 9, 19, 22];
  return [
    `backtest: ${backtestSummary(check)}`,
    `  ${column([`purchases to ${check.calibrationEnd}`, 'customers', 'actual per customer', 'predicted per customer'], widths)}`,
    ...check.groups.map(
      (g) =>
        `  ${column(
          [`${g.purchasesBefore}${g.orMore ? ' or more' : ''}`, g.customers, (g.actual / g.customers).toFixed(3), (g.predicted / g.customers).toFixed(3)],
          widths,
        )}`,
    ),
  ];
}
