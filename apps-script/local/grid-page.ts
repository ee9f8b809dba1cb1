import { columnLetters } from '../../shared/a1-notation.ts';
import type { WorkbookJson } from './workbook-json.ts';

/**
 * The local sheet's page: one tab at a time as a grid of inputs a teammate can edit. Cells show
 * what a person would type (so "'007" is text and "=A1" a formula); a change is POSTed to
 * /api/cell. All cell text is escaped — cells hold text copied from web pages and emails.
 */
export const ROWS_PER_PAGE = 200;
const EXTRA_ROWS = 5;
const EXTRA_COLUMNS = 2;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export interface GridPageInput {
  workbook: WorkbookJson;
  sheet: string | undefined;
  /** first row shown, 1-based */
  from: number;
  mutations: number;
  nonce: string;
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
  const head = Array.from({ length: columns }, (_, c) => `<th${hidden.has(c + 1) ? ' class="hidden" title="hidden column"' : ''}>${columnLetters(c + 1)}</th>`).join('');
  const body: string[] = [];
  for (let r = first; r <= last; r++) {
    const cells = Array.from({ length: columns }, (_, c) => {
      const value = rows[r - 1]?.[c] ?? '';
      const text = value === null ? '' : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
      return `<td${hidden.has(c + 1) ? ' class="hidden"' : ''}><input data-row="${r}" data-column="${c + 1}" value="${escapeHtml(text)}" aria-label="${columnLetters(c + 1)}${r}"></td>`;
    });
    body.push(`<tr><th>${r}</th>${cells.join('')}</tr>`);
  }
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
td input { border: 0; padding: 3px 5px; width: 11em; font: inherit; }
.hidden, .hidden input { background: #eee; color: #888; }
</style>
</head>
<body data-sheet="${escapeHtml(current ?? '')}" data-mutations="${mutations}">
<header>${tabs} <span id="status"></span> ${pager}</header>
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
document.addEventListener('change', async (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.dataset.row) return;
  const cell = { sheet, row: Number(input.dataset.row), column: Number(input.dataset.column), value: input.value };
  show('Saving ' + input.getAttribute('aria-label') + '…');
  try {
    const response = await fetch('/api/cell', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cell) });
    const answer = await response.json();
    if (!response.ok) return show(answer.error || 'Not saved', true);
    input.value = answer.typed === null ? '' : String(answer.typed);
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
