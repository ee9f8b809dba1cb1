import { describe, expect, it } from 'vitest';
import { cadenceOf, dueItemsByOwner, nextBirthday, type ReminderContact, type ReminderInput } from '../../../shared/reminders/due-items';

const contact = (id: string, rest: Partial<ReminderContact> = {}): ReminderContact => ({
  id, label: id, owner: 'ann@x.test', stage: 'customer', birthday: '', tags: [], keepInTouchDays: null, atRisk: false, valueClass: '', clv: null, pAlive: null, createdDay: '2026-01-01', deleted: false, row: 2, ...rest,
});
const input = (rest: Partial<ReminderInput>): ReminderInput => ({
  today: '2026-11-24', contacts: [], lastContact: new Map(), followUps: [], deals: [], dismissed: new Map(), cadence: { defaultDays: 0, byTag: new Map() }, ...rest,
});
const keys = (byOwner: Map<string, { key: string }[]>) => Object.fromEntries([...byOwner].map(([owner, items]) => [owner, items.map((i) => i.key)]));

describe('what is due for whom', () => {
  it('finds the birthday this year or next, with 29 February on the 28th in other years', () => {
    expect(nextBirthday('1990-11-26', '2026-11-24')).toBe('2026-11-26');
    expect(nextBirthday('1990-01-03', '2026-12-30')).toBe('2027-01-03');
    expect(nextBirthday('1992-02-29', '2027-02-20')).toBe('2027-02-28');
    expect(nextBirthday('1992-02-29', '2028-02-20')).toBe('2028-02-29');
    expect(nextBirthday('29.02.1992', '2028-02-20')).toBeNull();
  });

  it('takes a contact’s own cadence, else its tags’ shortest, else the team’s for customers only', () => {
    const byTag = new Map([['vip', 30], ['partner', 60]]);
    expect(cadenceOf(contact('a', { keepInTouchDays: 14, tags: ['vip'] }), { defaultDays: 90, byTag })).toBe(14);
    expect(cadenceOf(contact('a', { tags: ['Partner', 'VIP'] }), { defaultDays: 90, byTag })).toBe(30);
    expect(cadenceOf(contact('a'), { defaultDays: 90, byTag })).toBe(90);
    expect(cadenceOf(contact('a', { stage: 'lead' }), { defaultDays: 90, byTag })).toBeNull();
  });

  it('gives each item to its record’s owner, else its contact’s, and to nobody without one', () => {
    const items = dueItemsByOwner(input({
      contacts: [contact('c1', { owner: 'Ann@X.test' }), contact('c2', { owner: '' })],
      followUps: [
        { id: 'f1', contactId: 'c1', title: 'Mine', dueDay: '2026-11-24', status: 'open', owner: '', deleted: false, row: 2 },
        { id: 'f2', contactId: 'c1', title: 'Bo’s', dueDay: '2026-11-23', status: 'snoozed', owner: 'bo@x.test', deleted: false, row: 3 },
        { id: 'f3', contactId: 'c2', title: 'Nobody’s', dueDay: '2026-11-23', status: 'open', owner: '', deleted: false, row: 4 },
        { id: 'f4', contactId: 'c1', title: 'Done', dueDay: '2026-11-20', status: 'done', owner: '', deleted: false, row: 5 },
        { id: 'f5', contactId: 'c1', title: 'Deleted', dueDay: '2026-11-20', status: 'open', owner: '', deleted: true, row: 6 },
        { id: 'f6', contactId: 'c1', title: 'Tomorrow', dueDay: '2026-11-25', status: 'open', owner: '', deleted: false, row: 7 },
      ],
    }));
    expect(keys(items)).toEqual({ 'ann@x.test': ['followUp:f1'], 'bo@x.test': ['followUp:f2'] });
  });

  it('leaves out what was dismissed until its day, and at-risk and cadence items of contacts with a follow-up open', () => {
    const contacts = [contact('c1', { atRisk: true, keepInTouchDays: 10 }), contact('c2', { atRisk: true, keepInTouchDays: 10 })];
    const followUps = [{ id: 'f1', contactId: 'c2', title: 'Planned', dueDay: '2026-12-01', status: 'open', owner: '', deleted: false, row: 2 }];
    const due = (dismissed: [string, string][]) => keys(dueItemsByOwner(input({ contacts, followUps, dismissed: new Map(dismissed) })));
    expect(due([])).toEqual({ 'ann@x.test': ['cadence:c1', 'atRisk:c1'] });
    expect(due([['atRisk:c1', '2026-11-25']])).toEqual({ 'ann@x.test': ['cadence:c1'] });
    expect(due([['atRisk:c1', '2026-11-24']])).toEqual({ 'ann@x.test': ['cadence:c1', 'atRisk:c1'] }); // shows again on its day
  });

  it('lists birthdays from today to six days on, and deals still open past their close', () => {
    const items = dueItemsByOwner(input({
      contacts: [contact('c1', { birthday: '1980-11-30' }), contact('c2', { birthday: '1980-12-01' }), contact('c3', { birthday: '1980-11-24', deleted: true })],
      deals: [
        { id: 'd1', contactId: 'c1', name: 'Late', stage: 'proposal', expectedClose: '2026-11-23', amount: 1, currency: 'EUR', owner: '', deleted: false, row: 2 },
        { id: 'd2', contactId: 'c1', name: 'Won', stage: 'won', expectedClose: '2026-11-01', amount: 1, currency: 'EUR', owner: '', deleted: false, row: 3 },
        { id: 'd3', contactId: 'c1', name: 'Today', stage: 'proposal', expectedClose: '2026-11-24', amount: 1, currency: 'EUR', owner: '', deleted: false, row: 4 },
      ],
    }));
    expect(keys(items)).toEqual({ 'ann@x.test': ['birthday:c1:2026-11-30', 'deal:d1:2026-11-23'] });
  });
});
