import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Company, Contact, Deal } from '../../../shared/records';
import type { RapportDatabase } from '../../db/database';
import { companyKeyOf } from '../../workspace/contact-rows';
import { translated } from './workspace-i18n';
import { useWorkspace } from './workspace-store';

interface CompanyView {
  company: Company | null;
  name: string;
  people: Contact[];
  deals: Deal[];
}

/** A company's people (linked to it, or naming it) and every deal with it or with them. */
async function loadCompany(db: RapportDatabase, id: string, name: string): Promise<CompanyView> {
  const byId = id ? await db.companies.get(id) : undefined;
  const company = byId && !byId.deleted ? byId : name ? ((await db.companies.where('name').equals(name).toArray()).find((c) => !c.deleted) ?? null) : null;
  const title = company?.name || name;
  const ids = new Set<string>([
    ...(company ? ((await db.contactRows.where('companyId').equals(company.id).primaryKeys()) as string[]) : []),
    ...(title ? ((await db.contactRows.where('companyKey').equals(companyKeyOf(title)).primaryKeys()) as string[]) : []),
  ]);
  const people = (await db.contacts.bulkGet([...ids])).filter((c): c is Contact => !!c && !c.deleted).sort((a, b) => a.lastName.localeCompare(b.lastName));
  const deals = new Map<string, Deal>();
  if (company) for (const d of await db.deals.where('companyId').equals(company.id).toArray()) deals.set(d.id, d);
  if (ids.size) for (const d of await db.deals.where('contactId').anyOf([...ids]).toArray()) deals.set(d.id, d);
  return { company, name: title, people, deals: [...deals.values()].filter((d) => !d.deleted) };
}

export function CompanyPage({ id, name }: { id: string; name: string }) {
  const ws = useWorkspace();
  const { t, fmt } = ws;
  const view = useSignal<CompanyView | null>(null);
  useEffect(() => {
    void loadCompany(ws.db, id, name).then((v) => (view.value = v));
  }, [id, name, ws.dataVersion.value]);
  const v = view.value;
  if (!v) return <p class="empty">{t('loading')}</p>;
  return (
    <article class="company-page" aria-labelledby="company-name">
      <header class="page-head">
        <a href="#/contacts" class="link">← {t('back')}</a>
        <h1 id="company-name">{v.name}</h1>
        {v.company ? (
          <p class="muted">{[v.company.domain, v.company.industry, v.company.size, v.company.address].filter(Boolean).join(' · ')}</p>
        ) : <p class="muted">{t('companyUnknown')}</p>}
      </header>
      <div class="two-columns">
        <section class="panel" aria-label={t('people')}>
          <h2>{t('people')} ({fmt.count(v.people.length)})</h2>
          <ul class="plain" data-testid="company-people">
            {v.people.map((p) => (
              <li key={p.id} class="row-line">
                <a class="grow" href={`#/contact/${p.id}`}>{`${p.firstName} ${p.lastName}`.trim() || p.emails[0]}</a>
                <span class="muted">{p.jobTitle}</span>
                <span class="chip">{translated(t, 'stage_', p.stage)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section class="panel" aria-label={t('deals')}>
          <h2>{t('deals')} ({fmt.count(v.deals.length)})</h2>
          {v.deals.length === 0 && <p class="muted">{t('noDeals')}</p>}
          <ul class="plain" data-testid="company-deals">
            {v.deals.map((d) => (
              <li key={d.id} class="row-line">
                <a class="grow" href={`#/deal/${d.id}`}>{d.name || t('unnamed')}</a>
                <span class="chip">{translated(t, 'dealStage_', d.stage)}</span>
                <span>{fmt.money(d.amount, d.currency)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}
