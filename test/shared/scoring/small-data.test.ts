import { describe, expect, it } from 'vitest';
import { scoreCustomers } from '../../../shared/scoring/score-customers';
import { cdnowSampleTransactions } from '../../fixtures/cdnow/load-cdnow';
import { seededRandom } from '../../fixtures/seeded-random';

// A small team's data: random CDNOW sample customers, 3 to 50 of them, ten fixed seeds per size.
// Maximum likelihood alone accepted fits like a = 494, b = 2·10⁻⁷ here, calling customers who had
// just bought certainly gone; the regularised fit must stay plausible.
const transactions = cdnowSampleTransactions();
const ids = [...new Set(transactions.map((t) => t.customerId))];

function subset(size: number, seed: number) {
  const random = seededRandom(1000 * size + seed);
  const pool = ids.slice();
  const chosen = new Set<string>();
  while (chosen.size < size) chosen.add(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return transactions.filter((t) => chosen.has(t.customerId));
}

describe.each([3, 5, 10, 20, 50])('scores of %i random CDNOW customers', (size) => {
  const runs = Array.from({ length: 10 }, (_, seed) => {
    const result = scoreCustomers(subset(size, seed + 1), { calibrationEnd: '1997-09-30' });
    if (!result.ok) throw new Error(result.error);
    return result;
  });

  it('never use a parameter at a bound: all within 1e-4 to 1e4, regularised and said so', () => {
    for (const { params, customers, warnings } of runs) {
      const repeatBuyers = customers.filter((c) => c.x > 0).length;
      if (repeatBuyers === 0) {
        expect(params.bgnbd.ok).toBe(false);
        continue;
      }
      const { bgnbd, gammaGamma } = params;
      if (!bgnbd.ok || !gammaGamma.ok) throw new Error('a model with repeat buyers was not fitted');
      for (const value of [...Object.values(bgnbd.params), ...Object.values(gammaGamma.params)]) {
        expect(value).toBeGreaterThan(1e-4);
        expect(value).toBeLessThan(1e4);
      }
      expect(bgnbd.method).toBe('map');
      expect(customers.every((c) => c.purchaseModel === 'map')).toBe(true);
      expect(warnings.find((w) => w.code === 'model-regularised')?.message).toContain(`based on ${repeatBuyers} repeat buyer`);
    }
  });

  it('never call a customer who bought within their usual interval gone', () => {
    for (const { customers } of runs) {
      for (const c of customers) {
        if (c.pAlive === null) continue;
        // BG/NBD: one-time buyers cannot have dropped out yet.
        if (c.x === 0) expect(c.pAlive).toBe(1);
        else if (c.daysSinceLastPurchase <= (c.t_x * 7) / c.x) expect(c.pAlive, `customer ${c.customerId}`).toBeGreaterThan(0.1);
      }
    }
  });
});
