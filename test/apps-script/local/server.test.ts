import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkToken, listMembers } from '../../../apps-script/src/members';
import { localTeam } from '../../../apps-script/local/team';
import { startLocalSheet, type LocalSheet, type LocalSheetOptions } from '../../../apps-script/local/server';
import { TINY_BUNDLE } from './tiny-bundle';
import { readJournaledWorkbook } from '../../../apps-script/local/journal';
import { workbookJsonSchema, workbookToJson } from '../../../apps-script/local/workbook-json';
import { zoneWallClock } from '../../../shared/calendar';

let folder: string;
let logs: string[];
const running: LocalSheet[] = [];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rapport-local-sheet-'));
  writeFileSync(join(folder, 'Code.js'), TINY_BUNDLE);
  logs = [];
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((sheet) => sheet.close()));
  rmSync(folder, { recursive: true, force: true });
});

async function start(options: Partial<LocalSheetOptions> = {}): Promise<LocalSheet> {
  const sheet = await startLocalSheet({ port: 0, dataFile: join(folder, 'data', 'workbook.json'), bundlePath: join(folder, 'Code.js'), log: (line) => logs.push(line), ...options });
  running.push(sheet);
  return sheet;
}

const postText = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=utf-8' }, body: JSON.stringify(body) });
const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
/** fetch() may not set Host, so a DNS-rebinding request is made with node:http. */
const statusWithHost = (url: string, host: string) =>
  new Promise<number | undefined>((resolve, reject) => {
    request(url, { headers: { Host: host } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    })
      .on('error', reject)
      .end();
  });
/** The workbook as it is on disk: the file with the journal of later changes replayed onto it. */
const savedWorkbook = () => {
  const file = join(folder, 'data', 'workbook.json');
  const base = existsSync(file) ? workbookJsonSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : undefined;
  const typing = { clock: zoneWallClock('Etc/UTC'), now: () => new Date() };
  const loaded = readJournaledWorkbook(file, base, () => typing)!;
  return workbookToJson(loaded.parts, typing, 'Etc/UTC');
};

