import { base64Url } from '../reminders/action-links';
import { scriptProperties } from './script-state';

/** The script's secret for signing Done and Snooze links: made once, kept in the script properties only. */
const SECRET_PROPERTY = 'rapport.linkSecret';

export function linkSigner(properties = scriptProperties()): (text: string) => string {
  let secret = properties.getProperty(SECRET_PROPERTY);
  if (!secret) {
    secret = [Utilities.getUuid(), Utilities.getUuid(), Utilities.getUuid()].join('');
    properties.setProperty(SECRET_PROPERTY, secret);
  }
  const key = secret;
  return (text) => base64Url(Utilities.computeHmacSha256Signature(text, key));
}

/** A random nonce for one link. */
export const newNonce = () => Utilities.getUuid().replace(/-/g, '').slice(0, 20);
