import { describe, expect, it } from 'vitest';
import { parseSetupLink } from '../../../shared/setup-link';
import { MEMBER } from '../local-sheet-harness';
import { teamSheet } from '../team-sheet';

const EXEC = 'https://script.google.com/macros/s/rapport-test/exec';
type Team = ReturnType<typeof teamSheet>;
const run = (team: Team, name: string, ...args: unknown[]) => team.sheet.bundle.callAs('editor', name, ...args) as Record<string, unknown>;
const sidebar = (team: Team) => team.google.dialogs.filter((d) => d.kind === 'sidebar').at(-1)!;
/** The JSON a sidebar page carries for its script. */
const sidebarData = (html: string) => JSON.parse(/<script type="application\/json" id="data">([\s\S]*?)<\/script>/.exec(html)![1]!);

describe('the Rapport menu, the Team members and Settings sidebars (built bundle, local sheet)', () => {
  it('names only global functions of the bundle, in menus and triggers', () => {
    const team = teamSheet();
    run(team, 'onOpen');
    run(team, 'setUp');
    const menu = team.google.menus.find((m) => m.caption === 'Rapport')!;
    expect(menu.items).toEqual([
      { caption: 'Set up or repair', functionName: 'setUp' },
      { caption: 'Team members…', functionName: 'openMembers' },
      { caption: 'Settings…', functionName: 'openSettings' },
      { separator: true },
      { caption: 'Recalculate scores', functionName: 'recalculateScores' },
      { caption: 'Send reminders now', functionName: 'sendReminders' },
      { caption: 'Rebuild dashboard', functionName: 'rebuildDashboard' },
      { caption: 'Archive old history', functionName: 'archiveOldHistory' },
    ]);
    const named = [...menu.items.flatMap((item) => ('functionName' in item ? [item.functionName] : [])), ...team.google.triggers.map((t) => t.handlerFunction)];
    for (const name of named) expect(team.sheet.bundle.functions).toContain(name);
    expect(team.sheet.bundle.functions).toEqual(expect.arrayContaining(['setUpTabs', 'addTeamMember', 'revokeTeamMember', 'setMemberPreferences', 'saveSettings']));
    // An add-on not yet used in this spreadsheet puts its menu under Extensions.
    team.sheet.bundle.callAs('editor', 'onOpen', { authMode: 'NONE' });
    expect(team.google.menus.map((m) => m.caption)).toContain('Add-ons');
  });

  it('adds a member with a token shown once and a set-up line the extension reads, lists last syncs, revokes', () => {
    const team = teamSheet();
    team.google.setServiceUrl(EXEC);
    run(team, 'setUp');
    run(team, 'openMembers');
    expect(sidebar(team).title).toBe('Team members');
    expect(sidebarData(sidebar(team).message).members).toEqual([{ email: MEMBER, language: 'en', reminderHour: null, lastSync: null }]);

    const added = run(team, 'addTeamMember', ' Bo@Team.test ');
    expect(added).toMatchObject({ email: 'bo@team.test', webAppUrl: EXEC });
    const token = String(added.token);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(parseSetupLink(String(added.setupLink))).toEqual({ url: EXEC, token });
    // The token works for syncing as Bo, and is nowhere in the sidebar's list.
    const answer = team.post({ token, clientId: 'bo-laptop', since: 0, changes: {} });
    expect(answer.ok).toBe(true);
    run(team, 'openMembers');
    const listed = sidebarData(sidebar(team).message);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed.members.find((m: { email: string }) => m.email === 'bo@team.test')).toMatchObject({ lastSync: team.now().toISOString() });
    // The owner dropdowns follow the members.
    const owner = () => team.google.asPerson(() => team.tab('Deals').getRange(2, team.column('Deals', 'Owner')).getDataValidation()!.getCriteriaValues()[0]);
    expect(owner()).toEqual([MEMBER, 'bo@team.test']);

    expect(() => run(team, 'addTeamMember', 'not an address')).toThrow(/does not look like an email address/);
    expect(run(team, 'setMemberPreferences', 'bo@team.test', 'de', 7)).toMatchObject({ members: expect.arrayContaining([expect.objectContaining({ email: 'bo@team.test', language: 'de', reminderHour: 7 })]) });
    expect(() => run(team, 'setMemberPreferences', 'bo@team.test', 'fr', 7)).toThrow(/English \(en\) or German \(de\)/);

    run(team, 'revokeTeamMember', 'bo@team.test');
    expect(team.post({ token, clientId: 'bo-laptop', since: 0, changes: {} })).toMatchObject({ ok: false, error: { code: 'revoked' } });
    expect(owner()).toEqual([MEMBER]);
  });

  it('shows and saves the settings, each value checked as in the Settings tab', () => {
    const team = teamSheet({ spreadsheetTimeZone: 'Europe/Berlin' });
    run(team, 'setUp');
    run(team, 'openSettings');
    const data = sidebarData(sidebar(team).message);
    expect(data).toMatchObject({
      form: { reminderHour: 8, reminderTimeZone: '', currency: 'EUR', keepInTouchDays: 0, tagCadences: '', retentionMonths: 24, automaticStages: true, loyalAfterPurchases: 3, horizonMonths: 12, discountRatePercent: 10 },
      spreadsheetTimeZone: 'Europe/Berlin',
      reminders: { on: true, lastRun: null, failure: null },
      problems: {},
    });
    const saved = run(team, 'saveSettings', { ...data.form, reminderHour: 7, currency: 'chf', tagCadences: 'vip = 30\npartner: 60 days', discountRatePercent: 8, reminderTimeZone: 'Mars/Olympus' }) as unknown as { form: Record<string, unknown>; problems: Record<string, string> };
    expect(saved.form).toMatchObject({ reminderHour: 7, currency: 'CHF', tagCadences: 'vip = 30\npartner = 60', discountRatePercent: 8, reminderTimeZone: '' });
    expect(saved.problems).toEqual({ reminderTimeZone: 'Is not a time zone name such as Europe/Berlin; using the default (empty)' });
    const settings = new Map(team.rows('Settings').map((r) => [r.Setting, r]));
    expect(settings.get('clv.annualDiscountRate')).toMatchObject({ Value: 0.08, Problem: '' });
    expect(settings.get('keepInTouch.tag.partner')).toMatchObject({ Value: 60 });
    expect(() => run(team, 'saveSettings', { ...data.form, tagCadences: 'vip thirty' })).toThrow(/“vip thirty” is not “tag = days”/);
    // A tag taken out of the list loses its row.
    run(team, 'saveSettings', { ...data.form, tagCadences: 'vip = 30', currency: 'USD' });
    expect(team.rows('Settings').map((r) => r.Setting)).not.toContain('keepInTouch.tag.partner');
    // The currency reaches the money columns at the next set-up.
    run(team, 'setUp');
    expect(team.google.asPerson(() => team.tab('Deals').getRange(2, team.column('Deals', 'Amount')).getNumberFormat())).toBe('#,##0.00 "USD"');
  });
});
