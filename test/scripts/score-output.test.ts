import { describe, expect, it } from 'vitest';
import { Progress } from '../../scripts/score/progress';
import { csvText } from '../../scripts/score/scores-csv';

describe('scores file cells', () => {
  it('keep a customer id that looks like a formula as text, and quote commas and quotes', () => {
    expect(csvText('=HYPERLINK("http://evil.test")')).toBe(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(csvText('-5')).toBe("'-5");
    expect(csvText('Smith, J.')).toBe('"Smith, J."');
    expect(csvText("can't lose")).toBe("can't lose");
  });
});

describe('progress on stderr', () => {
  it('stays quiet for short runs, then says something every two seconds and how it ended', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = new Progress((line) => lines.push(line), () => now);
    for (now = 0; now <= 1900; now += 100) progress.update(() => `at ${now}`);
    expect(lines).toEqual([]);
    for (now = 2000; now <= 6500; now += 100) progress.update(() => `at ${now}`);
    expect(lines).toEqual(['at 2000', 'at 4000', 'at 6000']);
    progress.done();
    expect(lines.at(-1)).toMatch(/^done in 6\.6 s, peak memory \d+ MB$/);
  });

  it('says nothing at the end of a short run', () => {
    const lines: string[] = [];
    new Progress((line) => lines.push(line), () => 0).done();
    expect(lines).toEqual([]);
  });
});
