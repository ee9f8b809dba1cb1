/**
 * Something in the input the scoring skipped or could not do, told to the person running it.
 * `count` lets the sheet show "12 transactions dated after the calibration end were ignored".
 */
export interface ScoringWarning {
  code:
    | 'invalid-transaction'
    | 'future-dated'
    | 'sub-cent-amount'
    | 'no-purchase-day'
    | 'model-not-identified'
    | 'spend-model-not-identified'
    | 'spend-model-mean'
    | 'model-regularised'
    | 'spend-model-regularised';
  count: number;
  message: string;
}
