import { abcClasses } from '../shared/scoring/abc';
import { fitBgNbd } from '../shared/scoring/bgnbd';
import { fitGammaGamma } from '../shared/scoring/gamma-gamma';
import { rfmScores } from '../shared/scoring/rfm';
import { scoreCustomers } from '../shared/scoring/score-customers';
import { summarizeTransactions, type Transaction } from '../shared/scoring/summary';
import { cdnowMasterTransactions } from '../test/fixtures/cdnow/load-cdnow';
import { replicate } from './synthetic-purchases';
import type { BenchFigure } from './types';

/**
 * The sheet's scoring run (summary + RFM + ABC + BG/NBD + Gamma-Gamma + CLV, i.e. scoreCustomers)
 * on all of CDNOW_master.txt (23,570 customers, 69,659 transactions), calibration end 1997-09-30
 * as in the published model (later purchases are the holdout and are left out), and on a
 * synthetic set ten times as large to check that the cost grows linearly.
 */

const CALIBRATION_END = '1997-09-30';
const DATA_END = '1998-06-30';

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function scoreAll(transactions: readonly Transaction[], calibrationEnd: string) {
  const result = scoreCustomers(transactions, { calibrationEnd });
  if (!result.ok) throw new Error(result.error);
  if (!result.params.bgnbd.ok) throw new Error(result.params.bgnbd.reason);
  if (!result.params.gammaGamma.ok) throw new Error(result.params.gammaGamma.reason);
  return result;
}

export default async (): Promise<BenchFigure[]> => {
  const master = cdnowMasterTransactions();
  const tenfold = replicate(master, 10);

  const warm = scoreAll(master, CALIBRATION_END); // JIT warm-up, and the figures for the notes
  const bgnbd = warm.params.bgnbd.ok ? warm.params.bgnbd : null;
  const once = time(() => scoreAll(master, CALIBRATION_END), 5);
  let tenfoldCustomers = 0;
  const tenTimes = time(() => {
    tenfoldCustomers = scoreAll(tenfold, CALIBRATION_END).customers.length;
  }, 3);
  const toDataEnd = time(() => scoreAll(master, DATA_END), 3);

  // Where the time goes, on the 1× set.
  const { customers } = summarizeTransactions(master, CALIBRATION_END);
  const summary = time(() => summarizeTransactions(master, CALIBRATION_END), 5);
  const segments = time(() => {
    rfmScores(customers);
    abcClasses(customers.map((c) => c.revenue));
  }, 5);
  const bgnbdFit = time(() => fitBgNbd(customers), 5);
  const spendFit = time(() => fitGammaGamma(customers), 5);

  return [
    {
      name: 'scoreCustomers, CDNOW master (23,570 customers) to 1997-09-30',
      value: once,
      unit: 'ms',
      target: { op: '<', value: 2000 },
      note: `${warm.customers.length} customers; BG/NBD r ${bgnbd?.params.r.toFixed(3)} alpha ${bgnbd?.params.alpha.toFixed(3)} a ${bgnbd?.params.a.toFixed(3)} b ${bgnbd?.params.b.toFixed(3)}, ${bgnbd?.evaluations} likelihood evaluations`,
    },
    { name: '  of which transaction summary', value: summary, unit: 'ms' },
    { name: '  of which RFM + ABC', value: segments, unit: 'ms' },
    { name: '  of which BG/NBD fit', value: bgnbdFit, unit: 'ms' },
    { name: '  of which Gamma-Gamma fit', value: spendFit, unit: 'ms' },
    {
      name: '  of which P(alive), expected spend, 12-month CLV',
      value: Math.max(0, once - summary - segments - bgnbdFit - spendFit),
      unit: 'ms',
      note: 'the rest of the total',
    },
    {
      name: 'scoreCustomers, synthetic 10× CDNOW master',
      value: tenTimes,
      unit: 'ms',
      note: `${tenfold.length} transactions, ${tenfoldCustomers} customers`,
    },
    { name: 'time 10× / time 1×', value: tenTimes / once, unit: 'ratio', target: { op: '<=', value: 12 } },
    {
      name: 'scoreCustomers, CDNOW master to the data end 1998-06-30',
      value: toDataEnd,
      unit: 'ms',
      note: 'no holdout: every purchase counts',
    },
  ];
};
