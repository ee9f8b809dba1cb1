import { describe, expect, it } from 'vitest';
import { parseSetupLink } from '../../extension/sync/setup-link';

describe('the sheet’s set-up link', () => {
  it('gives the web app URL and the token, from the fragment or the query', () => {
    expect(parseSetupLink(' https://script.google.com/macros/s/AKfy/exec#token=abc123 ')).toEqual({ url: 'https://script.google.com/macros/s/AKfy/exec', token: 'abc123' });
    expect(parseSetupLink('http://127.0.0.1:8787/exec?token=t%2Bk')).toEqual({ url: 'http://127.0.0.1:8787/exec', token: 't+k' });
  });

  it('is not a set-up link without a token or an /exec web app', () => {
    expect(parseSetupLink('https://script.google.com/macros/s/AKfy/exec')).toBeNull();
    expect(parseSetupLink('https://docs.google.com/spreadsheets/d/1x/edit#token=abc')).toBeNull();
    expect(parseSetupLink('not a link')).toBeNull();
  });
});
