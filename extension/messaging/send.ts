import type { MessageName, RequestOf, ResponseOf } from './message-table';
import type { Answer } from './problems';

/** Sends one message of the table to the service worker; the answer's type follows from the message. */
export type Send = <K extends MessageName>(type: K, request: RequestOf<K>) => Promise<Answer<ResponseOf<K>>>;

/**
 * A typed sender over a transport (runtime.sendMessage in the extension, the handler itself in
 * tests). Page-side: imports only types, so neither zod nor Dexie enters a page's bundle.
 */
export function createSend(post: (envelope: { type: MessageName; request: unknown }) => Promise<unknown>): Send {
  return async (type, request) => {
    const answer = await post({ type, request });
    // The service worker answers every message (see handleMessage); nothing means it was not there to answer.
    return (answer ?? { ok: false, problem: { code: 'failed', detail: 'no answer from the service worker' } }) as Answer<ResponseOf<typeof type>>;
  };
}
