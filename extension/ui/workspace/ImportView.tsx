import { useSignal } from '@preact/signals';
import { importContacts, ImportCancelled, planImport, type DuplicateChoice, type ImportPlan } from '../../db/import-contacts';
import type { ExportKind } from '../../workspace/import/column-guesses';
import type { CsvTable } from '../../workspace/import/csv-file';
import { importTargets, type CheckedRow, type ImportTarget, type RowProblem } from '../../workspace/import/import-fields';
import { translated, type WorkspaceTranslate } from './workspace-i18n';
import { ImportAdding } from './ImportAdding';
import { useWorkspace } from './workspace-store';

/** Text of a file: UTF-8, or Windows-1252 where UTF-8 does not fit (older Outlook and Excel exports). */
async function fileText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export const problemText = (t: WorkspaceTranslate, problem: RowProblem) =>
  t(`problem_${problem.key}`, { value: problem.key === 'tooLong' || problem.key === 'tooMany' ? translated(t, 'field_', problem.value ?? '') : problem.value ?? '' });

/** CSV with a column-mapping preview, or vCard; a report of good, bad and duplicate rows; an import that is whole or nothing. */
export function ImportView() {
  const ws = useWorkspace();
  const { t, fmt, db } = ws;
  const fileName = useSignal('');
  const problem = useSignal('');
  const table = useSignal<CsvTable | null>(null);
  const kind = useSignal<ExportKind | 'vcard'>('csv');
  const mapping = useSignal<(ImportTarget | '')[]>([]);
  const checked = useSignal<CheckedRow[] | null>(null);
  const unreadable = useSignal<{ line: number; detail: string }[]>([]);
  const plan = useSignal<ImportPlan | null>(null);
  const choice = useSignal<DuplicateChoice>('skip');
  const busy = useSignal(false);
  const progress = useSignal<{ done: number; total: number } | null>(null);
  const result = useSignal('');
  const controller = useSignal<AbortController | null>(null);

  function reset() {
    problem.value = '';
    table.value = null;
    checked.value = null;
    plan.value = null;
    result.value = '';
    unreadable.value = [];
  }

  async function choose(file: File) {
    reset();
    fileName.value = file.name;
    busy.value = true;
    try {
      const text = await fileText(file);
      if (/\.(vcf|vcard)$/i.test(file.name) || /^\s*BEGIN:VCARD/i.test(text)) {
        const { readVcards } = await import('../../workspace/import/vcard-file');
        const read = readVcards(text);
        kind.value = 'vcard';
        unreadable.value = read.unreadable;
        await check(read.rows);
        return;
      }
      const { readCsv } = await import('../../workspace/import/csv-file');
      const { guessColumns, exportKind } = await import('../../workspace/import/column-guesses');
      const read = readCsv(text);
      if (!read.ok) {
        problem.value = read.reason === 'empty' ? t('fileEmpty') : read.reason === 'noHeader' ? t('fileNoHeader') : t('fileUnreadable', { detail: read.detail ?? '' });
        return;
      }
      table.value = read.table;
      kind.value = exportKind(read.table.headers);
      mapping.value = guessColumns(read.table.headers, read.table.rows.slice(0, 5).map((r) => r.cells));
    } finally {
      busy.value = false;
    }
  }

  async function check(rows?: CheckedRow[]) {
    busy.value = true;
    try {
      let all = rows;
      if (!all && table.value) {
        const { checkCsvRows } = await import('../../workspace/import/csv-file');
        all = checkCsvRows(table.value, mapping.value);
      }
      checked.value = all ?? [];
      plan.value = await planImport(db, checked.value, await ws.neverLog());
    } finally {
      busy.value = false;
    }
  }

  async function run() {
    if (!plan.value) return;
    const abort = new AbortController();
    controller.value = abort;
    progress.value = { done: 0, total: plan.value.rows.length };
    try {
      const done = await importContacts(db, plan.value.rows, choice.value, await ws.author(), { signal: abort.signal, onProgress: (p) => (progress.value = p) });
      if (done.created + done.updated > 0) {
        void ws.addImports({ done: 0, total: done.created + done.updated });
        // The service worker adds parts too, and carries on if this page is closed.
        ws.changed();
      }
      result.value = t('importDone', { created: fmt.count(done.created), updated: fmt.count(done.updated), skipped: fmt.count(done.skipped) });
      plan.value = null;
      checked.value = null;
      table.value = null;
    } catch (error) {
      result.value = error instanceof ImportCancelled ? t('importCancelled') : t('importFailed', { message: error instanceof Error ? error.message : String(error) });
    } finally {
      progress.value = null;
      controller.value = null;
    }
  }

  const duplicates = plan.value?.rows.filter((r) => r.duplicate) ?? [];
  /** The column's first three values: found by reading down only as far as needed (this renders on every progress step of a 100,000-row import). */
  const samples = (column: number) => {
    const found: string[] = [];
    for (const row of table.value?.rows ?? []) {
      const value = row.cells[column] ?? '';
      if (value.trim()) found.push(value);
      if (found.length === 3) break;
    }
    return found.join(' · ');
  };
  return (
    <section class="import-page" aria-labelledby="import-title">
      <header class="page-head"><h1 id="import-title">{t('importTitle')}</h1></header>
      <div class="panel">
        <label class="field file">
          <span>{t('importChoose')}</span>
          <input type="file" name="importFile" accept=".csv,.txt,.vcf,.vcard,text/csv,text/vcard" disabled={!!progress.value || !!ws.importing.value}
            onChange={(e) => { const file = e.currentTarget.files?.[0]; if (file) void choose(file); }} />
        </label>
        <p class="hint">{t('importHint')}</p>
        {problem.value && <p class="problem" role="alert">{problem.value}</p>}
        {result.value && <p class="notice" role="status" data-testid="import-result" data-state={ws.importing.value ? 'adding' : 'added'}>{result.value}</p>}
        <ImportAdding />
      </div>
      {table.value && (
        <div class="panel">
          <p data-testid="import-kind">{kind.value === 'csv' ? t('importKind_csv', { columns: table.value.headers.length }) : translated(t, 'importKind_', kind.value)}</p>
          <table class="mapping">
            <caption>{t('importMapping')}</caption>
            <thead><tr><th>{t('importColumn')}</th><th>{t('importField')}</th><th>{t('importSamples')}</th></tr></thead>
            <tbody>
              {table.value.headers.map((header, i) => (
                <tr key={i}>
                  <th scope="row">{header}</th>
                  <td>
                    <select aria-label={`${t('importField')}: ${header}`} data-column={header} value={mapping.value[i] ?? ''}
                      onChange={(e) => { const next = [...mapping.value]; next[i] = e.currentTarget.value as ImportTarget | ''; mapping.value = next; plan.value = null; }}>
                      <option value="">{t('importIgnore')}</option>
                      {importTargets.map((target) => <option key={target} value={target}>{translated(t, 'field_', target)}</option>)}
                    </select>
                  </td>
                  <td class="muted ellipsis">{samples(i)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" class="primary" disabled={busy.value} onClick={() => void check()}>
            {busy.value ? t('importChecking') : t('importCheck', { count: fmt.count(table.value.rows.length) })}
          </button>
        </div>
      )}
      {kind.value === 'vcard' && checked.value && <p data-testid="import-kind">{t('importKind_vcard', { count: fmt.count(checked.value.length + unreadable.value.length) })}</p>}
      {plan.value && (
        <div class="panel" data-testid="import-report">
          <p><strong>{t('importReport', { good: fmt.count(plan.value.rows.length), bad: fmt.count(plan.value.bad.length + unreadable.value.length), duplicates: fmt.count(duplicates.length) })}</strong></p>
          {(plan.value.bad.length > 0 || unreadable.value.length > 0) && (
            <table class="report" data-testid="bad-rows">
              <caption>{t('importBad')}</caption>
              <thead><tr><th>{t('importLine')}</th><th>{t('importReason')}</th></tr></thead>
              <tbody>
                {unreadable.value.map((u) => <tr key={`u${u.line}`}><td>{u.line}</td><td>{t('unreadableCard', { line: u.line, detail: u.detail })}</td></tr>)}
                {plan.value.bad.slice(0, 500).map((row) => <tr key={row.line}><td>{row.line}</td><td>{row.problems.map((p) => problemText(t, p)).join('; ')}</td></tr>)}
              </tbody>
            </table>
          )}
          {duplicates.length > 0 && (
            <>
              <table class="report" data-testid="duplicate-rows">
                <caption>{t('importDuplicates')}</caption>
                <thead><tr><th>{t('importLine')}</th><th>{t('colName')}</th><th>{t('importReason')}</th></tr></thead>
                <tbody>
                  {duplicates.slice(0, 500).map((row) => (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      <td>{`${row.draft.firstName ?? ''} ${row.draft.lastName ?? ''}`.trim() || row.draft.emails?.[0]}</td>
                      <td>{row.duplicate!.kind === 'existing'
                        ? t('duplicateOfExisting', { by: t(`by_${row.duplicate!.by}`), name: row.duplicate!.name })
                        : t('duplicateOfLine', { line: row.duplicate!.line })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <fieldset class="choices">
                <legend>{t('duplicateChoice')}</legend>
                {(['skip', 'update', 'new'] as const).map((c) => (
                  <label key={c} class="check"><input type="radio" name="duplicates" value={c} checked={choice.value === c} onChange={() => (choice.value = c)} />{t(`duplicate_${c}`)}</label>
                ))}
              </fieldset>
            </>
          )}
          {progress.value ? (
            <div class="progress">
              <progress max={progress.value.total} value={progress.value.done} aria-label={t('importProgress', { done: progress.value.done, total: progress.value.total })} />
              <span role="status">{t('importProgress', { done: fmt.count(progress.value.done), total: fmt.count(progress.value.total) })}</span>
              <button type="button" onClick={() => controller.value?.abort()}>{t('importCancel')}</button>
            </div>
          ) : (
            <button type="button" class="primary" disabled={plan.value.rows.length === 0} onClick={() => void run()}>
              {t('importGo', { count: fmt.count(plan.value.rows.filter((r) => !r.duplicate || choice.value !== 'skip').length) })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
