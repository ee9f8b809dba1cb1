import { escapeHtml as escape } from '../../../shared/html';
import type { DueItem, ItemKind } from '../../../shared/reminders/due-items';
import type { Language } from '../team/member-directory';

/**
 * One owner's daily digest as mail: a subject that says what is due, an HTML body and the same
 * in plain text, in the owner's language (English or German). Every item links to its row in the
 * sheet and, where the web app is deployed, carries Done and Snooze 3 days links. All text from
 * the sheet is escaped: it may have come from web pages and emails.
 */
export interface DigestInput {
  language: Language;
  today: string;
  items: readonly DueItem[];
  spreadsheetName: string;
  /** the row of an item in the sheet */
  rowLink(item: DueItem): string;
  /** a signed Done or Snooze link, or null when the web app's URL is unknown */
  actionLink(item: DueItem, action: 'done' | 'snooze'): string | null;
  /** days whose digest did not go out (the mail quota): named here */
  missed: readonly string[];
  currency: string;
}

export interface DigestMail {
  subject: string;
  body: string;
  htmlBody: string;
}

type Words = {
  sections: Record<ItemKind | 'dueToday', string>;
  subjectCounts: Record<ItemKind | 'dueToday', (n: number) => string>;
  open: string;
  done: string;
  snooze: string;
  due: (day: string) => string;
  late: (days: number) => string;
  lastContact: (day: string) => string;
  never: string;
  every: (days: number) => string;
  over: (days: number) => string;
  clv: (amount: string) => string;
  pAlive: (percent: string) => string;
  birthday: (day: string, days: number) => string;
  expected: (day: string, days: number) => string;
  intro: (count: number) => string;
  missed: (days: string) => string;
  noLinks: string;
  footer: (sheet: string) => string;
  heading: (day: string) => string;
  day: (day: string) => string;
  number: (n: number, decimals: number) => string;
};

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS_DE = ['So.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.'];
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const [y, m, d] = [(day: string) => day.slice(0, 4), (day: string) => Number(day.slice(5, 7)), (day: string) => Number(day.slice(8, 10))];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** 1,234.5 / 1.234,5: grouping and decimals as each language writes them. */
function grouped(n: number, decimals: number, group: string, point: string): string {
  const [whole, fraction] = Math.abs(n).toFixed(decimals).split('.');
  const withGroups = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${n < 0 ? '−' : ''}${withGroups}${fraction ? point + fraction : ''}`;
}

const english: Words = {
  sections: { followUp: 'Overdue follow-ups', dueToday: 'Due today', cadence: 'Keep in touch', atRisk: 'Valuable customers at risk', birthday: 'Birthdays in the next 7 days', deal: 'Deals past their expected close' },
  subjectCounts: {
    followUp: (n) => `${n} overdue`, dueToday: (n) => `${n} due today`, cadence: (n) => `${n} to keep in touch`, atRisk: (n) => `${n} at risk`,
    birthday: (n) => plural(n, 'birthday', 'birthdays'), deal: (n) => plural(n, 'deal past close', 'deals past close'),
  },
  open: 'Open in the sheet',
  done: 'Done',
  snooze: 'Snooze 3 days',
  due: (day) => `due ${english.day(day)}`,
  late: (days) => plural(days, 'day late', 'days late'),
  lastContact: (day) => `last contact ${english.day(day)}`,
  never: 'no contact yet',
  every: (days) => `every ${plural(days, 'day', 'days')}`,
  over: (days) => (days === 0 ? 'due today' : plural(days, 'day over', 'days over')),
  clv: (amount) => `CLV ${amount}`,
  pAlive: (percent) => `P(alive) ${percent}`,
  birthday: (day, days) => (days === 0 ? 'birthday today' : days === 1 ? `birthday tomorrow, ${english.day(day)}` : `birthday ${english.day(day)}, in ${days} days`),
  expected: (day, days) => `expected to close ${english.day(day)} (${plural(days, 'day', 'days')} ago)`,
  intro: (count) => `${plural(count, 'thing needs', 'things need')} you today.`,
  missed: (days) => `Your digest of ${days} did not go out: the sheet's daily mail quota was used up. What was due then is listed here if it still is.`,
  noLinks: 'Done and Snooze links appear once the sheet’s web app is deployed (see Rapport’s README).',
  footer: (sheet) => `Sent by Rapport from the sheet “${sheet}”. Change the hour or the language in Rapport → Team members….`,
  heading: (day) => `Your Rapport digest for ${english.day(day)}`,
  day: (day) => `${WEEKDAYS_EN[weekday(day)]} ${d(day)} ${MONTHS_EN[m(day) - 1]} ${y(day)}`,
  number: (n, decimals) => grouped(n, decimals, ',', '.'),
};

