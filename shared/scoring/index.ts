/**
 * Customer-value scoring, pure TypeScript for the sheet (Apps Script V8), the extension and Node.
 * The sheet calls `scoreCustomers` once per run and `leadScore` per lead; the rest is exported for
 * the CLI, the dashboard and tests.
 */
export { scoreCustomers, scoreTable, defaultScoringSettings } from './score-customers';
export type { ScoringOptions, ScoringSettings, ScoringResult, ScoredTable, CustomerScore } from './score-customers';
export { summarizeTransactions, summarizeCustomerDays, customerTable } from './summary';
export type { Transaction, CustomerSummary, CustomerTable, ExcludedCustomer, TransactionSummary } from './summary';
export { CustomerDays } from './customer-days';
export { toCents } from './money';
export type { ScoringWarning } from './warnings';
export { quintileScores, rfmScores, rfmSegment, rfmSegments } from './rfm';
export type { Quintile, RfmScore, RfmSegment, RfmInput } from './rfm';
export { abcClasses, defaultAbcThresholds, sanitizeAbcThresholds } from './abc';
export type { AbcThresholds, ValueClass } from './abc';
export {
  leadScore,
  leadSignalsFromRecords,
  profileCompleteness,
  defaultLeadScoreWeights,
  sanitizeLeadScoreWeights,
} from './lead-score';
export type { LeadScore, LeadSignals, LeadInteraction, LeadScoreWeights } from './lead-score';
export { fitBgNbd, bgnbdLogLikelihood, expectedPurchases, probabilityAlive } from './bgnbd';
export type { BgNbdParams, BgNbdFit, RecencyFrequency } from './bgnbd';
export { fitGammaGamma, gammaGammaLogLikelihood, expectedSpend } from './gamma-gamma';
export type { GammaGammaParams, GammaGammaFit, RepeatSpend } from './gamma-gamma';
export type { FitMethod } from './fit-positive';
export { fitQuality, fitBasis } from './fit-quality';
export type { FitQuality } from './fit-quality';
export { backtest, backtestOf, backtestSummary } from './backtest';
export type { Backtest, BacktestGroup, BacktestResult } from './backtest';
export { customerLifetimeValue, defaultClvOptions, sanitizeClvOptions, WEEKS_PER_MONTH } from './clv';
export type { ClvOptions, CustomerValue } from './clv';
