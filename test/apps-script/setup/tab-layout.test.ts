import { describe, expect, it } from 'vitest';
import { planHeaderRepair } from '../../../apps-script/src/setup/tab-layout';
import { zoneWallClock } from '../../../shared/calendar';
import { emptyValue } from '../../../shared/merge';
import { hashCell } from '../../../shared/sheet-rows';
import { tabSpecs } from '../../../shared/sheet-columns';

const clock = zoneWallClock('Etc/UTC');
const spec = tabSpecs.companies;
const header = spec.columns.map((c) => c.header);
/** A row as the sync writes it: every field (empty ones as their empty value) and its hashes. */
const row = (given: Record<string, unknown>) => {
  const values = Object.fromEntries(spec.columns.filter((c) => !c.hidden).map((c) => [c.field, given[c.field] ?? emptyValue('companies', c.field)]));
  return spec.columns.map((c) => (c.field === '_hash' ? hashCell(spec, values) : Array.isArray(values[c.field]) ? (values[c.field] as string[]).join(', ') : (values[c.field] ?? '')));
};
const companies = [
  { id: 'a', name: 'Acme', domain: 'acme.test', industry: 'Tools', emails: [], phones: [], tags: [] },
  { id: 'b', name: 'Brio', domain: 'brio.test', industry: '', emails: [], phones: [], tags: [] },
];
const rows = companies.map(row);
const at = (name: string) => header.indexOf(name);

describe('finding a tab’s columns again', () => {
  it('renames an old header in place', () => {
    const old = header.map((h) => (h === 'Industry' ? 'industry' : h));
    expect(planHeaderRepair('companies', old, rows, clock).renames).toEqual([{ column: at('Industry'), from: 'industry', to: 'Industry', why: 'old name' }]);
  });

  it('finds a renamed or cleared header by the values its column holds', () => {
    const renamed = header.map((h) => (h === 'Domain' ? 'Website' : h === 'Industry' ? '' : h));
    expect(planHeaderRepair('companies', renamed, rows, clock)).toEqual({
      renames: [{ column: at('Domain'), from: 'Website', to: 'Domain', why: 'found by its values' }, { column: at('Industry'), from: '', to: 'Industry', why: 'found by its values' }],
      add: [],
      notes: [],
    });
  });

  it('adds a missing column that held nothing, and names one that is gone with its values', () => {
    const without = (name: string) => ({ header: header.filter((h) => h !== name), rows: rows.map((r) => r.filter((_, i) => i !== at(name))) });
    const size = without('Size');
    expect(planHeaderRepair('companies', size.header, size.rows, clock)).toMatchObject({ add: [expect.objectContaining({ field: 'size' })], notes: [] });
    const domain = without('Domain');
    expect(planHeaderRepair('companies', domain.header, domain.rows, clock)).toMatchObject({ renames: [], add: [], notes: [expect.stringContaining('the "Domain" column is gone, with the values 2 row(s) had')] });
  });

  it('names two columns that both look like one of Rapport’s instead of guessing', () => {
    const twice = [...header, 'domain'];
    expect(planHeaderRepair('companies', twice, rows.map((r) => [...r, 'x']), clock).notes).toEqual([expect.stringContaining('"Domain" and "domain" both look like Rapport\'s "Domain" column')]);
  });
});
