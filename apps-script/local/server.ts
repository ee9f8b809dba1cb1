import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import { addMember, checkToken, isMember, revokeMember } from '../src/members.ts';
import { cellToTyped } from './cell-text.ts';
import { CONTENT_TYPES, type MimeType } from './fake-content.ts';
import { zoneWallClock } from '../../shared/calendar.ts';
import { createFakeGoogle, type FakeGoogle } from './fake-google.ts';
import type { FakeRange } from './fake-range.ts';
import { renderGridPage } from './grid-page.ts';
import { SIDEBAR_SHIM } from './sidebar-shim.ts';
import { loadBundle, type LoadedBundle } from './load-bundle.ts';
import { readJournaledWorkbook, WorkbookJournal } from './journal.ts';
import { writeFileDurably } from './persist.ts';
import { localTeam } from './team.ts';
import { googleErrorPage, signInPage } from './google-pages.ts';
import { formatWorkbookJson, workbookJsonSchema, type WorkbookJson } from './workbook-json.ts';

/**
 * The local sheet: the built Apps Script bundle on the fake Google services, served on loopback.
 *
 * - `POST|GET /exec` → the bundle's doPost/doGet, like a web app deployed for "Anyone": a thrown
 *   error is Google's HTML error page (status 200), there is no CORS preflight, and with
 *   `access: 'signed-in'` every request is redirected to a Google sign-in page instead.
 * - `GET /` a grid of the tabs a teammate can edit; `POST /api/cell` writes one cell as typed;
 *   `GET /api/workbook` the workbook JSON; `POST /api/run` runs a global function of the bundle
 *   (e.g. a menu item) — a local-only convenience with no Google counterpart.
 *   These take JSON only and refuse other origins, so a web page in the browser cannot use them.
 * - A request that changed something is answered only once the workbook is on disk (written
 *   atomically and flushed); if saving fails, the answer is an error, never an `ok`.
 */
export interface LocalSheetOptions {
  /** 0 picks a free port */
  port?: number;
  host?: '127.0.0.1' | 'localhost' | '::1';
  dataFile: string;
  /** the member's sync token; default: the member's saved token, else a new random one */
  token?: string;
  member?: string;
  bundlePath: string;
  /** where errors of the bundle are reported (default console.error) */
  log?: (message: string) => void;
  now?: () => Date;
  /** who may call /exec: 'anyone' (what Rapport needs) or 'signed-in' (a deployment that asks for a Google account) */
  access?: 'anyone' | 'signed-in';
  /** the spreadsheet's time zone for a new workbook (a saved workbook keeps its own) */
  spreadsheetTimeZone?: string;
}

export interface LocalSheet {
  /** the server's origin, e.g. http://127.0.0.1:8787 (the grid page) */
  url: string;
  /** the web app URL the extension syncs with */
  execUrl: string;
  token: string;
  member: string;
  google: FakeGoogle;
  bundle: LoadedBundle;
  close(): Promise<void>;
}

export const DEFAULT_MEMBER = 'you@rapport.local';
/** Shorter tokens work (the local sheet is a tool for one machine) but are easy to guess. */
const SHORT_TOKEN = 16;
const MAX_BODY_BYTES = 50 * 1024 * 1024;

/** A problem with the options or files given, told to the person starting the sheet. */
export class SetupError extends Error {}

