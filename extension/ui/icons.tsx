/** Line icons (24-unit grid, drawn with the text colour) for the actions and the history's channels. */
const paths = {
  email: 'M3 6h18v12H3z M3 7l9 6 9-6',
  call: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
  meeting: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6 M2 20a6 6 0 0 1 12 0 M16 11a3 3 0 1 0 0-6 M18 20h4a6 6 0 0 0-5-6',
  note: 'M5 3h10l4 4v14H5z M15 3v4h4 M8 12h8 M8 16h6',
  purchase: 'M3 4h3l2.5 11h10L21 7H7 M10 20a1 1 0 1 0 0-2 1 1 0 0 0 0 2 M18 20a1 1 0 1 0 0-2 1 1 0 0 0 0 2',
  complaint: 'M12 3l10 18H2z M12 10v5 M12 18v.5',
  followUp: 'M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16 M12 9v4l3 2 M5 3L2 6 M19 3l3 3',
  deal: 'M4 7h16v12H4z M9 7V4h6v3 M4 12h16',
  stage: 'M4 12h14 M13 6l6 6-6 6',
  other: 'M12 12m-3 0a3 3 0 1 0 6 0 3 3 0 1 0-6 0',
  chevron: 'M6 9l6 6 6-6',
  check: 'M5 12l5 5 9-10',
  workspace: 'M3 4h18v16H3z M3 9h18 M9 9v11',
  gear: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6 M19 12a7 7 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7 7 0 0 0-2-1.2L14 3h-4l-.5 2.6a7 7 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6A7 7 0 0 0 5 12c0 .4 0 .8.1 1.2l-2 1.6 2 3.4 2.4-1a7 7 0 0 0 2 1.2L10 21h4l.5-2.6a7 7 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg class="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
      <path d={paths[name]} />
    </svg>
  );
}

/** The icon of a history entry's type. */
export const iconOfType = (type: string): IconName =>
  type === 'email' || type === 'call' || type === 'meeting' || type === 'note' || type === 'purchase' || type === 'complaint' ? type : 'other';
