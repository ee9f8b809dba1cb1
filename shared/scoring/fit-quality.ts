import { wholeNumber } from './plain-numbers';
import { MIN_REPEAT_BUYERS_FOR_ML } from './prior';

/** How far to trust a fitted model, by how many customers bought more than once. */
export type FitQuality = 'rough' | 'fair' | 'good' | 'solid';

export function fitQuality(repeatBuyers: number): FitQuality {
  if (repeatBuyers < 30) return 'rough';
  if (repeatBuyers < 100) return 'fair';
  return repeatBuyers < MIN_REPEAT_BUYERS_FOR_ML ? 'good' : 'solid';
}

/** "based on 14 repeat buyers: rough" */
export const fitBasis = (repeatBuyers: number): string =>
  `based on ${wholeNumber(repeatBuyers)} repeat buyer${repeatBuyers === 1 ? '' : 's'}: ${fitQuality(repeatBuyers)}`;