export async function startLocalSheet(options: LocalSheetOptions): Promise<LocalSheet> {
  const host = options.host ?? '127.0.0.1';
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new SetupError('The local sheet only listens on loopback (127.0.0.1, localhost or ::1).');
  const log = options.log ?? ((message: string) => console.error(message));
  if (!existsSync(options.bundlePath)) throw new SetupError(`No Apps Script bundle at ${options.bundlePath}: run npm run build:apps-script first.`);
  const code = readFileSync(options.bundlePath, 'utf8');

  const scriptTimeZone = readScriptTimeZone(options.bundlePath);
  const now = options.now ?? (() => new Date());
  const { google, loaded, journal } = openWorkbookFile(options.dataFile, { now: options.now, user: options.member, scriptTimeZone, spreadsheetTimeZone: options.spreadsheetTimeZone });
  const member = options.member ?? DEFAULT_MEMBER;
  // The sheet keeps only tokens' hashes; this machine's member's token is kept beside the workbook so a restart can show it again.
  const team = localTeam(google);
  const tokenFile = `${options.dataFile}.token`;
  const saved = existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : undefined;
  const token = options.token ?? (saved && checkToken(team, saved).ok ? saved : randomBytes(24).toString('base64url'));
  if (token.trim() === '') throw new SetupError('The sync token cannot be empty.');
  if (token.length < SHORT_TOKEN) log(`Note: a token under ${SHORT_TOKEN} characters is easy to guess; use a long one for a sheet others can reach.`);
  if (!isMember(team, member) || !checkToken(team, token).ok) addMember(team, member, token, new Date());
  writeFileDurably(tokenFile, token);
  const bundle = loadBundle(code, google, { filename: options.bundlePath });

  // A journal left by the last run is folded into the workbook file before serving.
  if (loaded) journal.compact();
  let savedMutations = google.mutations;
  /** Makes what changed durable (the changed rows appended to the journal); throws when it could not. */
  const save = () => {
    if (google.mutations === savedMutations) return;
    journal.save();
    savedMutations = google.mutations;
  };
  /** Answers only once what the request changed is on disk; a failed save turns the answer into an error. */
  const answerSaved = (response: ServerResponse, send: () => void) => {
    try {
      save();
    } catch (error) {
      log(`local sheet: could not save ${options.dataFile}: ${describe(error)}`);
      return sendJson(response, 503, { ok: false, error: { code: 'not_saved', message: `The local sheet could not save its workbook (${errorMessage(error)}); the change was not kept on disk.` } });
    }
    send();
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`local sheet: ${request.method} ${request.url} failed: ${describe(error)}`);
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'server_error', message: errorMessage(error) } });
      else response.end();
    });
  });

  let origin = '';
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (!isOwnHost(request.headers.host, url.port)) return sendJson(response, 403, { ok: false, error: { code: 'forbidden', message: 'Unknown Host header.' } });
    const route = `${request.method} ${url.pathname}`;
    if (url.pathname === '/exec' || url.pathname.startsWith('/exec/')) return await serveExec(request, response, url);
    if (url.pathname === '/ServiceLogin') return sendHtml(response, 200, signInPage());
    if (route === 'GET /') return serveGrid(response, url);
    if (route === 'GET /api/workbook') return sendJson(response, 200, google.toJSON());
    if (route === 'GET /api/version') return sendJson(response, 200, { mutations: google.mutations });
    if (route === 'POST /api/cell') return await serveCellEdit(request, response);
    if (route === 'POST /api/run') return await serveRun(request, response);
    if (route === 'GET /sidebar') return serveSidebar(response, url);
    return sendJson(response, 404, { ok: false, error: { code: 'not_found', message: `No ${route} here.` } });
  }

  async function serveExec(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    // A deployed web app answers no CORS preflight: only simple requests (text/plain POST, GET) work.
    if (request.method === 'OPTIONS') return sendHtml(response, 405, googleErrorPage('Sorry, unable to open the file at this time.'));
    if ((options.access ?? 'anyone') === 'signed-in') {
      response.writeHead(302, { Location: `${origin}/ServiceLogin?continue=${encodeURIComponent(url.href)}`, 'Content-Type': 'text/html; charset=utf-8' });
      return void response.end('<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD><BODY>Moved Temporarily</BODY></HTML>');
    }
    const cors = { 'Access-Control-Allow-Origin': '*' };
    const handler = request.method === 'POST' ? 'doPost' : request.method === 'GET' ? 'doGet' : undefined;
    if (!handler) return sendHtml(response, 405, googleErrorPage('Sorry, unable to open the file at this time.'));
    if (!bundle.functions.includes(handler)) return sendHtml(response, 200, googleErrorPage(`Script function not found: ${handler}`), cors);
    const body = handler === 'doPost' ? await readBody(request) : undefined;
    let output: unknown;
    try {
      output = bundle.call(handler, webAppEvent(url, request.headers['content-type'], body));
    } catch (error) {
      log(`local sheet: ${handler} threw: ${describe(error)}`);
      // Google answers a script's exception with an HTML page and status 200.
      return answerSaved(response, () => sendHtml(response, 200, googleErrorPage(`${errorName(error)}: ${errorMessage(error)}`), cors));
    }
    const reply = outputOf(output);
    answerSaved(response, () => {
      if (!reply) return sendHtml(response, 200, googleErrorPage('The script completed but did not return anything.'), cors);
      response.writeHead(200, { ...cors, 'Content-Type': `${reply.contentType}; charset=utf-8` });
      response.end(reply.content);
    });
  }

  function serveGrid(response: ServerResponse, url: URL): void {
    const nonce = randomBytes(16).toString('base64');
    const html = renderGridPage({
      workbook: google.toJSON(),
      sheet: url.searchParams.get('sheet') ?? undefined,
      from: Number(url.searchParams.get('from') ?? 1) || 1,
      mutations: google.mutations,
      nonce,
    });
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'`,
      'X-Frame-Options': 'DENY',
    });
    response.end(html);
  }

  /** The last sidebar or dialog the bundle showed (or ?n= the n-th), with google.script.run wired to /api/run. */
  function serveSidebar(response: ServerResponse, url: URL): void {
    const shown = google.dialogs.filter((d) => d.kind === 'sidebar' || d.kind === 'modal');
    const n = url.searchParams.has('n') ? Number(url.searchParams.get('n')) : shown.length - 1;
    const dialog = shown[n];
    if (!dialog) return sendJson(response, 404, { ok: false, error: 'No sidebar has been shown yet: run openMembers or openSettings first (POST /api/run).' });
    const html = dialog.message.replace(/<head>/i, `<head><script>${SIDEBAR_SHIM}</script>`);
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'",
      'Cache-Control': 'no-store',
    });
    response.end(html);
  }

  async function serveCellEdit(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const input = await readJsonApi(request, response, cellEditSchema);
    if (!input) return;
    const sheet = google.globals.SpreadsheetApp.getActiveSpreadsheet();
    const target = google.asPerson(() => sheet.getSheetByName(input.sheet));
    if (!target) return sendJson(response, 404, { ok: false, error: `There is no tab named "${input.sheet}".` });
    let edit: { range: FakeRange; oldValue: unknown };
    try {
      edit = google.asPerson(() => {
        const range = target.getRange(input.row, input.column);
        const oldValue = range.getValue();
        // Typed text meets the cell's data validation, as in the spreadsheet's UI.
        if (typeof input.value === 'string') google.personTypes(input.sheet, input.row, input.column, input.value);
        else range.setValue(input.value);
        return { range, oldValue };
      });
    } catch (error) {
      return sendJson(response, 400, { ok: false, error: errorMessage(error) });
    }
    const { range, oldValue } = edit;
    runEditTriggers(range, input.value, oldValue);
    const stored = google.asPerson(() => ({ value: range.getValue(), formula: range.getFormula() }));
    const typed = cellToTyped(stored.formula ? { value: '', formula: stored.formula } : { value: stored.value as string }, google.context.typing);
    answerSaved(response, () => sendJson(response, 200, { ok: true, typed, mutations: google.mutations }));
  }

  /** As in Google, a person's edit runs the simple `onEdit` and installable on-edit triggers; their failures do not undo it. */
  function runEditTriggers(range: unknown, value: unknown, oldValue: unknown): void {
    const handlers = new Set(google.triggers.filter((t) => t.eventType === 'ON_EDIT').map((t) => t.handlerFunction));
    if (bundle.functions.includes('onEdit')) handlers.add('onEdit');
    for (const handler of handlers) {
      if (!bundle.functions.includes(handler)) continue;
      try {
        bundle.callAs('editor', handler, {
          range,
          value: typeof value === 'string' ? value : String(value ?? ''),
          oldValue: oldValue === '' ? undefined : oldValue,
          source: google.globals.SpreadsheetApp.getActiveSpreadsheet(),
          user: google.globals.Session.getActiveUser(),
          authMode: 'LIMITED',
          triggerUid: handler,
        });
      } catch (error) {
        log(`local sheet: ${handler} threw after an edit: ${describe(error)}`);
      }
    }
  }

  async function serveRun(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const input = await readJsonApi(request, response, runSchema);
    if (!input) return;
    if (!bundle.functions.includes(input.function)) {
      return sendJson(response, 404, { ok: false, error: `The bundle has no global function "${input.function}".`, functions: bundle.functions });
    }
    const [dialogs, toasts] = [google.dialogs.length, google.toasts.length];
    google.uiAnswers.splice(0, google.uiAnswers.length, ...(input.answers ?? []));
    let result: unknown;
    try {
      result = bundle.callAs('editor', input.function, ...(input.args ?? []));
    } catch (error) {
      log(`local sheet: ${input.function} threw: ${describe(error)}`);
      return answerSaved(response, () => sendJson(response, 500, { ok: false, error: errorMessage(error) }));
    }
    answerSaved(response, () =>
      sendJson(response, 200, {
        ok: true,
        result: outputOf(result)?.content ?? jsonSafe(result),
        dialogs: google.dialogs.slice(dialogs),
        toasts: google.toasts.slice(toasts),
      }),
    );
  }

  /** Reads a JSON body, refusing anything a web page could send without a CORS preflight. */
  async function readJsonApi<T>(request: IncomingMessage, response: ServerResponse, schema: z.ZodType<T>): Promise<T | undefined> {
    if (request.headers.origin !== undefined && !isOwnHost(hostOf(request.headers.origin), new URL(origin).port)) {
      sendJson(response, 403, { ok: false, error: 'Only the local sheet page may call this.' });
      return undefined;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(response, 415, { ok: false, error: 'Send JSON (Content-Type: application/json).' });
      return undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBody(request));
    } catch {
      sendJson(response, 400, { ok: false, error: 'The body is not JSON.' });
      return undefined;
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      sendJson(response, 400, { ok: false, error: z.prettifyError(result.error) });
      return undefined;
    }
    return result.data;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host === '::1' ? '[::1]' : host}:${port}`;
  const execUrl = `${origin}/exec`;
  google.setServiceUrl(execUrl);
  if (!loaded) journal.compact();

  let closing: Promise<void> | undefined;
  const stop = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => {
        try {
          journal.compact();
        } catch (saveError) {
          log(`local sheet: could not save ${options.dataFile} on close: ${describe(saveError)}`);
        }
        if (error) reject(error);
        else resolve();
      });
      server.closeAllConnections();
    });

  return {
    url: origin,
    execUrl,
    token,
    member,
    google,
    bundle,
    close: () => (closing ??= stop()),
  };
}

const cellEditSchema = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  column: z.number().int().positive(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});

const runSchema = z.object({
  function: z.string().regex(/^[A-Za-z_$][\w$]*$/),
  args: z.array(z.unknown()).optional(),
  /** answers to the alerts and prompts the function shows, in order */
  answers: z.array(z.object({ button: z.enum(['OK', 'CANCEL', 'YES', 'NO', 'CLOSE']), text: z.string().optional() })).optional(),
});

/** The script's time zone, from the manifest built beside the bundle. */
export function readScriptTimeZone(bundlePath: string): string | undefined {
  const manifest = join(dirname(bundlePath), 'appsscript.json');
  if (!existsSync(manifest)) return undefined;
  const parsed = z.object({ timeZone: z.string() }).safeParse(JSON.parse(readFileSync(manifest, 'utf8')));
  return parsed.success ? parsed.data.timeZone : undefined;
}

/**
 * Adds a member to a workbook file (printing their new token) or revokes one, without serving:
 * `npm run sheet:local -- --data FILE --add-member EMAIL` / `--revoke-member EMAIL`.
 */
export function manageMember(dataFile: string, action: 'add' | 'revoke', email: string): string {
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new SetupError(`"${email}" is not an email address.`);
  const { google, journal } = openWorkbookFile(dataFile, {});
  const team = localTeam(google);
  let answer: string;
  if (action === 'add') {
    answer = randomBytes(24).toString('base64url');
    addMember(team, email, answer, new Date());
  } else {
    if (!revokeMember(team, email, new Date())) throw new SetupError(`${email} is not a member of this sheet.`);
    answer = `Revoked ${email}: their token is refused from now on.`;
  }
  journal.compact();
  return answer;
}

/**
 * A workbook file with the journal a running or stopped local sheet left beside it, as fake
 * services; `journal.compact()` writes it back whole. Throws SetupError on a malformed file.
 */
export function openWorkbookFile(dataFile: string, options: { now?: () => Date; user?: string; scriptTimeZone?: string; spreadsheetTimeZone?: string }) {
  const now = options.now ?? (() => new Date());
  const loaded = readJournaledWorkbook(dataFile, readWorkbook(dataFile), (zone) => ({ clock: zoneWallClock(zone ?? options.spreadsheetTimeZone ?? 'Etc/UTC'), now }));
  const google = createFakeGoogle({ parts: loaded?.parts, now: options.now, user: options.user ?? DEFAULT_MEMBER, scriptTimeZone: options.scriptTimeZone, spreadsheetTimeZone: loaded?.timeZone ?? options.spreadsheetTimeZone });
  const journal = new WorkbookJournal(dataFile, () => google.parts(), google.context.typing, google.timeZones.spreadsheet);
  return { google, loaded, journal };
}

function readWorkbook(dataFile: string): WorkbookJson | undefined {
  if (!existsSync(dataFile)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(dataFile, 'utf8'));
  } catch (error) {
    throw new SetupError(`${dataFile} is not valid JSON: ${errorMessage(error)}`);
  }
  const workbook = workbookJsonSchema.safeParse(json);
  if (!workbook.success) throw new SetupError(`${dataFile} is not a local sheet workbook:\n${z.prettifyError(workbook.error)}`);
  return workbook.data;
}

/** Only requests addressed to this loopback server (guards the API against DNS rebinding). */
function isOwnHost(hostHeader: string | undefined, port: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].some((name) => hostHeader === `${name}:${port}`);
}

function hostOf(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host : undefined;
  } catch {
    return undefined;
  }
}

/** The `e` Google passes to doGet/doPost. Form posts also fill `parameter`, as on Google. */
function webAppEvent(url: URL, contentType: string | undefined, body: string | undefined) {
  const params = new URLSearchParams(url.search);
  const type = (contentType ?? '').split(';')[0].trim();
  if (body !== undefined && type === 'application/x-www-form-urlencoded') for (const [key, value] of new URLSearchParams(body)) params.append(key, value);
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    parameter[key] ??= value;
    (parameters[key] ??= []).push(value);
  }
  const length = body === undefined ? -1 : Buffer.byteLength(body);
  const event: Record<string, unknown> = {
    parameter,
    parameters,
    queryString: url.search.slice(1),
    contentLength: length,
    contextPath: '',
    pathInfo: url.pathname.startsWith('/exec/') ? url.pathname.slice('/exec/'.length) : undefined,
  };
  if (body !== undefined) event.postData = { contents: body, type, length, name: 'postData' };
  return event;
}

function outputOf(output: unknown): { content: string; contentType: string } | undefined {
  if (typeof output !== 'object' || output === null || !('getContent' in output) || typeof output.getContent !== 'function') return undefined;
  const content = String(output.getContent());
  const mimeType = 'getMimeType' in output && typeof output.getMimeType === 'function' ? (output.getMimeType() as MimeType) : undefined;
  return { content, contentType: mimeType ? CONTENT_TYPES[mimeType] : 'text/html' };
}

function jsonSafe(value: unknown): unknown {
  try {
    return value === undefined ? null : JSON.parse(JSON.stringify(value));
  } catch {
    return String(value);
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`Request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendHtml(response: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(html);
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** Errors from the bundle come from another realm, so `instanceof Error` cannot be used. */
function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' && error.name !== 'Exception' ? error.name : 'Exception';
}

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'stack' in error && typeof error.stack === 'string') return error.stack;
  return errorMessage(error);
}
