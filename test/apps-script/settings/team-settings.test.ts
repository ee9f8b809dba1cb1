import { describe, expect, it } from 'vitest';
import { defaultTeamSettings, isTeamSettingKey, readTeamSettings } from '../../../apps-script/src/settings/team-settings';

describe('team settings in the Settings tab', () => {
  it('uses the defaults when nothing is set and lists every missing row', () => {
    const read = readTeamSettings([]);
    expect(read.values).toMatchObject({ reminderHour: 8, reminderTimeZone: '', currency: 'EUR', keepInTouchDays: 0, retentionMonths: 24, automaticStages: true, loyalAfterPurchases: 3, webAppUrl: '' });
    expect(read.missing.map(([key]) => key)).toEqual(['reminders.hour', 'reminders.timeZone', 'currency', 'keepInTouch.days', 'privacy.retentionMonths', 'stages.automatic', 'stages.loyalAfterPurchases', 'webApp.url']);
    expect(defaultTeamSettings().tagCadences.size).toBe(0);
  });

  it('reads what a manager typed, in their spelling, and names what it cannot use', () => {
    const read = readTeamSettings([
      { key: 'Reminders.Hour', value: '7' },
      { key: 'reminders.timeZone', value: 'Mars/Olympus' },
      { key: 'currency', value: 'usd' },
      { key: 'stages.automatic', value: 'nein' },
      { key: 'keepInTouch.tag.VIP', value: 30 },
      { key: 'keepInTouch.tag.partner', value: 'often' },
      { key: 'reminders.hour', value: 9 },
    ]);
    expect(read.values).toMatchObject({ reminderHour: 7, reminderTimeZone: '', currency: 'USD', automaticStages: false });
    expect([...read.values.tagCadences]).toEqual([['vip', 30]]);
    expect(read.problems).toEqual([
      '',
      'Is not a time zone name such as Europe/Berlin; using the default (empty)',
      '',
      '',
      '',
      'Must be a whole number from 1 to 3650; ignored',
      '"reminders.hour" is set in an earlier row; this row is ignored',
    ]);
  });

  it('tells its rows from the scoring’s', () => {
    expect(['reminders.hour', 'CURRENCY', 'keepInTouch.tag.vip', 'webApp.url'].every(isTeamSettingKey)).toBe(true);
    expect(['abc.a', 'lead.recency', 'keepInTouch', ''].some(isTeamSettingKey)).toBe(false);
  });
});
