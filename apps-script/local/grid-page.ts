import { columnLetters, parseA1 } from '../../shared/a1-notation.ts';
import { escapeHtml } from '../../shared/html.ts';
import { chartSvg } from './grid-charts.ts';
import type { WorkbookJson } from './workbook-json.ts';

/**
 * The local sheet's page: one tab at a time as a grid of inputs a teammate can edit. Cells show
 * what a person would type (so "'007" is text and "=A1" a formula); a change is POSTed to
 * /api/cell. All cell text is escaped — cells hold text copied from web pages and emails.
 */
export const ROWS_PER_PAGE = 200;
const EXTRA_ROWS = 5;
const EXTRA_COLUMNS = 2;


export interface GridPageInput {
  workbook: WorkbookJson;
  sheet: string | undefined;
  /** first row shown, 1-based */
  from: number;
  mutations: number;
  nonce: string;
}

/** Per cell ("row:column") of a tab: what is recorded for a block of A1 ranges. */
function byCell<T>(blocks: Record<string, T> | undefined, lastRow: number): Map<string, T> {
  const cells = new Map<string, T>();
  for (const [a1, value] of Object.entries(blocks ?? {})) {
    const range = parseA1(a1);
    if (!range) continue;
    for (let r = range.row; r <= Math.min(range.lastRow ?? lastRow, lastRow); r++) for (let c = range.column; c <= (range.lastColumn ?? range.column); c++) cells.set(`${r}:${c}`, value);
  }
  return cells;
}

/** A number as its format shows it (money and percentages); other values as typed. */
function shown(value: unknown, format: string | undefined): string | null {
  if (typeof value !== 'number' || !format) return null;
  const percent = /^0(\.(0+))?%$/.exec(format);
  if (percent) return `${(value * 100).toFixed(percent[2]?.length ?? 0)} %`;
  const money = /^#,##0\.00 "(.*)"$/.exec(format);
  if (money) return `${value.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${money[1]}`;
  return null;
}

export function renderGridPage({ workbook, sheet, from, mutations, nonce }: GridPageInput): string {
  const names = Object.keys(workbook.sheets);
  // Without a choice, open the first tab that holds anything (a new workbook's Sheet1 is empty).
  const current = sheet !== undefined && names.includes(sheet) ? sheet : (names.find((name) => (workbook.sheets[name]?.length ?? 0) > 0) ?? names[0]);
  const rows = workbook.sheets[current] ?? [];
  const hidden = new Set(workbook.hiddenColumns?.[current] ?? []);
  const columns = rows.reduce((max, row) => Math.max(max, row.length), 0) + EXTRA_COLUMNS;
  const first = Math.max(1, Math.min(from, rows.length + 1));
  const last = Math.min(first + ROWS_PER_PAGE - 1, rows.length + EXTRA_ROWS);
  const link = (name: string, start = 1) => `/?sheet=${encodeURIComponent(name)}${start > 1 ? `&from=${start}` : ''}`;

  const tabs = names
    .map((name) => (name === current ? `<strong>${escapeHtml(name)}</strong>` : `<a href="${escapeHtml(link(name))}">${escapeHtml(name)}</a>`))
    .join(' · ');
  const widths = workbook.columnWidths?.[current] ?? {};
  const head = Array.from({ length: columns }, (_, c) => {
    const width = widths[String(c + 1)];
    return `<th${hidden.has(c + 1) ? ' class="hidden" title="hidden column"' : ''}${width ? ` data-width="${width}"` : ''}>${columnLetters(c + 1)}</th>`;
  }).join('');
  const widthStyles = Object.entries(widths).map(([c, w]) => `td:nth-child(${Number(c) + 1}) input, td:nth-child(${Number(c) + 1}) select { width: ${w}px; }`).join('\n');
  const body: string[] = [];
  const validations = byCell(workbook.validations?.[current], last);
  const formats = byCell(workbook.numberFormats?.[current], last);
  for (let r = first; r <= last; r++) {
    const cells = Array.from({ length: columns }, (_, c) => {
      const value = rows[r - 1]?.[c] ?? '';
      const text = value === null ? '' : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
      const where = `data-row="${r}" data-column="${c + 1}" aria-label="${columnLetters(c + 1)}${r}"`;
      const rule = validations.get(`${r}:${c + 1}`);
      const cls = hidden.has(c + 1) ? ' class="hidden"' : '';
      if (rule?.type === 'VALUE_IN_LIST') {
        const items = (rule.values[0] as string[] | undefined) ?? [];
        const options = [...new Set(['', text, ...items])].map((item) => `<option${item === text ? ' selected' : ''}>${escapeHtml(item)}</option>`).join('');
        return `<td${cls}><select ${where}${rule.allowInvalid ? '' : ' data-strict'}>${options}</select></td>`;
      }
      if (rule?.type === 'CHECKBOX') return `<td${cls} class="check"><input type="checkbox" ${where}${value === true ? ' checked' : ''}></td>`;
      const display = shown(value, formats.get(`${r}:${c + 1}`));
      return `<td${cls}><input ${where} value="${escapeHtml(display ?? text)}"${display === null ? '' : ` data-raw="${escapeHtml(text)}" data-shown="${escapeHtml(display)}"`}></td>`;
    });
    body.push(`<tr><th>${r}</th>${cells.join('')}</tr>`);
  }
  const charts = (workbook.charts?.[current] ?? []).map((chart) => `<figure class="chart">${chartSvg(workbook, current!, chart)}</figure>`).join('');
  const pager = [
    first > 1 ? `<a href="${escapeHtml(link(current, Math.max(1, first - ROWS_PER_PAGE)))}">← rows ${Math.max(1, first - ROWS_PER_PAGE)}–${first - 1}</a>` : '',
    last < rows.length ? `<a href="${escapeHtml(link(current, last + 1))}">rows ${last + 1}– →</a>` : '',
  ].join(' ');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(current ?? 'Local sheet')} · Rapport local sheet</title>
