import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { canonicalList } from '../../../shared/cell-codec';
import { interactionTypes, lifecycleStages } from '../../../shared/vocabulary';
import type { Contact, Interaction } from '../../../shared/records';
import { saveContact } from '../../db/contacts';
import { addFollowUp } from '../../db/follow-ups';
import { personRecords, type PersonRecords } from '../../db/person-data';
import { changeStage } from '../../db/stage-change';
import { deleteRecord, writeRecord } from '../../db/write-record';
import { isNeverLogged } from '../../never-log';
import type { ArchivedHistory } from '../../sync/archived-history';
import { timelineRows, wholeSoFar } from '../../workspace/timeline';
import { download, fileSafe } from './download';
import { HistoryList } from '../timeline/HistoryList';
import { translated } from './workspace-i18n';
import { useWorkspace } from './workspace-store';

export const legalBases = ['consent', 'contract', 'legitimate interests', 'legal obligation', 'vital interests', 'public task'] as const;

type Form = Pick<Contact, 'firstName' | 'lastName' | 'jobTitle' | 'company' | 'website' | 'address' | 'birthday' | 'stage' | 'owner' | 'notes' | 'consentBasis' | 'consentDate' | 'source'> & {
  emails: string; phones: string; tags: string; socialLinks: string;
};

const formOf = (c: Contact): Form => ({
  firstName: c.firstName, lastName: c.lastName, jobTitle: c.jobTitle, company: c.company, website: c.website, address: c.address, birthday: c.birthday,
  stage: c.stage, owner: c.owner, notes: c.notes, consentBasis: c.consentBasis, consentDate: c.consentDate, source: c.source,
  emails: c.emails.join(', '), phones: c.phones.join(', '), tags: c.tags.join(', '), socialLinks: c.socialLinks.join(', '),
});

type ArchivedRecords = Omit<Extract<ArchivedHistory, { ok: true }>, 'ok'>;

/** history entries shown before "Show all" */
const HISTORY_SHOWN = 200;

const nameOf = (c: Contact, fallback: string) => `${c.firstName} ${c.lastName}`.trim() || c.emails[0] || fallback;