const german: Words = {
  sections: { followUp: 'Überfällige Wiedervorlagen', dueToday: 'Heute fällig', cadence: 'In Kontakt bleiben', atRisk: 'Wertvolle Kunden in Gefahr', birthday: 'Geburtstage in den nächsten 7 Tagen', deal: 'Deals nach dem erwarteten Abschluss' },
  subjectCounts: {
    followUp: (n) => `${n} überfällig`, dueToday: (n) => `${n} heute fällig`, cadence: (n) => `${n} zum Melden`, atRisk: (n) => `${n} in Gefahr`,
    birthday: (n) => plural(n, 'Geburtstag', 'Geburtstage'), deal: (n) => `${n} Deal${n === 1 ? '' : 's'} überfällig`,
  },
  open: 'Im Sheet öffnen',
  done: 'Erledigt',
  snooze: '3 Tage später',
  due: (day) => `fällig ${german.day(day)}`,
  late: (days) => `${plural(days, 'Tag', 'Tage')} überfällig`,
  lastContact: (day) => `letzter Kontakt ${german.day(day)}`,
  never: 'noch kein Kontakt',
  every: (days) => `alle ${plural(days, 'Tag', 'Tage')}`,
  over: (days) => (days === 0 ? 'heute fällig' : `${plural(days, 'Tag', 'Tage')} drüber`),
  clv: (amount) => `Kundenwert (CLV) ${amount}`,
  pAlive: (percent) => `Kaufwahrscheinlichkeit ${percent}`,
  birthday: (day, days) => (days === 0 ? 'Geburtstag heute' : days === 1 ? `Geburtstag morgen, ${german.day(day)}` : `Geburtstag ${german.day(day)}, in ${days} Tagen`),
  expected: (day, days) => `Abschluss erwartet ${german.day(day)} (vor ${plural(days, 'Tag', 'Tagen')})`,
  intro: (count) => (count === 1 ? 'Eine Sache braucht heute dich.' : `${count} Dinge brauchen heute dich.`),
  missed: (days) => `Deine Übersicht vom ${days} wurde nicht verschickt: das tägliche Mail-Kontingent des Sheets war aufgebraucht. Was damals fällig war, steht hier, wenn es noch fällig ist.`,
  noLinks: 'Links für Erledigt und Später erscheinen, sobald die Web-App des Sheets bereitgestellt ist (siehe Rapports README).',
  footer: (sheet) => `Gesendet von Rapport aus dem Sheet „${sheet}“. Uhrzeit oder Sprache änderst du unter Rapport → Team members….`,
  heading: (day) => `Deine Rapport-Übersicht für ${german.day(day)}`,
  day: (day) => `${WEEKDAYS_DE[weekday(day)]} ${d(day)}.${m(day)}.${y(day)}`,
  number: (n, decimals) => grouped(n, decimals, '.', ','),
};

export const wordsFor = (language: Language): Words => (language === 'de' ? german : english);


/** The section an item is shown in: follow-ups split into overdue and due today. */
const sectionOf = (item: DueItem): ItemKind | 'dueToday' => (item.kind === 'followUp' && item.days === 0 ? 'dueToday' : item.kind);
const SECTION_ORDER: (ItemKind | 'dueToday')[] = ['followUp', 'dueToday', 'cadence', 'atRisk', 'birthday', 'deal'];

function detail(item: DueItem, words: Words, currency: string): string {
  const money = (n: number | null | undefined, code?: string) => (n === null || n === undefined ? '' : `${words.number(n, 2)} ${code || currency}`);
  switch (item.kind) {
    case 'followUp':
      return [item.contact && item.title !== item.contact ? item.contact : '', item.days > 0 ? `${words.due(item.day)}, ${words.late(item.days)}` : ''].filter(Boolean).join(' — ');
    case 'cadence':
      return [item.day ? words.lastContact(item.day) : words.never, words.every(item.cadenceDays ?? 0), words.over(item.days)].join(', ');
    case 'atRisk':
      return [item.clv != null ? words.clv(money(item.clv)) : '', item.pAlive != null ? words.pAlive(`${words.number(item.pAlive * 100, 0)} %`) : '', item.day ? words.lastContact(item.day) : ''].filter(Boolean).join(', ');
    case 'birthday':
      return words.birthday(item.day, item.days);
    case 'deal':
      return [item.contact, money(item.amount, item.currency), words.expected(item.day, item.days)].filter(Boolean).join(' — ');
  }
}

