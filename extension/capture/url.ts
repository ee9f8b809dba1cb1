// URL parts that never throw: a reader gets whatever the caller passes, including junk.

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export const hostOf = (url: string) => parse(url)?.hostname.toLowerCase() ?? '';
export const pathOf = (url: string) => parse(url)?.pathname ?? '';
export const hashOf = (url: string) => parse(url)?.hash ?? '';
export const isWebUrl = (url: string) => /^https?:$/.test(parse(url)?.protocol ?? '');

/** `https://www.acme.test/about` → `acme.test`; the first email's domain when there is no website. */
export function domainOf(website: string, emails: readonly string[] = []): string {
  const site = website ? parse(website.includes('://') ? website : `https://${website}`) : null;
  return (site?.hostname.replace(/^www\./, '') ?? emails[0]?.split('@')[1] ?? '').toLowerCase();
}

/** decodeURIComponent that gives the input back instead of throwing on a broken escape. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// Free mail providers: an address there names a person, never their company's domain.
const freeMailProviders = /^(?:gmail|googlemail|yahoo|hotmail|outlook|live|aol|msn|icloud|me|gmx|web|t-online|freenet|posteo|mailbox|proton|protonmail|yandex|mail)$/;

/** Whether the address (or domain label, "yahoo") is at a free mail provider. */
export function isFreeMail(addressOrLabel: string): boolean {
  const labels = (addressOrLabel.toLowerCase().split('@').at(-1) ?? '').split('.');
  // The registered name: "yahoo" in yahoo.com and in yahoo.co.uk.
  const name = labels.length === 1 ? labels[0] : /^(?:co|com|ac)$/.test(labels.at(-2) ?? '') ? labels.at(-3) : labels.at(-2);
  return freeMailProviders.test(name ?? '');
}

/** The domain of an email address, lower-cased. */
export const emailDomain = (email: string) => email.split('@')[1]?.toLowerCase() ?? '';
