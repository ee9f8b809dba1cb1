/** One address, one spelling: lookups by email must find what a person typed in any case. Zod-free for the popup. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Addresses normalised, empties dropped, each once. */
export const normaliseEmails = (emails: readonly string[]) => [...new Set(emails.map(normaliseEmail).filter(Boolean))];
