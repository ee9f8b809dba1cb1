import type { Language } from '../i18n';

/** Dates, amounts and counts as the reader's language writes them (Intl). */
export interface Format {
  locale: string;
  /** a calendar day (YYYY-MM-DD) or the day of an instant */
  day: (value: string) => string;
  /** an instant with its time of day; a calendar day alone when given one */
  dateTime: (value: string) => string;
  money: (amount: number | null, currency?: string) => string;
  count: (n: number) => string;
}

export function createFormat(language: Language, browserLocale = navigator.language): Format {
  const locale = browserLocale.toLowerCase().startsWith(language) ? browserLocale : language === 'de' ? 'de-DE' : 'en-GB';
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const timeFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const numbers = new Intl.NumberFormat(locale);
  // Making a format costs far more than using one (a contact page writes hundreds of amounts).
  const plainMoney = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const asDate = (value: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00` : value);
  const valid = (d: Date) => !Number.isNaN(d.getTime());
  return {
    locale,
    day: (value) => (value && valid(asDate(value)) ? dayFormat.format(asDate(value)) : ''),
    dateTime: (value) => (!value || !valid(asDate(value)) ? '' : /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayFormat.format(asDate(value)) : timeFormat.format(asDate(value))),
    money: (amount, currency = '') => {
      if (amount == null) return '';
      const code = /^[A-Z]{3}$/.test(currency) ? currency : '';
      if (!code) return plainMoney.format(amount);
      let format = moneyFormats.get(code);
      if (!format) moneyFormats.set(code, (format = new Intl.NumberFormat(locale, { style: 'currency', currency: code })));
      return format.format(amount);
    },
    count: (n) => numbers.format(n),
  };
}
