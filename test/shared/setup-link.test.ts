import { describe, expect, it } from 'vitest';
import { parseSetupLink, setupLink } from '../../shared/setup-link';

describe('the one-line set-up link', () => {
  it('carries the web app URL and the token, and reads back', () => {
    const line = setupLink('https://script.google.com/macros/s/AKfy/exec', 'abc123');
    expect(line).toBe('https://script.google.com/macros/s/AKfy/exec#rapport-token=abc123');
    expect(parseSetupLink(`  ${line}\n`)).toEqual({ url: 'https://script.google.com/macros/s/AKfy/exec', token: 'abc123' });
  });

  it('reads the token from #token= and from the connection test’s ?token= too', () => {
    expect(parseSetupLink(' https://script.google.com/macros/s/AKfy/exec#token=abc123 ')).toEqual({ url: 'https://script.google.com/macros/s/AKfy/exec', token: 'abc123' });
    expect(parseSetupLink('http://127.0.0.1:8787/exec?token=t%2Bk')).toEqual({ url: 'http://127.0.0.1:8787/exec', token: 't+k' });
  });

  it('is not a URL alone, a token alone, or a line with a broken token', () => {
    expect(parseSetupLink('https://script.google.com/macros/s/AKfy/exec')).toBeNull();
    expect(parseSetupLink('#rapport-token=abc')).toBeNull();
    expect(parseSetupLink('https://x.test/exec#rapport-token=')).toBeNull();
    expect(parseSetupLink('https://x.test/exec#rapport-token=%E0%A4%A')).toBeNull();
    expect(parseSetupLink('javascript:alert(1)#rapport-token=abc')).toBeNull();
    expect(parseSetupLink('https://docs.google.com/spreadsheets/d/1x/edit#token=abc')).toBeNull();
    expect(parseSetupLink('not a link')).toBeNull();
  });
});
