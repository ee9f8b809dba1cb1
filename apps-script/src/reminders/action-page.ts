import { escapeHtml as escape } from '../../../shared/html';
import type { Language } from '../team/member-directory';

/** The page a Done or Snooze link opens: what happened, in the owner's language. Pure HTML. */
export type ActionOutcome =
  | { kind: 'done' | 'snoozed'; item: string; until?: string }
  | { kind: 'refused'; reason: 'malformed' | 'forged' | 'expired' | 'used' | 'gone' | 'reassigned' | 'already' | 'changed' | 'busy'; item?: string; detail?: string };

const texts = {
  en: {
    title: 'Rapport',
    done: (item: string) => `Done: ${item}`,
    snoozed: (item: string, until: string) => `Snoozed until ${until}: ${item}`,
    synced: 'Everyone on the team sees it at their next sync.',
    refused: {
      malformed: 'This link is not a Rapport link, or it was cut short by the mail program. Open the sheet instead.',
      forged: 'This link was not made by this sheet, so it does nothing.',
      expired: 'This link has expired (links work for 14 days). Tomorrow’s digest has fresh ones.',
      used: 'This link was already used. Each Done or Snooze link works once.',
      gone: 'This item is no longer in the sheet (it was deleted).',
      reassigned: 'This item now belongs to someone else, so the link does nothing.',
      already: 'This was already done.',
      changed: 'Someone changed this item in the sheet just now, so the link did nothing. Open the sheet to see it.',
      busy: 'The sheet is busy syncing. Please open the link again in a minute.',
    },
    open: 'Open the sheet',
  },
  de: {
    title: 'Rapport',
    done: (item: string) => `Erledigt: ${item}`,
    snoozed: (item: string, until: string) => `Verschoben auf ${until}: ${item}`,
    synced: 'Alle im Team sehen es bei ihrer nächsten Synchronisierung.',
    refused: {
      malformed: 'Dieser Link ist kein Rapport-Link oder wurde vom Mailprogramm abgeschnitten. Öffne stattdessen das Sheet.',
      forged: 'Dieser Link stammt nicht von diesem Sheet und bewirkt nichts.',
      expired: 'Dieser Link ist abgelaufen (Links gelten 14 Tage). Die nächste Übersicht bringt neue.',
      used: 'Dieser Link wurde schon benutzt. Jeder Erledigt- oder Später-Link wirkt einmal.',
      gone: 'Diesen Eintrag gibt es im Sheet nicht mehr (er wurde gelöscht).',
      reassigned: 'Dieser Eintrag gehört jetzt jemand anderem; der Link bewirkt nichts.',
      already: 'Das war schon erledigt.',
      changed: 'Jemand hat diesen Eintrag gerade im Sheet geändert; der Link hat nichts bewirkt. Öffne das Sheet, um ihn zu sehen.',
      busy: 'Das Sheet synchronisiert gerade. Bitte öffne den Link in einer Minute noch einmal.',
    },
    open: 'Sheet öffnen',
  },
} as const;


export function actionPage(outcome: ActionOutcome, language: Language, sheetUrl: string): { title: string; html: string; ok: boolean } {
  const t = texts[language];
  const ok = outcome.kind !== 'refused';
  const headline = outcome.kind === 'refused' ? t.refused[outcome.reason] : outcome.kind === 'done' ? t.done(outcome.item) : t.snoozed(outcome.item, outcome.until ?? '');
  const detail = outcome.kind === 'refused' ? (outcome.detail ?? '') : t.synced;
  const html =
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.title)}</title></head>` +
    `<body style="margin:0;font:15px/1.5 Arial,Helvetica,sans-serif;color:#202124;background:#f8f9fa">` +
    `<main style="max-width:520px;margin:48px auto;padding:24px 28px;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(60,64,67,.3)">` +
    `<p style="font-size:13px;color:#5f6368;margin:0 0 8px">Rapport</p>` +
    `<h1 data-outcome="${ok ? 'ok' : 'refused'}" style="font-size:20px;margin:0 0 12px;color:${ok ? '#137333' : '#a50e0e'}">${ok ? '✓ ' : ''}${escape(headline)}</h1>` +
    (detail ? `<p style="margin:0 0 16px;color:#3c4043">${escape(detail)}</p>` : '') +
    `<a href="${escape(sheetUrl)}" style="color:#1a73e8">${escape(t.open)}</a></main></body></html>`;
  return { title: t.title, html, ok };
}