/** Everything about one person: their details with editing, data protection, and their whole history. */
export function ContactPage({ id }: { id: string }) {
  const ws = useWorkspace();
  const { t, fmt, db } = ws;
  const person = useSignal<PersonRecords | null | undefined>(undefined);
  const form = useSignal<Form | null>(null);
  const message = useSignal('');
  const problem = useSignal('');
  const confirmingErase = useSignal(false);
  const entry = useSignal({ type: 'call' as Interaction['type'], direction: 'outbound' as Interaction['direction'], when: '', subject: '', summary: '', amount: '' });
  const followUp = useSignal({ title: '', due: '' });
  /** older history fetched from the sheet's yearly archives on request */
  const archived = useSignal<{ state: 'none' } | { state: 'loading' } | { state: 'shown'; records: ArchivedRecords } | { state: 'failed'; text: string }>({ state: 'none' });

  /** reads started; only the latest one's answer is shown (an earlier one may hold data from before a write) */
  const loads = useRef(0);
  /** the data version the page's records were read at */
  const readAt = useRef(ws.dataVersion.peek());
  /** `first`: a long history's newest entries are shown first, and the whole of it right after. */
  async function load(first = false) {
    const mine = ++loads.current;
    readAt.current = ws.dataVersion.peek();
    const found = await personRecords(db, id, first ? HISTORY_SHOWN + 50 : Infinity);
    if (mine !== loads.current) return;
    person.value = found;
    if (found && !form.value) form.value = formOf(found.contact);
    if (found?.newerThan) await load();
  }
  // Reading starts as the page is put in place, not a frame later.
  useLayoutEffect(() => {
    form.value = null;
    archived.value = { state: 'none' };
    void load(true);
  }, [id]);
  useEffect(() => {
    if (ws.dataVersion.value !== readAt.current) void load();
  }, [ws.dataVersion.value]);

  if (person.value === undefined) return <p class="empty">{t('loading')}</p>;
  if (person.value === null) return <p class="empty" role="alert">{ws.notice.value || t('contactNotFound')}</p>;
  const { contact, interactions, deals, followUps } = person.value;
  const f = form.value ?? formOf(contact);
  const name = nameOf(contact, t('unnamed'));
  const edit = (patch: Partial<Form>) => (form.value = { ...f, ...patch });

  async function act(work: () => Promise<string>) {
    problem.value = '';
    message.value = '';
    try {
      message.value = await work();
      ws.changed();
      await load();
    } catch (error) {
      problem.value = error instanceof Error ? error.message : String(error);
    }
  }

  const onSave = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      const author = await ws.author();
      const neverLog = await ws.neverLog();
      const { stage, emails, phones, tags, socialLinks, ...rest } = f;
      const listed = canonicalList([emails]).find((email) => isNeverLogged(email, neverLog));
      if (listed) throw new Error(t('problem_neverLog', { value: listed }));
      await saveContact(db, { id, ...rest, emails: canonicalList([emails]), phones: canonicalList([phones]), tags: canonicalList([tags]), socialLinks: canonicalList([socialLinks]) }, author);
      if (stage !== contact.stage) await changeStage(db, id, stage, author);
      form.value = null;
      return t('saved');
    });
  };

  const onAddEntry = (event: Event) => {
    event.preventDefault();
    const e = entry.value;
    void act(async () => {
      const amount = e.amount.trim() ? Number(e.amount.replace(',', '.')) : null;
      await writeRecord(db, 'interactions', {
        contactId: id, type: e.type, direction: e.direction, occurredAt: e.when ? new Date(e.when).toISOString() : new Date().toISOString(),
        subject: e.subject.trim(), summary: e.summary.trim(), amount: Number.isFinite(amount) ? amount : null,
      }, await ws.author());
      entry.value = { ...e, subject: '', summary: '', amount: '', when: '' };
      return t('entryAdded');
    });
  };

  const onAddFollowUp = (event: Event) => {
    event.preventDefault();
    const { title, due } = followUp.value;
    if (!due) return;
    void act(async () => {
      await addFollowUp(db, { contactId: id, dueAt: due, title: title.trim() }, await ws.author());
      followUp.value = { title: '', due: '' };
      return t('followUpAdded');
    });
  };

  async function exportPerson() {
    const sheet = await ws.sheetPersonData(id).catch((error: unknown) => ({ unavailable: error instanceof Error ? error.message : String(error) }));
    // Read whole here: the page may not have read the whole history yet.
    const file = { format: 'rapport-person-export', exportedAt: new Date().toISOString(), ...(await personRecords(db, id)), sheet };
    download(`rapport-${fileSafe(name)}-${ws.today()}.json`, JSON.stringify(file, null, 2), 'application/json');
  }

  async function erase() {
    await deleteRecord(db, 'contacts', id, await ws.author());
    ws.changed();
    ws.goWithNotice({ view: 'contacts' }, t('erased', { name }));
  }

  const field = (key: keyof Form, label: string, type: 'text' | 'date' | 'email' = 'text') => (
    <label class="field">
      <span>{label}</span>
      <input name={key} type={type as "text"} value={f[key]} onInput={(e) => edit({ [key]: e.currentTarget.value } as Partial<Form>)} />
    </label>
  );
  // Records this browser keeps (from before they were archived, or deleted here) are left out when fetched.
  const older = archived.value.state === 'shown' ? archived.value.records : { interactions: [], deals: [], followUps: [] };
  const timeline = timelineRows({ interactions: [...interactions, ...older.interactions], deals: [...deals, ...older.deals], followUps: [...followUps, ...older.followUps] });
  const { newerThan } = person.value;
  const rows = newerThan ? wholeSoFar(timeline, newerThan).slice(0, HISTORY_SHOWN) : timeline;
  async function showArchived() {
    archived.value = { state: 'loading' };
    try {
      const answer = await ws.archivedHistory(id);
      if (!answer.ok) {
        archived.value = { state: 'failed', text: ws.i18n.label('syncError', answer.error.code, { detail: answer.error.detail ?? '' }) };
        return;
      }
      // A record deleted here (a tombstone no longer names its contact) stays deleted.
      const keptHere = async (table: 'interactions' | 'deals' | 'followUps', ids: string[]) => new Set((await db.table(table).bulkGet(ids)).filter(Boolean).map((r: { id: string }) => r.id));
      const [i, d, f] = await Promise.all([
        keptHere('interactions', answer.interactions.map((r) => r.id)),
        keptHere('deals', answer.deals.map((r) => r.id)),
        keptHere('followUps', answer.followUps.map((r) => r.id)),
      ]);
      archived.value = { state: 'shown', records: {
        interactions: answer.interactions.filter((r) => !i.has(r.id)), deals: answer.deals.filter((r) => !d.has(r.id)), followUps: answer.followUps.filter((r) => !f.has(r.id)),
      } };
    } catch (error) {
      archived.value = { state: 'failed', text: error instanceof Error ? error.message : String(error) };
    }
  }
  const olderCount = older.interactions.length + older.deals.length + older.followUps.length;
  const open = followUps.filter((x) => x.status === 'open').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const companyLink = contact.companyId ? `#/company/${contact.companyId}` : contact.company ? `#/company?name=${encodeURIComponent(contact.company)}` : '';

  return (
    <article class="contact-page" aria-labelledby="contact-name">
      <header class="page-head">
        <a href="#/contacts" class="link">← {t('back')}</a>
        <h1 id="contact-name" data-testid="contact-name">{name}</h1>
        <p class="muted">
          {contact.jobTitle}{contact.jobTitle && contact.company ? ' · ' : ''}
          {companyLink ? <a href={companyLink}>{contact.company}</a> : contact.company}
        </p>
        <div class="chips">
          <span class={`chip stage-${contact.stage.replace(' ', '-')}`}>{translated(t, 'stage_', contact.stage)}</span>
          {contact.valueClass && <span class="chip">{t('classValue', { value: contact.valueClass })}</span>}
          {contact.rfmSegment && <span class="chip">{contact.rfmSegment}</span>}
          {contact.clv != null && <span class="chip">{t('clv', { value: fmt.money(contact.clv) })}</span>}
          {contact.atRisk && <span class="chip risk">{t('atRisk')}</span>}
        </div>
      </header>
      {message.value && <p class="notice" role="status">{message.value}</p>}
      {problem.value && <p class="problem" role="alert">{problem.value}</p>}
      <div class="two-columns">
        <div>
          <form class="panel" onSubmit={onSave} aria-label={t('details')}>
            <h2>{t('details')}</h2>
            <div class="grid">
              {field('firstName', t('firstName'))}
              {field('lastName', t('lastName'))}
              {field('emails', t('emails'))}
              {field('phones', t('phones'))}
              {field('jobTitle', t('jobTitle'))}
              {field('company', t('company'))}
              {field('website', t('website'))}
              {field('socialLinks', t('socialLinks'))}
              {field('address', t('address'))}
              {field('birthday', t('birthday'), 'date')}
              <label class="field">
                <span>{t('stage')}</span>
                <select name="stage" value={f.stage} onChange={(e) => edit({ stage: e.currentTarget.value as Contact['stage'] })}>
                  {lifecycleStages.map((s) => <option key={s} value={s}>{translated(t, 'stage_', s)}</option>)}
                </select>
              </label>
              {field('tags', t('tags'))}
              {field('owner', t('owner'), 'email')}
            </div>
            <label class="field wide">
              <span>{t('notes')}</span>
              <textarea name="notes" rows={3} value={f.notes} onInput={(e) => edit({ notes: e.currentTarget.value })} />
            </label>
            <fieldset class="protection">
              <legend>{t('dataProtection')}</legend>
              <div class="grid">
                <label class="field">
                  <span>{t('consentBasis')}</span>
                  <select name="consentBasis" value={f.consentBasis} onChange={(e) => edit({ consentBasis: e.currentTarget.value })}>
                    <option value="">{t('noBasis')}</option>
                    {legalBases.map((b) => <option key={b} value={b}>{translated(t, 'basis_', b)}</option>)}
                    {f.consentBasis && !(legalBases as readonly string[]).includes(f.consentBasis) && <option value={f.consentBasis}>{f.consentBasis}</option>}
                  </select>
                </label>
                {field('consentDate', t('consentDate'), 'date')}
                {field('source', t('source'))}
              </div>
              <div class="actions">
                <button type="button" onClick={() => void exportPerson()}>{t('exportPerson')}</button>
                {!confirmingErase.value && <button type="button" class="danger" onClick={() => (confirmingErase.value = true)}>{t('erasePerson')}</button>}
              </div>
              {confirmingErase.value && (
                <div class="confirm" role="alertdialog" aria-label={t('erasePerson')}>
                  <p>{t('eraseConfirm', { name })}</p>
                  <button type="button" class="danger" onClick={() => void erase()}>{t('eraseForEveryone')}</button>
                  <button type="button" onClick={() => (confirmingErase.value = false)}>{t('cancel')}</button>
                </div>
              )}
            </fieldset>
            <div class="actions"><button type="submit" class="primary">{t('save')}</button></div>
          </form>
          <section class="panel" aria-label={t('followUps')}>
            <h2>{t('followUps')}</h2>
            <ul class="plain">
              {open.map((x) => (
                <li key={x.id} class="row-line">
                  <span>{fmt.day(x.dueAt)}</span><span class="grow">{x.title}</span>
                  <button type="button" onClick={() => void act(async () => {
                    await writeRecord(db, 'followUps', { id: x.id, status: 'done' }, await ws.author());
                    return t('saved');
                  })}>{t('markDone')}</button>
                </li>
              ))}
            </ul>
            <form class="inline" onSubmit={onAddFollowUp}>
              <label class="field"><span>{t('followUpDue')}</span>
                <input name="followUpDue" type="date" required value={followUp.value.due} onInput={(e) => (followUp.value = { ...followUp.value, due: e.currentTarget.value })} /></label>
              <label class="field grow"><span>{t('followUpTitle')}</span>
                <input name="followUpTitle" value={followUp.value.title} onInput={(e) => (followUp.value = { ...followUp.value, title: e.currentTarget.value })} /></label>
              <button type="submit">{t('addFollowUp')}</button>
            </form>
          </section>
          <section class="panel" aria-label={t('deals')}>
            <h2>{t('deals')}</h2>
            {deals.length === 0 && <p class="muted">{t('noDeals')}</p>}
            <ul class="plain">
              {deals.map((d) => (
                <li key={d.id} class="row-line">
                  <a href={`#/deal/${d.id}`} class="grow">{d.name || t('unnamed')}</a>
                  <span class="chip">{translated(t, 'dealStage_', d.stage)}</span>
                  <span>{fmt.money(d.amount, d.currency)}</span>
                </li>
              ))}
            </ul>
            <a class="button" href={`#/deal/new?contact=${id}`}>{t('newDeal')}</a>
          </section>
        </div>
        <section class="panel history" aria-label={t('history')}>
          <h2>{t('history')}</h2>
          <form class="add-entry" onSubmit={onAddEntry} aria-label={t('addEntry')}>
            <label class="field"><span>{t('entryType')}</span>
              <select name="entryType" value={entry.value.type} onChange={(e) => (entry.value = { ...entry.value, type: e.currentTarget.value as Interaction['type'] })}>
                {interactionTypes.map((type) => <option key={type} value={type}>{translated(t, 'type_', type)}</option>)}
              </select></label>
            <label class="field"><span>{t('entryDirection')}</span>
              <select name="entryDirection" value={entry.value.direction} onChange={(e) => (entry.value = { ...entry.value, direction: e.currentTarget.value as Interaction['direction'] })}>
                {(['inbound', 'outbound', 'internal'] as const).map((d) => <option key={d} value={d}>{translated(t, 'direction_', d)}</option>)}
              </select></label>
            <label class="field"><span>{t('entryWhen')}</span>
              <input name="entryWhen" type="datetime-local" value={entry.value.when} onInput={(e) => (entry.value = { ...entry.value, when: e.currentTarget.value })} /></label>
            {entry.value.type === 'purchase' && (
              <label class="field"><span>{t('entryAmount')}</span>
                <input name="entryAmount" inputMode="decimal" value={entry.value.amount} onInput={(e) => (entry.value = { ...entry.value, amount: e.currentTarget.value })} /></label>
            )}
            <label class="field wide"><span>{t('entrySubject')}</span>
              <input name="entrySubject" value={entry.value.subject} onInput={(e) => (entry.value = { ...entry.value, subject: e.currentTarget.value })} /></label>
            <label class="field wide"><span>{t('entrySummary')}</span>
              <textarea name="entrySummary" rows={2} value={entry.value.summary} onInput={(e) => (entry.value = { ...entry.value, summary: e.currentTarget.value })} /></label>
            <div class="actions"><button type="submit" class="primary">{t('addEntry')}</button></div>
          </form>
          {rows.length === 0 ? <p class="empty">{newerThan ? t('loading') : t('historyEmpty')}</p> : (
            <HistoryList rows={rows} i18n={ws.i18n} format={{ when: fmt.dateTime, money: fmt.money }} initial={HISTORY_SHOWN} testId="timeline"
              onOpenDeal={(id) => ws.go({ view: 'deal', id, contactId: '' })} />
          )}
          <div class="archived" data-testid="archived">
            {archived.value.state === 'none' && <button type="button" onClick={() => void showArchived()}>{t('showArchived')}</button>}
            {archived.value.state === 'loading' && <p class="muted" role="status">{t('archivedLoading')}</p>}
            {archived.value.state === 'shown' && <p class="muted" role="status">{olderCount ? t('archivedShown', { count: fmt.count(olderCount) }) : t('archivedNone')}</p>}
            {archived.value.state === 'failed' && <p class="problem-text" role="alert">{archived.value.text}</p>}
          </div>
        </section>
      </div>
    </article>
  );
}
