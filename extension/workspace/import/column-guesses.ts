import type { ImportTarget } from './import-fields';

/**
 * Which Rapport field a CSV column most likely fills, from its header as Google Contacts,
 * Outlook (English and German), HubSpot and LinkedIn write them, and from its values (a LinkedIn
 * profile URL is a social link, not a website). The person sees the guess and can change it.
 */

export type ExportKind = 'google' | 'outlook' | 'hubspot' | 'linkedin' | 'csv';

const key = (header: string) => header.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[^a-z0-9]/g, '');

export function exportKind(headers: readonly string[]): ExportKind {
  const keys = new Set(headers.map(key));
  if (keys.has('connectedon')) return 'linkedin';
  if (keys.has('recordid') || keys.has('lifecyclestage') || keys.has('contactowner')) return 'hubspot';
  if (keys.has('email1value') || keys.has('givenname') || keys.has('organization1name') || keys.has('fileas') || keys.has('organizationname')) return 'google';
  if (keys.has('emailaddress') && (keys.has('businessphone') || keys.has('mobilephone') || keys.has('businessstreet'))) return 'outlook';
  if (keys.has('emailadresse') && (keys.has('telefongeschaftlich') || keys.has('mobiltelefon'))) return 'outlook';
  return 'csv';
}

/** Exact header keys, with how sure the guess is (a higher score wins a field that takes one column). */
const EXACT: Record<string, [ImportTarget, number]> = {
  firstname: ['firstName', 3], givenname: ['firstName', 3], vorname: ['firstName', 3], first: ['firstName', 2],
  lastname: ['lastName', 3], familyname: ['lastName', 3], surname: ['lastName', 3], nachname: ['lastName', 3], last: ['lastName', 2],
  name: ['fullName', 2], fullname: ['fullName', 3], displayname: ['fullName', 2], contactname: ['fullName', 2],
  jobtitle: ['jobTitle', 3], position: ['jobTitle', 3], organizationtitle: ['jobTitle', 3], organization1title: ['jobTitle', 3], title: ['jobTitle', 1], berufsbezeichnung: ['jobTitle', 3],
  company: ['company', 3], companyname: ['company', 3], organization: ['company', 2], organizationname: ['company', 3], organization1name: ['company', 3], firma: ['company', 3], unternehmen: ['company', 3], associatedcompany: ['company', 2],
  website: ['website', 3], webpage: ['website', 3], websiteurl: ['website', 3], website1value: ['website', 3], url: ['website', 1], webseite: ['website', 3], personalwebpage: ['website', 1],
  birthday: ['birthday', 3], geburtstag: ['birthday', 3], birthdate: ['birthday', 3], dateofbirth: ['birthday', 3],
  notes: ['notes', 3], note: ['notes', 3], notizen: ['notes', 3], comments: ['notes', 2], bemerkungen: ['notes', 3],
  labels: ['tags', 3], categories: ['tags', 3], groupmembership: ['tags', 3], tags: ['tags', 3], kategorien: ['tags', 3],
  lifecyclestage: ['stage', 3], stage: ['stage', 3], phase: ['stage', 2],
  linkedin: ['socialLinks', 3], linkedinurl: ['socialLinks', 3], twitter: ['socialLinks', 2],
};

/** Targets that take any number of columns; the others take their best column only. */
const MANY: ImportTarget[] = ['emails', 'phones', 'address', 'notes', 'socialLinks', 'tags'];

function guessOne(header: string, samples: readonly string[]): [ImportTarget, number] | null {
  const k = key(header);
  if (/(type|label|typ)$/.test(k) && !['labels'].includes(k)) return null;
  const exact = EXACT[k];
  if (exact) {
    if (exact[0] === 'website' && samples.some((s) => /linkedin\.com|twitter\.com|x\.com\/|xing\.com/i.test(s))) return ['socialLinks', 3];
    return exact;
  }
  if (/fax/.test(k)) return null;
  if (/e?mail/.test(k)) return ['emails', 2];
  if (/phone|telefon|mobil|handy|tel$|^tel/.test(k)) return ['phones', 2];
  // Business or generic address parts; home and other addresses are left for the person to map.
  if (/^(home|other|privat|weitere)/.test(k)) return null;
  if (/street|strasse|city|ort$|postalcode|postcode|zip|plz|country|land$|state|region|address|adresse|formatted/.test(k)) return ['address', 1];
  return null;
}

/** The proposed field of every column ('' for none), each single field given to its best column. */
export function guessColumns(headers: readonly string[], sampleRows: readonly (readonly string[])[]): (ImportTarget | '')[] {
  const guesses = headers.map((header, i) => guessOne(header, sampleRows.map((row) => row[i] ?? '')));
  const best = new Map<ImportTarget, number>();
  guesses.forEach((guess, i) => {
    if (!guess || MANY.includes(guess[0])) return;
    const current = best.get(guess[0]);
    if (current === undefined || guess[1] > guesses[current]![1]) best.set(guess[0], i);
  });
  return guesses.map((guess, i) => (!guess ? '' : MANY.includes(guess[0]) || best.get(guess[0]) === i ? guess[0] : ''));
}