export function digestMail(input: DigestInput): DigestMail {
  const words = wordsFor(input.language);
  const sections = SECTION_ORDER.map((section) => ({ section, items: input.items.filter((item) => sectionOf(item) === section) })).filter((s) => s.items.length > 0);
  const counts = sections.map(({ section, items }) => words.subjectCounts[section](items.length));
  const shortDay = input.language === 'de' ? `${d(input.today)}.${m(input.today)}.` : `${d(input.today)} ${MONTHS_EN[m(input.today) - 1]}`;
  const subject = `Rapport ${shortDay}: ${counts.join(', ')}`;
  const missed = input.missed.length > 0 ? words.missed(input.missed.map(words.day).join(', ')) : '';
  let anyLinks = false;

  const text: string[] = [words.heading(input.today), '', words.intro(input.items.length)];
  if (missed) text.push('', missed);
  const html: string[] = [];
  for (const { section, items } of sections) {
    text.push('', words.sections[section].toUpperCase());
    html.push(`<h2 style="font-size:15px;margin:22px 0 8px;color:#3c4043;border-bottom:1px solid #dadce0;padding-bottom:4px">${escape(words.sections[section])} <span style="color:#5f6368;font-weight:normal">(${items.length})</span></h2>`);
    for (const item of items) {
      const about = detail(item, words, input.currency);
      const [done, snooze] = [input.actionLink(item, 'done'), input.actionLink(item, 'snooze')];
      anyLinks ||= done !== null;
      const rowLink = input.rowLink(item);
      text.push(`- ${item.title}${about ? ` — ${about}` : ''}`, `  ${words.open}: ${rowLink}`);
      if (done && snooze) text.push(`  ${words.done}: ${done}`, `  ${words.snooze}: ${snooze}`);
      const accent = item.kind === 'followUp' && item.days > 0 ? '#c5221f' : item.kind === 'followUp' ? '#b06000' : '#1a73e8';
      const button = (href: string, label: string, primary: boolean) =>
        `<a href="${escape(href)}" style="display:inline-block;margin:6px 6px 0 0;padding:4px 10px;border-radius:4px;text-decoration:none;font-size:13px;${primary ? 'background:#1a73e8;color:#ffffff' : 'border:1px solid #dadce0;color:#1a73e8'}">${escape(label)}</a>`;
      html.push(
        `<div style="margin:0 0 12px;padding:8px 12px;border-left:3px solid ${accent};background:#f8f9fa">` +
          `<a href="${escape(rowLink)}" style="color:#202124;font-weight:bold;text-decoration:none">${escape(item.title)}</a>` +
          (about ? `<div style="color:#5f6368;font-size:13px;margin-top:2px">${escape(about)}</div>` : '') +
          `<div>${done && snooze ? button(done, words.done, true) + button(snooze, words.snooze, false) : ''}${button(rowLink, words.open, false)}</div>` +
          `</div>`,
      );
    }
  }
  if (!anyLinks) text.push('', words.noLinks);
  text.push('', '—', words.footer(input.spreadsheetName));
  const htmlBody =
    `<!doctype html><html lang="${input.language}"><body style="margin:0;padding:0;background:#ffffff">` +
    `<div style="max-width:600px;margin:0 auto;padding:20px;font:14px/1.45 Arial,Helvetica,sans-serif;color:#202124">` +
    `<h1 style="font-size:19px;margin:0 0 4px">${escape(words.heading(input.today))}</h1>` +
    `<p style="margin:0 0 8px;color:#5f6368">${escape(words.intro(input.items.length))}</p>` +
    (missed ? `<p style="margin:12px 0;padding:8px 12px;background:#fef7e0;border-radius:4px">${escape(missed)}</p>` : '') +
    html.join('') +
    (anyLinks ? '' : `<p style="color:#5f6368;font-size:12px">${escape(words.noLinks)}</p>`) +
    `<p style="margin-top:24px;color:#80868b;font-size:12px">${escape(words.footer(input.spreadsheetName))}</p>` +
    `</div></body></html>`;
  return { subject, body: text.join('\n'), htmlBody };
}
