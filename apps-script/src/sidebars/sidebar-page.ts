/**
 * The frame of Rapport's sidebars: Google's add-on look (Arial 13px, blue action buttons) without
 * loading anything from elsewhere, the page's data as JSON the page's script reads, and a helper
 * `call(name, ...args)` around google.script.run that returns a promise. Pure.
 */
import { escapeHtml } from '../../../shared/html';

/** JSON that can sit inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const STYLE = `
* { box-sizing: border-box; }
body { font: 13px/1.45 Arial, Helvetica, sans-serif; color: #202124; margin: 0; padding: 12px 12px 24px; background: #fff; }
h2 { font-size: 13px; font-weight: bold; margin: 18px 0 6px; color: #3c4043; text-transform: uppercase; letter-spacing: .04em; }
h2:first-child { margin-top: 0; }
p { margin: 0 0 8px; }
.muted { color: #5f6368; font-size: 12px; }
label { display: block; margin: 8px 0 2px; color: #3c4043; }
input[type=text], input[type=email], input[type=number], select, textarea { width: 100%; font: inherit; padding: 5px 7px; border: 1px solid #dadce0; border-radius: 4px; background: #fff; }
input:focus, select:focus, textarea:focus { outline: 2px solid #a8c7fa; border-color: #1a73e8; }
textarea { min-height: 52px; resize: vertical; }
.row { display: flex; gap: 6px; align-items: end; }
.row > * { flex: 1; }
.row > .narrow { flex: 0 0 auto; }
button { font: inherit; font-weight: bold; padding: 6px 12px; border-radius: 4px; border: 1px solid #dadce0; background: #fff; color: #1a73e8; cursor: pointer; }
button.action { background: #1a73e8; border-color: #1a73e8; color: #fff; }
button.danger { color: #c5221f; }
button:disabled { opacity: .5; cursor: default; }
.card { border: 1px solid #dadce0; border-radius: 6px; padding: 8px 10px; margin: 0 0 8px; }
.card .who { font-weight: bold; word-break: break-all; }
.secret { background: #fef7e0; border: 1px solid #f9d976; border-radius: 6px; padding: 10px; margin: 10px 0; }
code { display: block; font: 12px/1.35 "Roboto Mono", Consolas, monospace; background: #fff; border: 1px solid #e8eaed; border-radius: 4px; padding: 5px 6px; margin: 4px 0 6px; word-break: break-all; user-select: all; }
.status { min-height: 18px; margin-top: 8px; }
[data-problem]:empty { display: none; }
.error { color: #c5221f; }
.ok { color: #137333; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 0 8px; }
details { margin: 6px 0; }
summary { cursor: pointer; color: #1a73e8; }
`;

const CALL = `
const data = JSON.parse(document.getElementById('data').textContent);
function call(name, ...args) {
  return new Promise((resolve, reject) => google.script.run.withSuccessHandler(resolve).withFailureHandler(reject)[name](...args));
}
function esc(text) { return String(text).replace(/[&<>"']/g, (ch) => '&#' + ch.charCodeAt(0) + ';'); }
function show(id, text, kind) { const el = document.getElementById(id); el.textContent = text; el.className = 'status ' + (kind || ''); }
`;

export function sidebarPage(title: string, body: string, data: unknown, script: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><base target="_top"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
<script type="application/json" id="data">${scriptJson(data)}</script>
<script>${CALL}
${script}</script>
</body>
</html>
`;
}
