import { existsSync, readFileSync } from 'node:fs';
import { loadBundle } from './load-bundle.ts';
import { openWorkbookFile, readScriptTimeZone, SetupError } from './server.ts';

/**
 * `npm run sheet:local -- --data FILE --run NAME`: runs one global function of the built bundle
 * against the workbook once — as its time-driven trigger would when the workbook has one for it
 * (with the trigger's event), else as a menu click (`--as menu|trigger` chooses) — saves the workbook, and returns what left
 * the sheet: the mail it sent. The bundle's own output goes to stderr, so stdout is only the JSON.
 */
export interface RunOnceResult {
  mails: { to: string; subject: string; body: string; htmlBody: string }[];
}

export function runOnce(options: { dataFile: string; bundlePath: string; functionName: string; member: string; now?: () => Date; execUrl?: string; as?: 'menu' | 'trigger' }): RunOnceResult {
  if (!existsSync(options.bundlePath)) throw new SetupError(`No Apps Script bundle at ${options.bundlePath}: run npm run build:apps-script first.`);
  const { google, journal } = openWorkbookFile(options.dataFile, { now: options.now, user: options.member, scriptTimeZone: readScriptTimeZone(options.bundlePath) });
  if (options.execUrl) google.setServiceUrl(options.execUrl);
  const toStderr = (...parts: unknown[]) => process.stderr.write(`${parts.map(String).join(' ')}\n`);
  const bundle = loadBundle(readFileSync(options.bundlePath, 'utf8'), google, { filename: options.bundlePath, console: { log: toStderr, info: toStderr, warn: toStderr, error: toStderr, debug: toStderr } });
  if (!bundle.functions.includes(options.functionName)) throw new SetupError(`The bundle has no global function "${options.functionName}". It has: ${bundle.functions.join(', ')}.`);
  const trigger = options.as === 'menu' ? undefined : google.triggers.find((t) => t.eventType === 'CLOCK' && t.handlerFunction === options.functionName);
  if (options.as === 'trigger' && !trigger) throw new SetupError(`The workbook has no time-driven trigger for "${options.functionName}" (Rapport → Set up or repair installs them).`);
  const sentBefore = google.sentMail.length;
  try {
    if (trigger) bundle.callAs('trigger', options.functionName, { authMode: 'FULL', triggerUid: trigger.id });
    else bundle.callAs('editor', options.functionName);
  } finally {
    // What the run changed is kept even when it failed half-way, as on Google.
    journal.compact();
  }
  return { mails: google.sentMail.slice(sentBefore).map((mail) => ({ to: mail.to, subject: mail.subject, body: mail.body, htmlBody: mail.htmlBody ?? '' })) };
}
