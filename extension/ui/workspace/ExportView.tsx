import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Contact } from '../../../shared/records';
import { backupAll, restoreBackup } from '../../db/backup';
import { readBackup, type Backup } from '../../workspace/export/backup';
import { download } from './download';
import { useWorkspace } from './workspace-store';

type Scope = 'all' | 'list' | 'selected';

/** CSV and vCard of everyone, the current list or the selection; a full backup and its restore. */
export function ExportView() {
  const ws = useWorkspace();
  const { t, fmt, db } = ws;
  const total = useSignal(0);
  const scope = useSignal<Scope>('all');
  const restore = useSignal<{ backup: Backup; counts: Record<string, number> } | null>(null);
  const problems = useSignal<string[]>([]);
  const message = useSignal('');
  useEffect(() => void ws.index.count().then((n) => (total.value = n)), [ws.dataVersion.value]);

  async function contacts(): Promise<Contact[]> {
    if (scope.value === 'all') return (await db.contacts.toArray()).filter((c) => !c.deleted);
    const ids = scope.value === 'list' ? await ws.index.ids(ws.query.value) : [...ws.selected.value];
    return (await db.contacts.bulkGet(ids)).filter((c): c is Contact => !!c && !c.deleted);
  }

  async function exportAs(format: 'csv' | 'vcard') {
    const list = await contacts();
    const day = ws.today();
    if (format === 'csv') {
      const { contactsCsv } = await import('../../workspace/export/contacts-csv');
      download(`rapport-contacts-${day}.csv`, `\uFEFF${contactsCsv(list)}`, 'text/csv;charset=utf-8');
    } else {
      const { contactsVcard } = await import('../../workspace/export/contacts-vcard');
      download(`rapport-contacts-${day}.vcf`, contactsVcard(list), 'text/vcard;charset=utf-8');
    }
  }

  async function chooseBackup(file: File) {
    restore.value = null;
    problems.value = [];
    message.value = '';
    const read = readBackup(await file.text());
    if (!read.ok) problems.value = read.problems;
    else restore.value = { backup: read.backup, counts: read.counts };
  }

  async function runRestore() {
    if (!restore.value) return;
    try {
      const count = await restoreBackup(db, restore.value.backup);
      message.value = t('restoreDone', { count: fmt.count(count) });
      restore.value = null;
      ws.changed();
    } catch (error) {
      problems.value = [error instanceof Error ? error.message : String(error)];
    }
  }

  const scopes: [Scope, number][] = [['all', total.value], ['list', ws.listCount.value], ['selected', ws.selected.value.size]];
  return (
    <section class="export-page" aria-labelledby="export-title">
      <header class="page-head"><h1 id="export-title">{t('exportTitle')}</h1></header>
      <div class="panel">
        <fieldset class="choices">
          <legend>{t('exportScope')}</legend>
          {scopes.map(([s, n]) => (
            <label key={s} class="check"><input type="radio" name="scope" value={s} checked={scope.value === s} disabled={n === 0 && s !== 'all'} onChange={() => (scope.value = s)} />{t(`scope_${s}`, { count: fmt.count(n) })}</label>
          ))}
        </fieldset>
        <div class="actions">
          <button type="button" class="primary" onClick={() => void exportAs('csv')}>{t('exportCsv')}</button>
          <button type="button" onClick={() => void exportAs('vcard')}>{t('exportVcard')}</button>
        </div>
        <p class="hint">{t('exportHint')}</p>
      </div>
      <div class="panel">
        <h2>{t('backupTitle')}</h2>
        <p class="hint">{t('backupHint')}</p>
        <button type="button" onClick={() => void backupAll(db).then((b) => download(`rapport-backup-${ws.today()}.json`, JSON.stringify(b), 'application/json'))}>{t('backupDownload')}</button>
      </div>
      <div class="panel">
        <h2>{t('restoreTitle')}</h2>
        <p class="hint">{t('restoreHint')}</p>
        <label class="field file"><span>{t('restoreChoose')}</span>
          <input type="file" name="backupFile" accept=".json,application/json" onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void chooseBackup(f); }} /></label>
        {restore.value && (
          <div>
            <p>{t('restoreReady', { contacts: fmt.count(restore.value.counts.contacts ?? 0), interactions: fmt.count(restore.value.counts.interactions ?? 0), deals: fmt.count(restore.value.counts.deals ?? 0), followUps: fmt.count(restore.value.counts.followUps ?? 0) })}</p>
            <button type="button" class="primary" onClick={() => void runRestore()}>{t('restoreGo')}</button>
          </div>
        )}
        {problems.value.length > 0 && (
          <div class="problem" role="alert"><p>{t('restoreProblems')}</p><ul>{problems.value.slice(0, 20).map((p) => <li key={p}>{p}</li>)}</ul></div>
        )}
        {message.value && <p class="notice" role="status" data-testid="restore-result">{message.value}</p>}
      </div>
    </section>
  );
}
