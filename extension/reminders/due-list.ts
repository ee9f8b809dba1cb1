import { dayOf } from '../../shared/calendar';
import type { DueRules, TodayItem } from '../db/today';

/**
 * What is due, worked out once per change rather than once per look: the badge, the alarms and
 * every popup read the same list. A write or a sync forgets it; a new day or another usual
 * follow-up time makes a new one.
 */
export function createDueList(compute: (rules: DueRules) => Promise<TodayItem[]>) {
  let cached: { key: string; items: Promise<TodayItem[]> } | null = null;
  return {
    get(rules: DueRules): Promise<TodayItem[]> {
      const key = `${dayOf(rules.now, rules.clock)}|${rules.defaultTime}`;
      if (cached?.key !== key) {
        const items = compute(rules);
        const entry = { key, items };
        cached = entry;
        // A failed look is not kept.
        items.catch(() => {
          if (cached === entry) cached = null;
        });
      }
      return cached.items;
    },
    forget() {
      cached = null;
    },
  };
}
