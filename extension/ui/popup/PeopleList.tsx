import type { ComponentChildren } from 'preact';
import { displayName, usePopupStore, type CardState } from './popup-store';

/**
 * A page with many people (a team page, a speaker list): one line each with a checkbox, and
 * "Save selected". A person's name opens their full card for editing before saving.
 */
export function PeopleList({ cards, fullCard, badge }: {
  cards: CardState[];
  fullCard: (card: CardState) => ComponentChildren;
  badge: (card: CardState) => ComponentChildren;
}) {
  const store = usePopupStore();
  const { t, i18n } = store;
  const selectable = cards.filter((c) => !c.busy);
  const ticked = cards.filter((c) => store.selected.value.has(c.key));
  const allTicked = selectable.length > 0 && selectable.every((c) => store.selected.value.has(c.key));
  return (
    <section class="people" aria-label={i18n.n('peopleOnPage', cards.length)}>
      <div class="people-head">
        <label class="check">
          <input type="checkbox" checked={allTicked} aria-label={t('selectAll')}
            onChange={(e) => store.toggleSelected(selectable.map((c) => c.key), e.currentTarget.checked)} />
          {i18n.n('peopleOnPage', cards.length)}
        </label>
        <button type="button" class="primary" data-testid="save-selected" aria-disabled={ticked.length === 0 || store.savingSelected.value}
          onClick={() => { if (ticked.length > 0 && !store.savingSelected.value) void store.saveSelected(); }}>
          {i18n.n('saveSelected', ticked.length)}
        </button>
      </div>
      {store.selectionNotice.value && <p class="notice" role="status">{store.selectionNotice.value}</p>}
      <ul class="people-list">
        {cards.map((card) => {
          const job = [card.form.jobTitle, card.form.company].filter(Boolean).join(' · ');
          const name = displayName(card, '');
          return (
            <li key={card.key} class="person-row" data-testid="person-row" aria-busy={card.busy}>
              <input type="checkbox" aria-label={name} checked={store.selected.value.has(card.key)} disabled={card.busy}
                onChange={(e) => store.toggleSelected([card.key], e.currentTarget.checked)} />
              <div class="who">
                <button type="button" class="link row-name" aria-expanded={card.expanded} onClick={() => store.update(card.key, { expanded: !card.expanded })}>
                  {name}
                </button>
                {job && <div class="job">{job}</div>}
                {card.form.emails[0] && <div class="email">{card.form.emails[0]}</div>}
              </div>
              {badge(card)}
              {card.expanded && <div class="row-card">{fullCard(card)}</div>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
