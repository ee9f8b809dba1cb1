import { countCalls, isPlainObject, type FakeContext } from './fake-context.ts';

/** MailApp: mail is recorded in `sentMail`, never sent. Every recipient uses one unit of the daily quota. */
const CTX = Symbol('context');

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
}

const OPTION_KEYS = ['htmlBody', 'cc', 'bcc', 'name', 'replyTo', 'noReply'] as const;
const EMAIL = /^[^\s@,]+@[^\s@,]+$/;

export class FakeMailApp {
  readonly [CTX]: FakeContext;
  readonly #sent: SentMail[];
  readonly #quota: { remaining: number };

  constructor(context: FakeContext, sent: SentMail[], quota: { remaining: number }) {
    this[CTX] = context;
    this.#sent = sent;
    this.#quota = quota;
  }

  /** sendEmail(recipient, subject, body[, options]) or sendEmail(message) */
  sendEmail(recipientOrMessage: string | Record<string, unknown>, subject?: string, body?: string, options?: Record<string, unknown>): void {
    const fields: Record<string, unknown> = isPlainObject(recipientOrMessage)
      ? { ...recipientOrMessage }
      : { ...(isPlainObject(options) ? options : {}), to: recipientOrMessage, subject, body };
    const mail: SentMail = { to: String(fields.to ?? ''), subject: String(fields.subject ?? ''), body: String(fields.body ?? '') };
    for (const key of OPTION_KEYS) if (fields[key] !== undefined) Object.assign(mail, { [key]: key === 'noReply' ? Boolean(fields[key]) : String(fields[key]) });
    const recipients = [mail.to, mail.cc, mail.bcc].flatMap((list) => (list ? list.split(',').map((address) => address.trim()).filter(Boolean) : []));
    if (recipients.length === 0) this[CTX].fail('Failed to send email: no recipient');
    for (const address of recipients) if (!EMAIL.test(address)) this[CTX].fail(`Invalid email: ${address}`);
    if (recipients.length > this.#quota.remaining) this[CTX].fail('Service invoked too many times for one day: email.');
    this.#quota.remaining -= recipients.length;
    this.#sent.push(mail);
  }

  getRemainingDailyQuota(): number {
    return this.#quota.remaining;
  }
}

countCalls(FakeMailApp, 'MailApp', (self) => (self as FakeMailApp)[CTX]);
