import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Url, readLink, signLink } from '../../../apps-script/src/reminders/action-links';

const sign = (key: string) => (text: string) => base64Url([...createHmac('sha256', key).update(text).digest()]);
const claim = { action: 'done' as const, key: 'followUp:0193-ä€😀', owner: 'ann@team.test', expires: 2_000, nonce: 'n1' };

describe('Done and Snooze links', () => {
  it('reads back what was signed, any text included', () => {
    const token = signLink(claim, sign('secret'));
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(readLink(token, sign('secret'), 1_000)).toEqual({ ok: true, claim });
  });

  it('refuses a link signed with another secret, changed, expired or cut short', () => {
    const token = signLink(claim, sign('secret'));
    expect(readLink(token, sign('other'), 1_000)).toEqual({ ok: false, reason: 'forged' });
    const [body, mac] = token.split('.');
    const other = signLink({ ...claim, action: 'snooze' }, sign('secret')).split('.')[0];
    expect(readLink(`${other}.${mac}`, sign('secret'), 1_000)).toEqual({ ok: false, reason: 'forged' });
    expect(readLink(token, sign('secret'), 2_001)).toEqual({ ok: false, reason: 'expired' });
    expect(readLink(body, sign('secret'), 1_000)).toEqual({ ok: false, reason: 'malformed' });
    expect(readLink(undefined, sign('secret'), 1_000)).toEqual({ ok: false, reason: 'malformed' });
    const signedJunk = `${base64Url([...Buffer.from('{"a":"done"}')])}`;
    expect(readLink(`${signedJunk}.${sign('secret')(signedJunk)}`, sign('secret'), 1_000)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('encodes bytes as base64url without padding, as Node does', () => {
    for (const bytes of [[], [0], [255, 254], [1, 2, 3], [250, 251, 252, 253]]) expect(base64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    expect(base64Url([-1, -128])).toBe(Buffer.from([255, 128]).toString('base64url')); // Java-style signed bytes, as Utilities gives them
  });
});
