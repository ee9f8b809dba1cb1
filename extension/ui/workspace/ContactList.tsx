import { effect, untracked, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { lifecycleStages } from '../../../shared/vocabulary';
import { filterChoices, loadRows, sortKeys, type ListFilters, type ListQuery, type ListRow, type SortKey } from '../../workspace/contact-list';
import { VirtualList } from './VirtualList';
import { translated } from './workspace-i18n';
import { useWorkspace, type SavedFilter } from './workspace-store';

const ROW_HEIGHT = 52;

/** The contact list: search as you type, sort, filter, saved filters, 100,000 rows virtualised. */
export function ContactList() {
  const ws = useWorkspace();
  const { t, fmt, query, db } = ws;
  const ids = useSignal<string[] | null>(null);
  /** the search the list on screen answers (benchmarks wait for it) */
  const answered = useSignal<string | null>(null);
  /** the search was too short to look up whole: the list holds the first matches only */
  const partial = useSignal(false);
  const rows = useSignal<Map<string, ListRow>>(new Map());
  const focused = useSignal(0);
  const choices = useSignal({ tags: [] as string[], owners: [] as string[], segments: [] as string[], valueClasses: [] as string[] });
  const saved = useSignal<SavedFilter[]>([]);
  const naming = useSignal<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const sequence = useRef(0);
  /** the newest run whose answer is on screen */
  const shown = useRef(0);
  const range = useRef<[number, number]>([0, 0]);

  /** The unfiltered list by name is read a page at a time from the name index; others are computed whole. */
  const paged = useRef(false);
  const isPlain = (q: ListQuery) => !q.search && q.sort === 'name' && !Object.values(q.filters).some(Boolean);

  /** Lists a query; with `reload` (the data changed) the rows on screen are read again, and replaced only once read. */
  async function run(q: ListQuery, reload = false) {
    const mine = ++sequence.current;
    // A later keystroke's answer wins; re-reads of the same query after a change may each show theirs
    // (when writes come every second, as an import adds its parts, each would otherwise be outrun).
    const outrun = () => mine < shown.current || (mine !== sequence.current && q !== query.value);
    const fresh = answered.value !== q.search;
    let found: { ids: string[]; partial: boolean };
    if (isPlain(q)) {
      // The first rows first; how many there are (one kept figure, contact-count.ts) beside them.
      const counted = ws.index.count();
      const first = await ws.index.page(0, 40, !!q.reversed);
      if (ids.value === null && first.length === 40) {
        await loadRange(0, 40, first);
        if (outrun()) return;
        paged.current = true;
        ids.value = first;
      }
      const sparse: string[] = new Array(await counted);
      first.forEach((id, i) => (sparse[i] = id));
      found = { ids: sparse, partial: false };
    } else {
      found = await ws.index.list(q);
    }
    if (outrun()) return;
    paged.current = isPlain(q);
    // A new search starts at the top. The rows on screen are read before the list changes: no flash of empty rows.
    const [start, end] = fresh ? [0, 30] : range.current;
    const list = await loadRange(start, Math.max(end, start + 30), found.ids, reload, () => !outrun());
    if (outrun()) return;
    shown.current = mine;
    ids.value = list;
    partial.value = found.partial;
    ws.listCount.value = list.length;
    if (fresh || focused.value >= list.length) focused.value = 0;
    answered.value = q.search;
  }

  /** Reads the ids (paged list) and the rows of a range; gives back the list with the range's ids known. */
  /** `current` says whether the run that asked still counts: rows read for one that was outrun are not shown. */
  async function loadRange(start: number, end: number, list = ids.value ?? [], reload = false, current = () => true): Promise<string[]> {
    let known = list;
    const last = Math.min(list.length, end + 20);
    if (paged.current || list !== ids.value) {
      const gap = Array.from({ length: Math.max(0, last - start) }, (_, i) => start + i).filter((i) => list[i] === undefined);
      if (gap.length) {
        const from = gap[0]!;
        const page = await ws.index.page(from, last - from, !!query.value.reversed);
        known = list.slice();
        page.forEach((id, i) => (known[from + i] = id));
        if (list === ids.value) ids.value = known;
      }
    }
    const wanted = known.slice(start, last).filter((id) => id && (reload || !rows.value.has(id)));
    if (wanted.length === 0) {
      if (reload && current()) rows.value = new Map();
      return known;
    }
    const loaded = await loadRows(db, wanted);
    if (!current()) return known;
    const next = reload ? new Map<string, ListRow>() : new Map(rows.value);
    for (const row of loaded) next.set(row.contact.id, row);
    rows.value = next;
    return known;
  }

  // A keystroke's search starts at once: a hook's effect (useEffect, useSignalEffect) waits for the
  // next frame, 16–40 ms here.
  useEffect(() => effect(() => {
    const q = query.value;
    untracked(() => void run(q));
  }), []);
  useEffect(() => {
    if (ids.value === null) return;
    // Emptying the rows first would show a list without names until they are read again.
    void run(query.value, true);
  }, [ws.dataVersion.value]);
  // The values of tags, owners, segments and classes are read when a person opens a filter (reading
  // them walks whole indexes), not while the first rows load.
  const choicesRead = useRef<Promise<void> | null>(null);
  const readChoices = () => (choicesRead.current ??= filterChoices(db).then((c) => void (choices.value = c)));
  useEffect(() => {
    choicesRead.current = null;
    if (Object.values(query.value.filters).some(Boolean)) void readChoices();
    void ws.savedFilters.get().then((f) => (saved.value = f));
  }, [ws.dataVersion.value]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement;
      if (event.key === '/' && !typing) {
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const setQuery = (patch: Partial<ListQuery>) => (query.value = { ...query.value, ...patch });
  const setFilter = (patch: Partial<ListFilters>) => setQuery({ filters: { ...query.value.filters, ...patch } });
  const openAt = (index: number) => {
    const id = ids.value?.[index];
    if (id) ws.go({ view: 'contact', id });
  };
  const toggle = (id: string) => {
    const next = new Set(ws.selected.value);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    ws.selected.value = next;
  };

  const onListKey = (event: KeyboardEvent) => {
    const count = ids.value?.length ?? 0;
    if (event.key === 'j' || event.key === 'ArrowDown') focused.value = Math.min(count - 1, focused.value + 1);
    else if (event.key === 'k' || event.key === 'ArrowUp') focused.value = Math.max(0, focused.value - 1);
    else if (event.key === 'Enter') openAt(focused.value);
    else if (event.key === 'x' || event.key === ' ') {
      const id = ids.value?.[focused.value];
      if (id) toggle(id);
    } else return;
    event.preventDefault();
  };
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') openAt(focused.value);
    else if (event.key === 'ArrowDown' || event.key === 'Escape') {
      event.preventDefault();
      (list.current?.querySelector('.vlist') as HTMLElement | null)?.focus();
    }
  };

  async function saveFilter(name: string) {
    const next = [...saved.value.filter((f) => f.name !== name), { name, query: query.value }];
    await ws.savedFilters.set(next);
    saved.value = next;
    naming.value = null;
  }

  const q = query.value;
  const count = ids.value?.length ?? 0;
  const select = (label: string, name: string, value: string | undefined, options: [string, string][], onChange: (v: string) => void) => (
    <label class="filter">
      <span>{label}</span>
      <select name={name} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('any')}</option>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
  const me = ws.me.value.toLowerCase();
  const owners = [...new Set([me, ...choices.value.owners].filter(Boolean))].map((o): [string, string] => [o, o === me ? t('me', { email: o }) : o]);

  return (
    <section class="contacts" aria-label={t('navContacts')}>
      <div class="toolbar">
        <label class="search">
          <span class="visually-hidden">{t('search')}</span>
          <input ref={search} type="search" name="search" placeholder={t('searchPlaceholder')} value={q.search} autoFocus
            onInput={(e) => setQuery({ search: e.currentTarget.value })} onKeyDown={onSearchKey} />
        </label>
        <label class="filter">
          <span>{t('sortBy')}</span>
          <select name="sort" value={q.sort} onChange={(e) => setQuery({ sort: e.currentTarget.value as SortKey })}>
            {sortKeys.map((key) => <option key={key} value={key}>{t(`sort_${key}`)}</option>)}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" name="reversed" checked={!!q.reversed} onChange={(e) => setQuery({ reversed: e.currentTarget.checked })} />
          {t('reverse')}
        </label>
      </div>
      <div class="toolbar filters" onFocusIn={() => void readChoices()} onPointerDown={() => void readChoices()} onMouseEnter={() => void readChoices()}>
        {select(t('filterStage'), 'stage', q.filters.stage, lifecycleStages.map((s) => [s, translated(t, 'stage_', s)]), (v) => setFilter({ stage: v || undefined }))}
        {select(t('filterTag'), 'tag', q.filters.tag, choices.value.tags.map((v) => [v, v]), (v) => setFilter({ tag: v || undefined }))}
        {select(t('filterOwner'), 'owner', q.filters.owner, owners, (v) => setFilter({ owner: v || undefined }))}
        {select(t('filterSegment'), 'segment', q.filters.segment, choices.value.segments.map((v) => [v, v]), (v) => setFilter({ segment: v || undefined }))}
        {select(t('filterClass'), 'valueClass', q.filters.valueClass, choices.value.valueClasses.map((v) => [v, v]), (v) => setFilter({ valueClass: v || undefined }))}
        <label class="check">
          <input type="checkbox" name="atRisk" checked={!!q.filters.atRisk} onChange={(e) => setFilter({ atRisk: e.currentTarget.checked || undefined })} />
          {t('filterAtRisk')}
        </label>
        <label class="filter">
          <span>{t('savedFilters')}</span>
          <select name="savedFilter" value="" onChange={(e) => {
            const found = saved.value.find((f) => f.name === e.currentTarget.value);
            if (found) query.value = found.query;
          }}>
            <option value="">—</option>
            {saved.value.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
          </select>
        </label>
        {naming.value === null ? (
          <button type="button" onClick={() => (naming.value = '')}>{t('saveFilter')}</button>
        ) : (
          <form class="inline" onSubmit={(e) => { e.preventDefault(); if (naming.value?.trim()) void saveFilter(naming.value.trim()); }}>
            <label class="filter"><span>{t('filterName')}</span>
              <input name="filterName" value={naming.value} autoFocus onInput={(e) => (naming.value = e.currentTarget.value)} /></label>
            <button type="submit" class="primary">{t('saveFilterConfirm')}</button>
            <button type="button" onClick={() => (naming.value = null)}>{t('cancel')}</button>
          </form>
        )}
        <button type="button" class="link" onClick={() => (query.value = { ...query.value, search: '', filters: {} })}>{t('clearFilters')}</button>
      </div>
      <div class="list-head" role="presentation">
        <span data-testid="contact-count" aria-live="polite" data-search={answered.value ?? undefined}>{ids.value === null || answered.value === null ? t('loading') : partial.value ? t('contactCountPartial', { count: fmt.count(count) }) : count === 1 ? t('contactCountOne') : t('contactCount', { count: fmt.count(count) })}</span>
        {ws.selected.value.size > 0 && <span>{t('selectedCount', { count: fmt.count(ws.selected.value.size) })}</span>}
        <span class="hint">{t('keyboardHint')}</span>
      </div>
      <div class="columns" aria-hidden="true">
        <span /><span>{t('colName')}</span><span>{t('colEmail')}</span><span>{t('colStage')}</span><span>{t('colClass')}</span>
        <span>{t('colLastContact')}</span><span>{t('colNextFollowUp')}</span><span>{t('colOwner')}</span>
      </div>
      <div ref={list} class="list-box">
        {ids.value !== null && count === 0 ? (
          <p class="empty">{q.search || Object.keys(q.filters).length ? t('noMatches') : t('noContacts')}</p>
        ) : (
          <VirtualList count={count} rowHeight={ROW_HEIGHT} focused={focused.value} label={t('navContacts')} onKeyDown={onListKey}
            onRange={(start, end) => {
              range.current = [start, end];
              void loadRange(start, end);
            }}
            renderRow={(index) => {
              const id = ids.value![index] ?? '';
              const row = rows.value.get(id);
              return <ContactRowView row={row} id={id} focused={index === focused.value} selected={ws.selected.value.has(id)} onToggle={() => toggle(id)}
                onOpen={() => ws.go({ view: 'contact', id })} onFocus={() => (focused.value = index)} />;
            }} />
        )}
      </div>
    </section>
  );
}

function ContactRowView({ row, id, focused, selected, onToggle, onOpen, onFocus }: { row: ListRow | undefined; id: string; focused: boolean; selected: boolean; onToggle: () => void; onOpen: () => void; onFocus: () => void }) {
  const { t, fmt } = useWorkspace();
  if (!row) return <div class="crow placeholder" data-id={id} />;
  const { contact, activity } = row;
  const name = `${contact.firstName} ${contact.lastName}`.trim() || contact.emails[0] || t('unnamed');
  const job = [contact.jobTitle, contact.company].filter(Boolean).join(' · ');
  return (
    <div class={`crow${focused ? ' focused' : ''}`} data-testid="contact-row" data-id={id} aria-selected={focused} onClick={onFocus} onDblClick={onOpen}>
      <input type="checkbox" aria-label={t('selectRow', { name })} checked={selected} onChange={onToggle} tabIndex={-1} />
      <div class="who">
        <a href={`#/contact/${id}`} class="name" tabIndex={-1}>{name}</a>
        <span class="job">{job}</span>
      </div>
      <span class="muted ellipsis">{contact.emails[0] ?? contact.phones[0] ?? ''}</span>
      <span><span class={`chip stage-${contact.stage.replace(' ', '-')}`}>{translated(t, 'stage_', contact.stage)}</span></span>
      <span>
        {contact.valueClass && <span class="chip">{contact.valueClass}</span>}
        {contact.atRisk && <span class="chip risk">{t('atRisk')}</span>}
      </span>
      <span class="muted">{fmt.day(activity?.lastContactAt ?? '')}</span>
      <span class="muted">{fmt.day(activity?.nextFollowUpAt ?? '')}</span>
      <span class="muted ellipsis">{contact.owner}</span>
    </div>
  );
}
