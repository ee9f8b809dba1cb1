import { useSignal } from '@preact/signals';
import type { Contact } from '../../../shared/records';
import { mergeContacts } from '../../db/merge-contacts';
import { findDuplicatePairs, type DuplicatePair } from '../../workspace/duplicates';
import { choosableFields, listFields, proposedChoices, type Side } from '../../workspace/merge-contacts';
import { translated } from './workspace-i18n';
import { useWorkspace } from './workspace-store';

const nameOf = (c: Contact) => `${c.firstName} ${c.lastName}`.trim() || c.emails[0] || '';
const shown = (value: unknown) => (Array.isArray(value) ? value.join(', ') : value == null ? '' : String(value));

/** Suggested pairs of records of one person, and a field-by-field merge that keeps all history. */
export function DuplicatesView() {
  const ws = useWorkspace();
  const { t, fmt, db } = ws;
  const looking = useSignal<number | null>(null);
  const pairs = useSignal<DuplicatePair[] | null>(null);
  const people = useSignal<Map<string, Contact>>(new Map());
  const open = useSignal<{ keep: Contact; other: Contact; choices: Partial<Record<keyof Contact, Side>> } | null>(null);
  const message = useSignal('');

  async function find() {
    looking.value = await ws.index.count();
    const all = (await db.contacts.toArray()).filter((c) => !c.deleted);
    people.value = new Map(all.map((c) => [c.id, c]));
    pairs.value = findDuplicatePairs(all);
    looking.value = null;
  }

  function compare(pair: DuplicatePair) {
    const a = people.value.get(pair.a)!;
    const b = people.value.get(pair.b)!;
    // The older record survives by default: its id is the one the team has known longest.
    const [keep, other] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
    open.value = { keep, other, choices: proposedChoices(keep, other) };
  }

  async function merge() {
    const current = open.value;
    if (!current) return;
    const { contact, moved } = await mergeContacts(db, current.keep.id, current.other.id, current.choices, await ws.author());
    ws.changed();
    message.value = t('merged', { moved: fmt.count(moved), name: nameOf(contact) });
    pairs.value = (pairs.value ?? []).filter((p) => ![p.a, p.b].includes(current.other.id));
    open.value = null;
  }

  const o = open.value;
  return (
    <section class="duplicates-page" aria-labelledby="dup-title">
      <header class="page-head row">
        <h1 id="dup-title">{t('duplicatesTitle')}</h1>
        <button type="button" class="primary" onClick={() => void find()} disabled={looking.value !== null}>{t('duplicatesFind')}</button>
      </header>
      {looking.value !== null && <p role="status">{t('duplicatesLooking', { count: fmt.count(looking.value) })}</p>}
      {message.value && <p class="notice" role="status" data-testid="merge-result">{message.value}</p>}
      {o && (
        <div class="panel merge" role="group" aria-label={t('mergeTitle', { a: nameOf(o.keep), b: nameOf(o.other) })}>
          <h2>{t('mergeTitle', { a: nameOf(o.keep), b: nameOf(o.other) })}</h2>
          <p class="hint">{t('mergeHint')}</p>
          <table class="merge-table">
            <tbody>
              {choosableFields.filter((field) => field in o.choices).map((field) => (
                <tr key={field}>
                  <th scope="row">{translated(t, '', field)}</th>
                  {(['keep', 'other'] as const).map((side) => (
                    <td key={side}>
                      <label class="check">
                        <input type="radio" name={`merge-${field}`} checked={o.choices[field] === side}
                          onChange={() => (open.value = { ...o, choices: { ...o.choices, [field]: side } })} />
                        {shown((side === 'keep' ? o.keep : o.other)[field]) || '—'}
                      </label>
                    </td>
                  ))}
                </tr>
              ))}
              {listFields.map((field) => (
                <tr key={field}><th scope="row">{translated(t, '', field)}</th><td colSpan={2}>{[...new Set([...o.keep[field], ...o.other[field]])].join(', ') || '—'}</td></tr>
              ))}
            </tbody>
          </table>
          {Object.keys(o.choices).length === 0 && <p class="muted">{t('mergeSame')}</p>}
          <div class="actions">
            <button type="button" class="primary" onClick={() => void merge()}>{t('mergeGo')}</button>
            <button type="button" onClick={() => (open.value = { keep: o.other, other: o.keep, choices: proposedChoices(o.other, o.keep) })}>{t('mergeSwap')}</button>
            <button type="button" onClick={() => (open.value = null)}>{t('cancel')}</button>
          </div>
        </div>
      )}
      {pairs.value && (pairs.value.length === 0 ? <p class="empty">{t('duplicatesNone')}</p> : (
        <div class="panel">
          <h2>{t('duplicatesFound', { count: fmt.count(pairs.value.length) })}</h2>
          <ul class="plain" data-testid="duplicate-pairs">
            {pairs.value.slice(0, 500).map((pair) => {
              const a = people.value.get(pair.a)!;
              const b = people.value.get(pair.b)!;
              return (
                <li key={`${pair.a}|${pair.b}`} class="row-line" data-testid="duplicate-pair">
                  <span class="grow">{nameOf(a)} <span class="muted">{a.company}</span> ↔ {nameOf(b)} <span class="muted">{b.company}</span></span>
                  {pair.reasons.map((r) => <span key={r} class="chip">{t(`reason_${r}`)}</span>)}
                  <button type="button" onClick={() => compare(pair)}>{t('compare')}</button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
