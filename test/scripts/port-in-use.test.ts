import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { portInUseMessage } from '../../scripts/port-in-use';

const root = resolve(import.meta.dirname, '../..');
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

async function occupy(answer: (url: string) => unknown): Promise<number> {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(answer(request.url ?? '/')));
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

describe('a busy port', () => {
  it('names another Rapport local sheet, says npm start runs one, and offers a free port', async () => {
    const port = await occupy((url) => (url.startsWith('/exec') ? { ok: true, app: 'Rapport', version: '0.1.0' } : {}));
    const message = await portInUseMessage(port, (free, rapport) => `--port ${free}${rapport ? ' --data other.json' : ''}`);
    expect(message).toMatch(new RegExp(`^Port ${port} is in use by another Rapport local sheet \\(npm start runs one too`));
    expect(message).toMatch(/Port \d+ is free: --port \d+ --data other\.json$/);
  });

  it('names the process that listens there', async () => {
    const port = await occupy(() => ({ hello: 'world' }));
    const message = await portInUseMessage(port, (free) => `--port ${free}`);
    expect(message).toMatch(new RegExp(`^Port ${port} is in use by node \\(pid ${process.pid}\\)\\. Port \\d+ is free: --port \\d+$`));
  });

  it('is what npm run sheet:local says when its port is taken', async () => {
    const port = await occupy(() => ({}));
    const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'apps-script/local/cli.ts', '--port', String(port), '--data', '/tmp/never-written.json'], { cwd: root }).catch((error: { stderr: string; code: number }) => error);
    expect('code' in run ? run.code : 0).toBe(1);
    expect(run.stderr).toContain(`Port ${port} is in use by node (pid ${process.pid}).`);
  }, 30_000);
});
