import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addMember } from '../../apps-script/src/members';
import { localTeam } from '../../apps-script/local/team';
import { createFakeGoogle, type FakeGoogleOptions, type WorkbookJson } from '../../apps-script/local/fake-google';
import { loadBundle } from '../../apps-script/local/load-bundle';

/** the built bundle (RAPPORT_BUNDLE runs the tests on another build, e.g. an older version's) */
export const BUNDLE_PATH = process.env.RAPPORT_BUNDLE ?? resolve(import.meta.dirname, '../../dist/apps-script/Code.js');
export const TOKEN = 'test-token-0123456789abcdef';
export const MEMBER = 'ann@team.test';

/** The built Apps Script bundle running on the local sheet's fake services, with one member. */
export function localSheet(workbook?: WorkbookJson, now?: () => Date, options: Omit<FakeGoogleOptions, 'workbook' | 'now'> = {}) {
  const google = createFakeGoogle({ workbook, now, ...options });
  addMember(localTeam(google), MEMBER, TOKEN, new Date());
  const bundle = loadBundle(readFileSync(BUNDLE_PATH, 'utf8'), google);
  const post = (body: unknown) => {
    const contents = typeof body === 'string' ? body : JSON.stringify(body);
    const output = bundle.call('doPost', { postData: { contents, type: 'text/plain', length: contents.length, name: 'postData' }, parameter: {}, parameters: {}, queryString: '', contentLength: contents.length }) as { getContent(): string };
    return JSON.parse(output.getContent()) as Record<string, unknown> & { ok: boolean };
  };
  const get = (parameter: Record<string, string>) => {
    const output = bundle.call('doGet', { parameter, parameters: {}, queryString: '', contentLength: -1 }) as { getContent(): string };
    return JSON.parse(output.getContent()) as Record<string, unknown> & { ok: boolean };
  };
  return { google, bundle, post, get };
}

export const emptyChanges = () => ({ contacts: [], companies: [], interactions: [], deals: [], followUps: [] });
