import { describe, expect, it } from 'vitest';
import { zoneWallClock } from '../../shared/calendar';
import type { DueRules, TodayItem } from '../../extension/db/today';
import { createDueList } from '../../extension/reminders/due-list';

const clock = zoneWallClock('Europe/Berlin');
const rules = (iso: string, defaultTime = '09:00'): DueRules => ({ now: new Date(iso), clock, defaultTime });

describe('the list of what is due, worked out once per change', () => {
  it('is reused until a change, a new day or another usual time', async () => {
    let computed = 0;
    const list = createDueList(async () => {
      computed++;
      return [] as TodayItem[];
    });
    await list.get(rules('2026-11-23T08:00:00Z'));
    await list.get(rules('2026-11-23T20:00:00Z'));
    expect(computed).toBe(1);
    await list.get(rules('2026-11-23T23:30:00Z'));
    expect(computed).toBe(2);
    await list.get(rules('2026-11-23T23:30:00Z', '08:00'));
    expect(computed).toBe(3);
    list.forget();
    await list.get(rules('2026-11-23T23:30:00Z', '08:00'));
    expect(computed).toBe(4);
  });

  it('does not keep a failed look', async () => {
    let fail = true;
    const list = createDueList(async () => {
      if (fail) throw new Error('database closed');
      return [] as TodayItem[];
    });
    await expect(list.get(rules('2026-11-23T08:00:00Z'))).rejects.toThrow('database closed');
    fail = false;
    expect(await list.get(rules('2026-11-23T08:00:00Z'))).toEqual([]);
  });
});
