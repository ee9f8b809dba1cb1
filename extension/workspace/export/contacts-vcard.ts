import ICAL from 'ical.js';
import type { Contact } from '../../../shared/records';

/** Contacts as vCard 4.0 (RFC 6350), written by ical.js: escapes and line folding as the standard says. */
export function contactsVcard(contacts: readonly Contact[]): string {
  return contacts
    .filter((c) => !c.deleted)
    .map((c) => {
      const card = new ICAL.Component('vcard');
      card.addPropertyWithValue('version', '4.0');
      card.addPropertyWithValue('fn', `${c.firstName} ${c.lastName}`.trim() || c.emails[0] || c.company || '');
      const n = new ICAL.Property('n');
      n.setValue([c.lastName, c.firstName, '', '', ''] as unknown as string);
      card.addProperty(n);
      for (const email of c.emails) card.addPropertyWithValue('email', email);
      for (const phone of c.phones) card.addPropertyWithValue('tel', phone);
      if (c.company) {
        const org = new ICAL.Property('org');
        org.setValue([c.company] as unknown as string);
        card.addProperty(org);
      }
      if (c.jobTitle) card.addPropertyWithValue('title', c.jobTitle);
      if (c.website) card.addPropertyWithValue('url', c.website);
      for (const link of c.socialLinks) card.addPropertyWithValue('url', link);
      if (c.address) {
        const adr = new ICAL.Property('adr');
        adr.setValue(['', '', c.address, '', '', '', ''] as unknown as string);
        card.addProperty(adr);
      }
      if (c.birthday) card.addPropertyWithValue('bday', c.birthday.replace(/-/g, ''));
      if (c.tags.length) {
        const categories = new ICAL.Property('categories');
        categories.setValues(c.tags);
        card.addProperty(categories);
      }
      if (c.notes) card.addPropertyWithValue('note', c.notes);
      card.addPropertyWithValue('uid', `urn:uuid:${c.id}`);
      return card.toString();
    })
    .join('\r\n') + '\r\n';
}
