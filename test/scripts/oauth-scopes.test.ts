import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/**
 * Each scope the manifest asks for, and what in the built bundle needs it (Google's pages:
 * https://developers.google.com/apps-script/concepts/scopes and each method's "Authorization").
 * A scope nothing uses, or a service used without its scope, fails here.
 */
const needs: Record<string, RegExp> = {
  // SpreadsheetApp alone would do with spreadsheets.currentonly; the Sheets API's values.batchUpdate needs spreadsheets.
  'https://www.googleapis.com/auth/spreadsheets': /\bSheets\.Spreadsheets\.Values\.batchUpdate\b/,
  'https://www.googleapis.com/auth/script.send_mail': /\bMailApp\.sendEmail\b/,
  'https://www.googleapis.com/auth/script.scriptapp': /\bScriptApp\.newTrigger\b/,
  'https://www.googleapis.com/auth/script.container.ui': /\bSpreadsheetApp\.getUi\(\)/,
  'https://www.googleapis.com/auth/userinfo.email': /\bSession\.get(Active|Effective)User\b/,
  'https://www.googleapis.com/auth/script.external_request': /\bUrlFetchApp\b/,
  'https://www.googleapis.com/auth/drive': /\bDriveApp\b/,
  'https://www.googleapis.com/auth/gmail.send': /\bGmailApp\b/,
};

describe('the OAuth scopes in appsscript.json', () => {
  it('are exactly those the bundle’s services need', () => {
    const code = readFileSync(join(root, 'dist/apps-script/Code.js'), 'utf8');
    const manifest = JSON.parse(readFileSync(join(root, 'apps-script/appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    const used = Object.entries(needs).filter(([, pattern]) => pattern.test(code)).map(([scope]) => scope);
    expect([...manifest.oauthScopes].sort()).toEqual(used.sort());
    for (const scope of manifest.oauthScopes) expect(Object.keys(needs)).toContain(scope);
  });
});
