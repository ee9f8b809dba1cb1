import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MEMBER, manageMember, SetupError, startLocalSheet } from './server.ts';

// npm run sheet:local -- [--port 8787] [--data .rapport/workbook.json] [--token T] [--member you@x] [--bundle dist/apps-script/Code.js]
// npm run sheet:local -- --data FILE --add-member EMAIL | --revoke-member EMAIL   (prints, exits)
const usage = `Usage: npm run sheet:local -- [--port 8787] [--data .rapport/workbook.json] [--token TOKEN] [--member ${DEFAULT_MEMBER}] [--bundle dist/apps-script/Code.js]
       npm run sheet:local -- --data .rapport/workbook.json --add-member EMAIL      adds a member and prints their token
       npm run sheet:local -- --data .rapport/workbook.json --revoke-member EMAIL   revokes a member's token`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      data: { type: 'string', default: '.rapport/workbook.json' },
      token: { type: 'string' },
      member: { type: 'string', default: DEFAULT_MEMBER },
      bundle: { type: 'string', default: 'dist/apps-script/Code.js' },
      'add-member': { type: 'string' },
      'revoke-member': { type: 'string' },
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
if (values['add-member'] !== undefined || values['revoke-member'] !== undefined) {
  try {
    const adding = values['add-member'] !== undefined;
    console.log(manageMember(resolve(values.data), adding ? 'add' : 'revoke', (adding ? values['add-member'] : values['revoke-member'])!));
    process.exit(0);
  } catch (error) {
    console.error(error instanceof SetupError ? error.message : error);
    process.exit(1);
  }
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
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`Port ${port} is in use; pick another with --port.`);
  else console.error(error);
  process.exit(1);
}
