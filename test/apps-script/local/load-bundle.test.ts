import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from '../../../apps-script/local/fake-google';
import { loadBundle } from '../../../apps-script/local/load-bundle';
import { TINY_BUNDLE } from './tiny-bundle';

const post = (contents: unknown, parameter: Record<string, string> = {}) => ({ postData: { contents: JSON.stringify(contents), type: 'text/plain' }, parameter });

describe('loading a built bundle', () => {
  it('exposes exactly the top-level function declarations', () => {
    const bundle = loadBundle(TINY_BUNDLE, createFakeGoogle());
    expect(bundle.functions.sort()).toEqual(['askName', 'doGet', 'doPost', 'inspect', 'onOpen']);
  });

  it('runs doPost on the fake services and counts its spreadsheet calls', () => {
    const google = createFakeGoogle();
    const bundle = loadBundle(TINY_BUNDLE, google);
    const output = bundle.call('doPost', post({ text: 'first' }, { token: 't' })) as { getContent(): string; getMimeType(): string };
    expect(JSON.parse(output.getContent())).toEqual({ ok: true, rows: 1, token: 't' });
    expect(output.getMimeType()).toBe('JSON');
    expect(google.calls.byMethod['Sheet.appendRow']).toBe(1);
    expect(google.spreadsheetCalls()).toBe(5); // getActiveSpreadsheet, getSheetByName, insertSheet, appendRow, getLastRow
    expect(google.toJSON().sheets.Log[0][0]).toBe('first');
  });

  it('hands the bundle values of its own realm, reads the fake clock and offers no Node or browser globals', () => {
    const google = createFakeGoogle({ now: () => new Date('2024-05-06T07:08:09.000Z') });
    const bundle = loadBundle(TINY_BUNDLE, google);
    bundle.call('doPost', post({ text: 'hello' }));
    expect(bundle.call('inspect')).toEqual({
      text: 'hello',
      arrays: true,
      dates: true,
      errors: true,
      now: '2024-05-06T07:08:09.000Z',
      nowMs: Date.parse('2024-05-06T07:08:09.000Z'),
      missing: 'undefined,undefined,undefined,undefined,undefined',
      hasLock: true,
    });
    expect(google.toJSON().sheets.Log[0][1]).toBe('2024-05-06 07:08:09');
  });

  it('releases the lock an execution kept when it ends, as Google does', () => {
    const google = createFakeGoogle();
    const bundle = loadBundle(TINY_BUNDLE, google);
    bundle.call('doPost', post({ text: 'a' }));
    expect(() => bundle.call('doPost', post({ text: 'b' }))).not.toThrow();
    google.locks.hold('script');
    expect(() => bundle.call('doPost', post({ text: 'c' }))).toThrow('Lock timeout: another process was holding the lock for too long.');
  });

  it('runs doPost as a web-app request, where there is no UI', () => {
    const google = createFakeGoogle();
    const bundle = loadBundle(TINY_BUNDLE, google);
    expect(() => bundle.callAs('webapp', 'onOpen')).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    bundle.call('onOpen');
    expect(google.menus).toEqual([{ caption: 'Tiny', items: [{ caption: 'Inspect', functionName: 'inspect' }] }]);
  });

  it('says which functions exist when asked for a missing one', () => {
    const bundle = loadBundle(TINY_BUNDLE, createFakeGoogle());
    expect(() => bundle.call('nope')).toThrow(/no global function "nope".*doPost/);
  });
});
