import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { portInUseMessage } from '../../scripts/port-in-use.ts';
import { DEFAULT_MEMBER, SetupError, startLocalSheet } from './server.ts';

// npm run sheet:local -- [--port 8787] [--data .rapport/workbook.json] [--token T] [--member you@x] [--bundle dist/apps-script/Code.js]
const usage = `Usage: npm run sheet:local -- [--port 8787] [--data .rapport/workbook.json] [--token TOKEN] [--member ${DEFAULT_MEMBER}] [--bundle dist/apps-script/Code.js]`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      data: { type: 'string', default: '.rapport/workbook.json' },
      token: { type: 'string' },
      member: { type: 'string', default: DEFAULT_MEMBER },
      bundle: { type: 'string', default: 'dist/apps-script/Code.js' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}".\n${usage}`);
  process.exit(2);
}

try {
  const sheet = await startLocalSheet({ port, dataFile: resolve(values.data), token: values.token, member: values.member, bundlePath: resolve(values.bundle) });
  console.log(`Rapport local sheet (data: ${resolve(values.data)})`);
  console.log(`  Sync URL (web app /exec): ${sheet.execUrl}`);
  console.log(`  Grid of the tabs:         ${sheet.url}/`);
  console.log(`  Token for ${sheet.member}: ${sheet.token}`);
  console.log('Ctrl-C stops it.');
  const stop = () => void sheet.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof SetupError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(await portInUseMessage(port, (free, rapport) => `npm run sheet:local -- --port ${free}${rapport ? ' --data .rapport/second-workbook.json' : ''}`));
  else console.error(error);
  process.exit(1);
}
