import { describe, expect, it } from 'vitest';
import { seededTeam } from '../seeded-team';

type Team = ReturnType<typeof seededTeam>['team'];

/** The Dashboard tab's cells at A1-style coordinates (row, column: 1-based), as getValues gives them. */
const dashboard = (team: Team) => team.google.asPerson(() => team.tab('Dashboard').getDataRange().getValues());
const table = (cells: unknown[][], row: number, column: number, rows: number, columns: number) => cells.slice(row - 1, row - 1 + rows).map((r) => r.slice(column - 1, column - 1 + columns));
const W = 23;

describe('the Dashboard tab (built bundle, local sheet)', () => {
  it('shows the figures of the seeded team, each equal to what is counted by hand', () => {
    const { team } = seededTeam();
    team.sheet.bundle.callAs('editor', 'rebuildDashboard');
    const cells = dashboard(team);
    expect(table(cells, 5, 1, 10, 2)).toEqual([
      ['Active customers (bought in the last 12 months)', 5], // Bea, Carl, Dora, Emil, Finn
      ['Open pipeline', 20000], // Acme 12,000 (proposal) + Nordlicht 8,000 (negotiation)
      ['Weighted pipeline (by probability)', 10800], // 12,000 × 50 % (proposal's usual) + 8,000 × 60 %
      ['Revenue this month', 5250], // November in Berlin: the won pilot 5,000 + Bea's purchase of the 19th 250
      ['Revenue this quarter', 6250], // + October: Carl 300, Finn 700 (bought on 1 Oct at 00:30 in Berlin)
      ['New leads this week', 1], // Gina, a lead made on Monday (Hugo, made in 2023, and the rest are older)
      ['Follow-ups overdue', 3], // the revised offer (20th), the workshop (23rd), the agenda (22nd)
      ['Follow-ups done on time, last 30 days', 0.5], // the summary (done 18th, due 20th); the feedback was late
      ['Median days since last contact, A customers', 62.5], // Bea 5 days, Dora 120 days
      ['Contacts due for a data-protection review', 1], // Hugo, made in 2023, never contacted
    ]);
    expect(table(cells, 8, 3, 2, 1)).toEqual([['previous month 1,000.00 EUR (+425 %)'], ['previous quarter 2,700.00 EUR (+131 %)']]);
    expect(table(cells, 17, 1, 6, 2)).toEqual([['Lead', 1], ['Qualified', 1], ['Customer', 3], ['Loyal', 1], ['At risk', 0], ['Lost', 1]]);
    // Dora, Emil and Finn are at risk by their purchase rhythm; most valuable first, with the scores the Contacts tab holds.
    const scores = new Map(team.rows('Contacts').map((r) => [`${r['First name']} ${r['Last name']}`, [r.CLV, r['P(alive)']]]));
    const atRisk = [
      ['Dora Fink', ...scores.get('Dora Fink')!, '2026-07-27', 'ann@team.test'],
      ['Emil Graf', ...scores.get('Emil Graf')!, '2026-08-20', 'bo@team.test'],
      ['Finn Hale', ...scores.get('Finn Hale')!, '2026-11-20', 'cy@team.test'],
    ].sort((a, b) => Number(b[1]) - Number(a[1]));
    expect(atRisk.every((row) => typeof row[1] === 'number')).toBe(true);
    expect(table(cells, 25, 1, 4, 5)).toEqual([...atRisk, ['', '', '', '', '']]);

    expect(table(cells, 3, W, 12, 2)).toEqual([
      ['Dec 2025', 0], ['Jan 2026', 0], ['Feb 2026', 0], ['Mar 2026', 0], ['Apr 2026', 0], ['May 2026', 0],
      ['Jun 2026', 2700], ['Jul 2026', 2300], ['Aug 2026', 400], ['Sep 2026', 0], ['Oct 2026', 1000], ['Nov 2026', 5250],
    ]);
    expect(table(cells, 17, W, 4, 2)).toEqual([['Prospecting', 0], ['Qualification', 0], ['Proposal', 12000], ['Negotiation', 8000]]);
    // Interactions per week by channel (the type where no channel): 12 weeks from Mon 7 Sep.
    const weeks = table(cells, 22, W, 13, 4);
    expect(weeks[0]).toEqual(['Week of', 'Purchase', 'Meeting', 'Phone']);
    expect(weeks.slice(1).map((w) => w[0])).toEqual(['7 Sep', '14 Sep', '21 Sep', '28 Sep', '5 Oct', '12 Oct', '19 Oct', '26 Oct', '2 Nov', '9 Nov', '16 Nov', '23 Nov']);
    expect(weeks.slice(1).filter((w) => w.slice(1).some((n) => n !== 0))).toEqual([['28 Sep', 2, 0, 0], ['9 Nov', 0, 0, 1], ['16 Nov', 1, 1, 0]]);
    // RFM segments as the Contacts tab holds them, and revenue by value class.
    const segments = new Map<string, number>();
    for (const row of team.rows('Contacts')) if (row['RFM segment']) segments.set(String(row['RFM segment']), (segments.get(String(row['RFM segment'])) ?? 0) + 1);
    const rfm = table(cells, 37, W, 8, 2);
    expect(rfm.filter(([, n]) => n !== 0)).toEqual([...segments].map(([segment, n]) => [segment.charAt(0).toUpperCase() + segment.slice(1), n]).sort((a, b) => rfm.findIndex((r) => r[0] === a[0]) - rfm.findIndex((r) => r[0] === b[0])));
    expect(table(cells, 47, W, 3, 2)).toEqual([['Class A', 10250], ['Class B', 1100], ['Class C', 300]]); // Bea + Dora, Finn + Emil, Carl
  });

  it('draws five real charts over the tables it wrote, and a rebuild changes nothing', () => {
    const { team } = seededTeam();
    team.sheet.bundle.callAs('editor', 'rebuildDashboard');
    const charts = () => team.google.toJSON().charts?.Dashboard ?? [];
    expect(charts().map((c) => [c.options.title, c.type, c.ranges])).toEqual([
      ['Revenue by month', 'COLUMN', ['W2:X14']],
      ['Pipeline by stage', 'BAR', ['W16:X20']],
      ['Interactions per week by channel', 'COLUMN', ['W22:Z34']],
      ['Customers by RFM segment', 'BAR', ['W36:X44']],
      ['Revenue share by value class (ABC)', 'PIE', ['W46:X49']],
    ]);
    expect(team.google.asPerson(() => team.tab('Dashboard').getRange('B8').getNumberFormat())).toBe('#,##0.00 "EUR"');
    expect(team.google.asPerson(() => team.tab('Dashboard').getRange('B12').getNumberFormat())).toBe('0%');
    const json = JSON.stringify(team.google.toJSON());
    team.sheet.bundle.callAs('editor', 'rebuildDashboard');
    expect(JSON.stringify(team.google.toJSON())).toBe(json);
    // A chart a person changed is put back; one they added is left alone.
    team.google.asPerson(() => {
      const sheet = team.tab('Dashboard');
      const revenue = sheet.getCharts().find((c) => c.getOptions().get('title') === 'Revenue by month')!;
      sheet.updateChart(revenue.modify().setChartType(team.google.globals.Charts.ChartType.LINE).build());
      sheet.insertChart(sheet.newChart().setChartType(team.google.globals.Charts.ChartType.PIE).addRange(sheet.getRange('A17:B22')).setOption('title', 'Our stages').build());
    });
    team.sheet.bundle.callAs('editor', 'rebuildDashboard');
    expect(charts().map((c) => [c.options.title, c.type])).toEqual(expect.arrayContaining([['Revenue by month', 'COLUMN'], ['Our stages', 'PIE']]));
    expect(charts()).toHaveLength(6);
  });
});
