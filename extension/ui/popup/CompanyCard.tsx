import { canonicalList } from '../../../shared/cell-codec';
import { usePopupStore, type CardState } from './popup-store';
import { Field } from './Field';

const listFrom = (text: string) => canonicalList([text]);

/** An organisation the page names: saved as a company, with its role addresses (info@, the switchboard). */
export function CompanyCard({ card }: { card: CardState }) {
  const store = usePopupStore();
  const { t, i18n } = store;
  const { companyForm: form, key, company } = card;
  const edit = (patch: Parameters<typeof store.editCompany>[1]) => store.editCompany(key, patch);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!card.busy && form.name.trim()) void store.saveCompany(key);
  };
  return (
    <li class="card company" data-testid="candidate" aria-busy={card.busy}>
      <div class="card-head">
        <div class="who">
          <h2 class="name" data-testid="name">{form.name}</h2>
          <div class="meta">
            {form.domain && <span class="email">{form.domain}</span>}
            <span class="source">{t('from', { source: i18n.label('source', card.source) })}</span>
          </div>
          {form.emails.length > 0 && <div class="email" data-testid="company-emails">{form.emails.join(', ')}</div>}
        </div>
        <span class={company ? 'badge known' : 'badge new'} data-testid="status">{company ? t('knownCompany') : t('new')}</span>
      </div>
      <form onSubmit={onSubmit}>
        {card.editing && (
          <div class="fields">
            <Field name="name" wide label={t('companyName')} value={form.name} onInput={(v) => edit({ name: v })} />
            <Field name="domain" label={t('domain')} value={form.domain} onInput={(v) => edit({ domain: v })} />
            <Field name="companyPhones" label={t('companyPhones')} value={form.phones.join(', ')} onInput={(v) => edit({ phones: listFrom(v) })} />
            <Field name="companyEmails" wide label={t('companyEmails')} value={form.emails.join(', ')} onInput={(v) => edit({ emails: listFrom(v) })} />
            <Field name="address" wide label={t('address')} value={form.address} onInput={(v) => edit({ address: v })} />
            <Field name="tags" wide label={t('tags')} value={form.tags.join(', ')} onInput={(v) => edit({ tags: listFrom(v) })} />
          </div>
        )}
        <div class="row">
          <button type="submit" class="primary" aria-disabled={card.busy || !form.name.trim()}>{company ? t('updateCompany') : t('saveCompany')}</button>
          <button type="button" class="link" aria-expanded={card.editing} onClick={() => store.update(key, { editing: !card.editing })}>{card.editing ? t('hideEdit') : t('edit')}</button>
        </div>
      </form>
      {card.notice && !card.problem && <p class="notice" role="status">{card.notice}</p>}
      {card.problem && <p class="problem" role="alert">{card.problem}</p>}
    </li>
  );
}
