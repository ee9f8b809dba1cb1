// Splitting and recognising people's names as they appear in headers and signatures.

const honorifics = /^(dr|prof|mr|mrs|ms|mx|miss|herr|frau|dipl\.?-?\w*|ing|mag|sir|dame|med|rer|nat|phil|jur|dent|vet|oec|pol|h\.c)\.?$/i;
const particles = new Set(['von', 'van', 'de', 'der', 'den', 'di', 'da', 'du', 'del', 'della', 'la', 'le', 'zu', 'ten', 'ter', 'vom', 'zur', 'dos', 'das', 'bin', 'al']);
// Degrees and post-nominals written after a name: "Anna Schmidt, MBA", "Dr. Jo Li PhD".
const postNominal = /^(phd|ph\.d\.|mba|msc|m\.sc\.|bsc|b\.sc\.|ma|m\.a\.|ba|b\.a\.|md|m\.d\.|jd|j\.d\.|cpa|cfa|pmp|llm|ll\.m\.|esq\.?)$/i;
// Generational suffixes are part of the name and belong to the last name: "John Doe Jr.".
const generational = /^(jr\.?|sr\.?|ii|iii|iv)$/i;

/** "Dr. Anna von Berg" → { firstName: "Anna", lastName: "von Berg" }. "Berg, Anna" is read as last, first. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const trimmed = name.trim();
  if (!trimmed || trimmed.includes('@')) return { firstName: '', lastName: '' };
  const comma = trimmed.match(/^([^,]+),\s*([^,]+)$/);
  if (comma && !postNominal.test(comma[2].trim()) && comma[1].trim().split(/\s+/).length <= 2) {
    return splitName(`${comma[2]} ${comma[1]}`);
  }
  const words = trimmed.split(/\s+/).filter((w) => !honorifics.test(w) && !postNominal.test(w.replace(/,$/, '')));
  if (words.length === 0) return { firstName: '', lastName: '' };
  if (words.length === 1) return { firstName: words[0], lastName: '' };
  // The last name starts at the first particle after the first word, else it is the last word.
  const particle = words.findIndex((w, i) => i > 0 && particles.has(w.toLowerCase()));
  const lastWord = words.length > 2 && generational.test(words.at(-1)!) ? words.length - 2 : words.length - 1;
  const lastStart = particle > 0 ? particle : lastWord;
  return { firstName: words.slice(0, lastStart).join(' '), lastName: words.slice(lastStart).join(' ') };
}

/** Removes trailing post-nominals ("Anna Schmidt, MBA" → "Anna Schmidt") and title-cases ALL-CAPS names. */
export function tidyName(name: string): string {
  let words = name.trim().replace(/,\s*$/, '').split(/\s+/);
  while (words.length > 1 && postNominal.test(words.at(-1)!.replace(/^,|,$/g, ''))) words = words.slice(0, -1);
  let tidy = words.join(' ').replace(/,$/, '');
  if (/\p{Lu}{2}/u.test(tidy) && tidy === tidy.toUpperCase()) {
    tidy = tidy.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
  }
  return tidy;
}

// Capitalised words, initials, and the academic titles written before German names ("Dr. med.", "Dipl.-Ing.").
const nameWord = /^(\p{Lu}[\p{L}'’]*(?:-\p{Lu}?[\p{L}'’]+)*\.?|\p{Lu}\.|(?:[Dd]r|[Pp]rof|[Dd]ipl)\.?(?:-\w+\.?)?|(?:med|rer|nat|phil|jur|dent|vet|oec|pol|h\.c)\.)$/u;

/**
 * Whether a short piece of text reads like a person's name: 1–5 words, each capitalised
 * (particles like "von" allowed), no digits or address characters.
 */
export function looksLikePersonName(text: string, allowSingleWord = false): boolean {
  const trimmed = tidyName(text);
  if (!trimmed || trimmed.length > 60 || /[\d@/:|()]/.test(trimmed) || /['’]s(?:\s|$)/.test(trimmed)) return false;
  const words = trimmed.split(/\s+/);
  if (words.length > 5 || (words.length === 1 && !allowSingleWord)) return false;
  const meaningful = words.filter((w) => !particles.has(w.toLowerCase()));
  if (meaningful.length === 0 || !words.every((w) => particles.has(w.toLowerCase()) || nameWord.test(w))) return false;
  // At least one real word, not only initials and honorifics.
  return meaningful.some((w) => /\p{L}{2,}/u.test(w) && !honorifics.test(w));
}
