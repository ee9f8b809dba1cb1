// Webmail shows dates in the user's language and format ("Jul 29, 2026, 9:00 AM",
// "Mi., 29. Juli 2026, 09:00", "Fri 4/10/2026 8:23 AM"). Read them leniently; when unsure, give up
// (the caller keeps the raw text).

const monthLocales = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'tr', 'id', 'ms'];
let monthNames: Map<string, number> | undefined;
let longMonthNames: [string, number][] | undefined;

const normaliseWord = (word: string) => word.normalize('NFC').toLowerCase().replace(/\.$/, '');

function months(): { exact: Map<string, number>; long: [string, number][] } {
  if (!monthNames || !longMonthNames) {
    monthNames = new Map();
    longMonthNames = [];
    for (const locale of monthLocales) {
      for (const width of ['long', 'short'] as const) {
        let format: Intl.DateTimeFormat;
        try {
          format = new Intl.DateTimeFormat(locale, { month: width, timeZone: 'UTC' });
        } catch {
          continue;
        }
        for (let month = 0; month < 12; month++) {
          const name = normaliseWord(format.format(new Date(Date.UTC(2026, month, 15))));
          if (/^\p{L}+$/u.test(name) && !monthNames.has(name)) monthNames.set(name, month + 1);
          if (width === 'long' && /^\p{L}+$/u.test(name)) longMonthNames.push([name, month + 1]);
        }
      }
    }
  }
  return { exact: monthNames, long: longMonthNames };
}

function monthOf(word: string): number {
  const name = normaliseWord(word);
  if (name.length < 3) return 0;
  const { exact, long } = months();
  return exact.get(name) ?? long.find(([full]) => full.startsWith(name))?.[1] ?? 0;
}

export interface DateReading {
  /** the date and time in the environment's time zone, the one the page displays, as ISO 8601 UTC; '' when unreadable */
  iso: string;
}

/**
 * Reads a webmail date. `dayFirst` says how to read an ambiguous "04/10/2026" (true for
 * en-GB, de and most languages other than US English); dotted dates are always day first.
 */
export function parseWebmailDate(text: string, options: { dayFirst?: boolean } = {}): DateReading {
  const raw = text.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!raw) return { iso: '' };

  let hour = 0;
  let minute = 0;
  let second = 0;
  let rest = raw;
  const time = raw.match(/(\d{1,2})\s?[:h]\s?(\d{2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|vorm\.?|nachm\.?)?(?![\d])/i);
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2]);
    second = Number(time[3] ?? 0);
    const meridiem = (time[4] ?? '').toLowerCase().replace(/[\s.]/g, '');
    if ((meridiem === 'pm' || meridiem === 'nachm') && hour < 12) hour += 12;
    if ((meridiem === 'am' || meridiem === 'vorm') && hour === 12) hour = 0;
    rest = raw.slice(0, time.index) + ' ' + raw.slice((time.index ?? 0) + time[0].length);
  }

  let year = 0;
  let month = 0;
  let day = 0;
  const iso = rest.match(/(\d{4})-(\d{1,2})-(\d{1,2})/);
  const cjk = rest.match(/(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日/);
  const numeric = rest.match(/(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (cjk) [year, month, day] = [Number(cjk[1]), Number(cjk[2]), Number(cjk[3])];
  else if (numeric) {
    const [first, second_, yearText] = [Number(numeric[1]), Number(numeric[3]), numeric[4]];
    const dayFirst = numeric[2] === '.' || first > 12 || (options.dayFirst === true && second_ <= 12);
    [day, month] = dayFirst ? [first, second_] : [second_, first];
    year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  } else {
    // A month name: take the last one, since a weekday may come first and look like one ("mar." in Spanish).
    const words = rest.match(/\p{L}[\p{L}.]*/gu) ?? [];
    for (const word of words) month = monthOf(word) || month;
    const numbers = (rest.match(/\d+/g) ?? []).map(Number);
    year = numbers.find((n) => n >= 1900 && n <= 2200) ?? 0;
    day = numbers.find((n) => n >= 1 && n <= 31) ?? 0;
  }

  if (!year || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return { iso: '' };
  const date = new Date(year, month - 1, day, hour, minute, second);
  // Rejects 31 April and the like, which Date would roll over.
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return { iso: '' };
  return { iso: date.toISOString() };
}

/** Whether a page language writes the day before the month (everything but US-style English). */
export function isDayFirstLanguage(lang: string): boolean {
  const tag = lang.trim().toLowerCase();
  if (!tag) return false;
  return !(tag === 'en' || tag === 'en-us' || tag.startsWith('en-us') || tag === 'en-ph' || tag === 'en-ca');
}
