import { useState } from 'preact/hooks';
import { Icon } from './icons';
import type { I18n } from './i18n';

export interface SnoozeChoice {
  label: string;
  /** the instant or day the follow-up is due again */
  until: string;
}

/** "Snooze ▾": one day, three days, next week, or a picked date. */
export function SnoozeMenu({ i18n, label, choices, untilForDate, today, onSnooze }: {
  i18n: I18n;
  /** names what is snoozed, for screen readers */
  label: string;
  choices: SnoozeChoice[];
  untilForDate: (day: string) => string | null;
  today: string;
  onSnooze: (until: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const choose = (until: string | null) => {
    if (!until) return;
    setOpen(false);
    onSnooze(until);
  };
  return (
    <span class="menu">
      <button type="button" class="small" aria-expanded={open} aria-label={label} onClick={() => setOpen(!open)}>
        {i18n.t('snooze')} <Icon name="chevron" size={12} />
      </button>
      {open && (
        <span class="menu-list" role="group" aria-label={label} onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); } }}>
          {choices.map((choice) => <button key={choice.label} type="button" class="small" onClick={() => choose(choice.until)}>{choice.label}</button>)}
          <label class="inline-field">
            <span>{i18n.t('pickDate')}</span>
            <input type="date" min={today} onChange={(e) => choose(e.currentTarget.value ? untilForDate(e.currentTarget.value) : null)} />
          </label>
        </span>
      )}
    </span>
  );
}