describe('the local sheet server', () => {
  it('serves doPost at /exec with the TextOutput’s content type and open CORS for simple requests, and no preflight', async () => {
    const sheet = await start();
    expect(sheet.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await postText(`${sheet.execUrl}?token=abc&token=def`, { text: 'hi' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ ok: true, rows: 1, token: 'abc' });

    const get = await fetch(`${sheet.execUrl}?name=Ann`);
    expect([get.headers.get('content-type'), await get.text()]).toEqual(['text/plain; charset=utf-8', 'hello Ann']);
    // A deployed web app answers no CORS preflight: a request that needs one (JSON content type) fails in a browser.
    const preflight = await fetch(sheet.execUrl, { method: 'OPTIONS' });
    expect([preflight.status, preflight.headers.get('access-control-allow-origin'), preflight.headers.get('access-control-allow-methods')]).toEqual([405, null, null]);
  });

  it('registers the member with only the hash of their token in the script properties, and keeps the token across restarts', async () => {
    const first = await start({ member: 'ann@example.com' });
    expect(first.token).toMatch(/^[\w-]{32}$/);
    expect(listMembers(localTeam(first.google)).map((m) => m.email)).toEqual(['ann@example.com']);
    const stored = JSON.stringify(first.google.toJSON().properties);
    expect(stored).not.toContain(first.token);
    expect(checkToken(localTeam(first.google), first.token)).toMatchObject({ ok: true, email: 'ann@example.com' });
    await first.close();
    const second = await start({ member: 'ann@example.com' });
    expect(second.token).toBe(first.token);
    await expect(start({ token: ' ' })).rejects.toThrow('The sync token cannot be empty.');
    const short = await start({ token: 'SECRET', member: 'bob@example.com' });
    expect(short.token).toBe('SECRET');
    await short.close();
  });

  it('saves what each request changed before answering (a journal of changed rows), folds it into the workbook on close, and loads it again on restart', async () => {
    const sheet = await start();
    const file = join(folder, 'data', 'workbook.json');
    const firstFile = statSync(file).ino;
    await postText(sheet.execUrl, { text: 'one' });
    expect(savedWorkbook().sheets.Log!.map((row) => row[0])).toEqual(['one']);
    await fetch(`${sheet.execUrl}?name=x`); // changes nothing
    await postText(sheet.execUrl, { text: 'two' });
    expect(savedWorkbook().sheets.Log!.map((row) => row[0])).toEqual(['one', 'two']);
    // Changes went to the journal, not into a rewrite of the whole workbook file.
    expect(statSync(file).ino).toBe(firstFile);
    expect(readFileSync(`${file}.journal`, 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(2);
    await sheet.close();
    // Closing folds the journal in: one file, rewritten by a rename.
    expect(readdirSync(join(folder, 'data')).sort()).toEqual(['workbook.json', 'workbook.json.token']);
    expect(statSync(file).ino).not.toBe(firstFile);

    const again = await start();
    const answer = (await (await postText(again.execUrl, { text: 'three' })).json()) as { rows: number };
    expect(answer.rows).toBe(3);
    const workbook = (await (await fetch(`${again.url}/api/workbook`)).json()) as { sheets: Record<string, unknown[][]> };
    expect(workbook.sheets.Log.map((row) => row[0])).toEqual(['one', 'two', 'three']);
  });

  it('answers an error, not ok, when it cannot save what a request changed', async () => {
    const sheet = await start();
    await postText(sheet.execUrl, { text: 'saved' });
    // The data folder becomes a file: no workbook can be written there any more.
    rmSync(join(folder, 'data'), { recursive: true, force: true });
    writeFileSync(join(folder, 'data'), 'not a folder');
    const failed = await postText(sheet.execUrl, { text: 'not saved' });
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ ok: false, error: { code: 'not_saved' } });
    expect(logs.join('\n')).toContain('could not save');
  });

  it('answers an exception in the bundle with Google’s HTML error page (status 200), and keeps serving', async () => {
    const sheet = await start();
    const failed = await postText(sheet.execUrl, { explode: true });
    expect(failed.status).toBe(200);
    expect(failed.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await failed.text();
    expect(page).toContain('<title>Error</title>');
    expect(page).toContain('Error: exploded on purpose');
    expect(logs.join('\n')).toContain('exploded on purpose');
    const next = await postText(sheet.execUrl, { text: 'still here' });
    expect(next.status).toBe(200);
  });

  it('writes a cell edited on the grid as a person typing it, and saves it', async () => {
    const sheet = await start();
    await postText(sheet.execUrl, { text: 'Ann' });
    const edit = await postJson(`${sheet.url}/api/cell`, { sheet: 'Log', row: 2, column: 1, value: '007' });
    expect(await edit.json()).toMatchObject({ ok: true, typed: 7 });
    await postJson(`${sheet.url}/api/cell`, { sheet: 'Log', row: 3, column: 1, value: "'007" });
    const log = sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log')!;
    expect(log.getRange('A1:A3').getValues()).toEqual([['Ann'], [7], ['007']]);
    expect(savedWorkbook().sheets.Log!.map((row) => row[0])).toEqual(['Ann', 7, "'007"]);

    const outside = await postJson(`${sheet.url}/api/cell`, { sheet: 'Log', row: 1001, column: 1, value: 'x' });
    expect([outside.status, ((await outside.json()) as { error: string }).error]).toEqual([400, 'The coordinates of the range are outside the dimensions of the sheet.']);
    const noTab = await postJson(`${sheet.url}/api/cell`, { sheet: 'Nope', row: 1, column: 1, value: 'x' });
    expect(noTab.status).toBe(404);
  });

  it('escapes cell text on the grid page', async () => {
    const sheet = await start();
    await postText(sheet.execUrl, { text: '<script>alert("owned")</script>' });
    await postJson(`${sheet.url}/api/cell`, { sheet: 'Log', row: 2, column: 1, value: '"><img src=x onerror=alert(1)>' });
    const page = await (await fetch(`${sheet.url}/?sheet=Log`)).text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).toContain('value="&#60;script&#62;alert(&#34;owned&#34;)&#60;/script&#62;"');
    expect(page).toContain('value="&#34;&#62;&#60;img src=x onerror=alert(1)&#62;"');
    expect(page).toMatch(/<a href="\/\?sheet=Sheet1">Sheet1<\/a>/);
  });

  it('refuses grid API calls a web page could forge: other origins, non-JSON bodies, foreign Host headers', async () => {
    const sheet = await start();
    const edit = { sheet: 'Sheet1', row: 1, column: 1, value: 'forged' };
    expect((await postJson(`${sheet.url}/api/cell`, edit, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await fetch(`${sheet.url}/api/cell`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(edit) })).status).toBe(415);
    expect(await statusWithHost(`${sheet.url}/api/workbook`, 'rebound.evil.example')).toBe(403);
    expect(await statusWithHost(`${sheet.url}/api/workbook`, new URL(sheet.url).host)).toBe(200);
    expect((await postJson(`${sheet.url}/api/cell`, edit, { Origin: sheet.url })).status).toBe(200);
    const port = new URL(sheet.url).port;
    expect((await postJson(`${sheet.url}/api/cell`, edit, { Origin: `http://localhost:${port}` })).status).toBe(200);
    expect((await postJson(`${sheet.url}/api/cell`, edit, { Origin: `http://localhost:${Number(port) + 1}` })).status).toBe(403);
  });

  it('runs a global function of the bundle on request, as from the editor', async () => {
    const sheet = await start();
    const run = await postJson(`${sheet.url}/api/run`, { function: 'onOpen' });
    expect(await run.json()).toEqual({ ok: true, result: null, dialogs: [], toasts: [] });
    expect(sheet.google.menus.map((menu) => menu.caption)).toEqual(['Tiny']);
    const asked = await postJson(`${sheet.url}/api/run`, { function: 'askName', answers: [{ button: 'OK', text: 'Bo' }] });
    expect(await asked.json()).toMatchObject({ ok: true, result: 'Bo', dialogs: [{ kind: 'prompt', message: 'Your name?', answer: { button: 'OK', text: 'Bo' } }] });
    const missing = await postJson(`${sheet.url}/api/run`, { function: 'nope' });
    expect(missing.status).toBe(404);
  });

  it('says how to build the bundle when it is missing', async () => {
    await expect(start({ bundlePath: join(folder, 'missing.js') })).rejects.toThrow('run npm run build:apps-script first');
  });
});
