import Papa from 'papaparse';
import type { Contact } from '../../../shared/records';

/**
 * Contacts as a CSV file a spreadsheet opens: one column per field, headed as the team's sheet
 * heads it, lists comma-separated. Text that a spreadsheet would run as a formula (starting with
 * =, +, -, @, a tab or a carriage return; OWASP's "CSV injection") gets a leading apostrophe, so
 * it is shown as text and never run.
 */

export const csvColumns: [keyof Contact, string][] = [
  ['firstName', 'First name'], ['lastName', 'Last name'], ['emails', 'Emails'], ['phones', 'Phones'], ['jobTitle', 'Job title'],
  ['company', 'Company'], ['website', 'Website'], ['socialLinks', 'Social links'], ['address', 'Address'], ['birthday', 'Birthday'],
  ['tags', 'Tags'], ['stage', 'Stage'], ['owner', 'Owner'], ['source', 'Source'], ['consentBasis', 'Consent basis'], ['consentDate', 'Consent date'],
  ['notes', 'Notes'], ['valueClass', 'Value class'], ['rfmSegment', 'RFM segment'], ['clv', 'CLV'], ['atRisk', 'At risk'], ['id', 'id'],
];

const cell = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : value == null ? '' : String(value));

export function contactsCsv(contacts: readonly Contact[]): string {
  const rows = contacts.filter((c) => !c.deleted).map((c) => csvColumns.map(([field]) => cell(c[field])));
  // escapeFormulae is papaparse's guard against formula injection: a leading ' before = + - @ \t \r.
  return Papa.unparse({ fields: csvColumns.map(([, header]) => header), data: rows }, { escapeFormulae: true, newline: '\r\n' });
}