<style nonce="${nonce}">
body { font: 13px system-ui, sans-serif; margin: 0; }
header { position: sticky; top: 0; background: #f1f3f4; padding: 8px 12px; border-bottom: 1px solid #ccc; z-index: 1; }
#status { margin-left: 1em; color: #555; }
#status.error { color: #b00020; }
table { border-collapse: collapse; }
th { background: #f8f9fa; font-weight: normal; color: #555; padding: 2px 6px; border: 1px solid #ddd; position: sticky; }
td { border: 1px solid #ddd; padding: 0; }
td input, td select { border: 0; padding: 3px 5px; width: 11em; font: inherit; background: transparent; }
td select { width: 11.6em; }
td.check { text-align: center; }
td.check input { width: auto; }
.hidden, .hidden input { background: #eee; color: #888; }
#charts { display: flex; flex-wrap: wrap; gap: 12px; padding: 12px; background: #f8f9fa; border-bottom: 1px solid #ddd; }
figure.chart { margin: 0; border: 1px solid #dadce0; border-radius: 6px; overflow: hidden; background: #fff; }
${widthStyles}
</style>
</head>
<body data-sheet="${escapeHtml(current ?? '')}" data-mutations="${mutations}">
<header>${tabs} <span id="status"></span> ${pager}</header>
${charts ? `<section id="charts" aria-label="Charts">${charts}</section>` : ''}
<table>
<thead><tr><th></th>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
<script nonce="${nonce}">
const sheet = document.body.dataset.sheet;
const status = document.getElementById('status');
const show = (text, error) => { status.textContent = text; status.className = error ? 'error' : ''; };
// Formatted numbers show as formatted; a person edits what they would type.
document.addEventListener('focusin', (event) => { const input = event.target; if (input.dataset && input.dataset.raw !== undefined) input.value = input.dataset.raw; });
document.addEventListener('focusout', (event) => { const input = event.target; if (input.dataset && input.dataset.shown !== undefined && input.value === input.dataset.raw) input.value = input.dataset.shown; });
document.addEventListener('change', async (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement || input instanceof HTMLSelectElement) || !input.dataset.row) return;
  const cell = { sheet, row: Number(input.dataset.row), column: Number(input.dataset.column), value: input.type === 'checkbox' ? (input.checked ? 'TRUE' : 'FALSE') : input.value };
  show('Saving ' + input.getAttribute('aria-label') + '…');
  try {
    const response = await fetch('/api/cell', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cell) });
    const answer = await response.json();
    if (!response.ok) return show(answer.error || 'Not saved', true);
    if (input.type !== 'checkbox') input.value = answer.typed === null ? '' : String(answer.typed);
    document.body.dataset.mutations = String(answer.mutations);
    show('Saved ' + input.getAttribute('aria-label'));
  } catch (error) {
    show('Not saved: ' + error, true);
  }
});
// Show changes made by syncs, unless someone is typing.
setInterval(async () => {
  if (document.activeElement instanceof HTMLInputElement) return;
  try {
    const { mutations } = await (await fetch('/api/version')).json();
    if (String(mutations) !== document.body.dataset.mutations) location.reload();
  } catch {}
}, 3000);
</script>
</body>
</html>
`;
}
