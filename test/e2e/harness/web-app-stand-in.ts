import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { googleErrorPage, signInPage } from '../../../apps-script/local/google-pages';

/**
 * Stands between the extension and the local sheet, answering as Google's web app front does when
 * things go wrong: its error pages, the sign-in redirect, a spreadsheet's own page, a busy script,
 * a dropped connection, a slow answer. In `pass` mode it forwards to the local sheet unchanged.
 */
export type StandInMode = 'pass' | 'slow' | 'offline' | 'sign-in' | 'spreadsheet-page' | 'script-error' | 'timeout' | 'quota' | 'busy' | 'internal' | 'http-502' | 'not-the-protocol';

const read = (request: IncomingMessage) => new Promise<Buffer>((resolve) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => resolve(Buffer.concat(chunks)));
});

export async function startWebAppStandIn(execUrl: string) {
  let mode: StandInMode = 'pass';
  let origin = '';
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/ServiceLogin') return void response.writeHead(200, { 'Content-Type': 'text/html' }).end(signInPage());
    const body = await read(request);
    const html = (status: number, text: string) => void response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' }).end(text);
    const json = (value: unknown) => void response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    switch (mode) {
      case 'offline':
        return void request.socket.destroy();
      case 'sign-in':
        return void response.writeHead(302, { Location: `${origin}/ServiceLogin?continue=${encodeURIComponent(url.href)}` }).end();
      case 'spreadsheet-page':
        return html(200, '<!DOCTYPE html><html><head><title>Customers - Google Sheets</title></head><body><div id="docs-editor"></div></body></html>');
      case 'script-error':
        return html(200, googleErrorPage("TypeError: Cannot read properties of undefined (reading 'getRange')"));
      case 'timeout':
        return html(200, googleErrorPage('Exceeded maximum execution time'));
      case 'quota':
        return html(200, googleErrorPage('Service invoked too many times for one day: urlfetch.'));
      case 'busy':
        return json({ ok: false, error: { code: 'busy', message: 'Another sync holds the lock.' } });
      case 'internal':
        return json({ ok: false, error: { code: 'internal', message: 'The sheet could not process the sync: Range not found' } });
      case 'http-502':
        return html(502, '<html><body>Bad Gateway</body></html>');
      case 'not-the-protocol':
        return json({ hello: 'world' });
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, 2500));
        break;
      case 'pass':
        break;
    }
    const forwarded = await fetch(`${execUrl}${url.search}`, { method: request.method, body: request.method === 'POST' ? new Uint8Array(body) : undefined, headers: { 'Content-Type': request.headers['content-type'] ?? 'text/plain' } });
    response.writeHead(forwarded.status, { 'Content-Type': forwarded.headers.get('content-type') ?? 'application/json' });
    response.end(Buffer.from(await forwarded.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    execUrl: `${origin}/exec`,
    setMode: (next: StandInMode) => void (mode = next),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
