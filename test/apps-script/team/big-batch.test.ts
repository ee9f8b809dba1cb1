import { describe, expect, it } from 'vitest';
import { makers, teamSheet } from '../team-sheet';

describe('a full batch (built bundle, local sheet)', () => {
  it('takes the protocol’s most, 5,000 new contacts, in one sync, with every column written', () => {
    const team = teamSheet();
    const m = makers();
    const contacts = Array.from({ length: 5000 }, (_, i) => m.contact({ firstName: `Person ${i}`, company: 'Northwind', notes: 'Met at the fair', tags: ['fair'], phones: ['+4930123456'] }));
    const answer = team.sync({ contacts });
    expect(answer.rejected).toEqual([]);
    expect(team.google.asPerson(() => team.tab('Contacts').getLastRow())).toBe(5001);
    expect(team.rows('Contacts').at(-1)).toMatchObject({ 'First name': 'Person 4999', Company: 'Northwind', Notes: 'Met at the fair' });
  });
});
