/**
 * Amounts are added up, ranked and compared in whole cents (integers), so 37.91 + 11.77 equals
 * 49.68 exactly and equal revenues share their quintile and class. Integers stay exact in a
 * double up to 2^53 cents (90 trillion in the currency).
 */

/**
 * An amount in cents, rounded half away from zero. `subCent` says the amount had a fraction of a
 * cent (beyond floating-point noise), e.g. 23.7881 from a price × tax formula.
 */
export function toCents(amount: number): { cents: number; subCent: boolean } {
  const scaled = amount * 100;
  const cents = scaled < 0 ? -Math.round(-scaled) : Math.round(scaled);
  // The multiplication by 100 is off by about 1e-16 of the amount: more than that is a real fraction.
  return { cents, subCent: Math.abs(scaled - cents) > Math.max(1e-6, Math.abs(scaled) * 1e-13) };
}

/** Cents back into the currency, for display and for the models (which work on amounts). */
export const fromCents = (cents: number): number => cents / 100;
