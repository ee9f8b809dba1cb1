import { parseA1 } from '../../shared/a1-notation.ts';
import { escapeHtml as escape } from '../../shared/html.ts';
import type { WorkbookJson } from './workbook-json.ts';

/**
 * The embedded charts of a tab, drawn as SVG for the local sheet's grid page: column, bar, line
 * and pie charts over the ranges the workbook records (a header row, labels in the first column,
 * one series per further column). Enough to look at; Google draws its own. All text is escaped.
 */
const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];

type Chart = NonNullable<WorkbookJson['charts']>[string][number];

interface Series {
  labels: string[];
  names: string[];
  values: number[][];
}

/** The data of a chart's first range: labels from the first column, series from the others. */
function seriesOf(workbook: WorkbookJson, tab: string, range: string): Series {
  const parsed = parseA1(range);
  const rows = workbook.sheets[parsed?.sheetName ?? tab] ?? [];
  if (!parsed) return { labels: [], names: [], values: [] };
  const block = rows.slice(parsed.row - 1, parsed.lastRow ?? rows.length).map((row) => row.slice(parsed.column - 1, parsed.lastColumn ?? row.length));
  const [header = [], ...data] = block;
  const text = (cell: unknown) => String(cell ?? '').replace(/^'/, '');
  return {
    labels: data.map((row) => text(row[0])),
    names: header.slice(1).map(text),
    values: data.map((row) => row.slice(1).map((cell) => (typeof cell === 'number' ? cell : Number(cell) || 0))),
  };
}

const short = (n: number) => (Math.abs(n) >= 1000 ? `${Math.round(n / 100) / 10}k` : String(Math.round(n * 10) / 10));

export function chartSvg(workbook: WorkbookJson, tab: string, chart: Chart): string {
  const [width, height] = [Number(chart.options.width) || 480, Number(chart.options.height) || 300];
  const title = escape(String(chart.options.title ?? ''));
  const data = seriesOf(workbook, tab, chart.ranges[0] ?? '');
  const colors = Array.isArray(chart.options.colors) ? (chart.options.colors as string[]) : PALETTE;
  const head = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}" data-chart-type="${escape(chart.type)}"><rect width="100%" height="100%" fill="#fff"/><text x="12" y="22" font-size="14" font-weight="bold" fill="#202124">${title}</text>`;
  const body = chart.type === 'PIE' ? pie(data, width, height, Number(chart.options.pieHole) || 0) : bars(data, width, height, chart.type, Boolean(chart.options.isStacked), colors);
  return `${head}${body}</svg>`;
}

function bars(data: Series, width: number, height: number, type: string, stacked: boolean, colors: string[]): string {
  const [left, top, right, bottom] = [type === 'BAR' ? 100 : 44, 36, data.names.length > 1 ? 110 : 16, type === 'BAR' ? 20 : 44];
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const totals = data.values.map((row) => (stacked ? row.reduce((s, n) => s + Math.max(0, n), 0) : Math.max(0, ...row)));
  const max = Math.max(1, ...totals);
  const out: string[] = [];
  const n = Math.max(1, data.labels.length);
  const series = Math.max(1, data.names.length);
  data.values.forEach((row, i) => {
    let offset = 0;
    row.forEach((value, s) => {
      const share = Math.max(0, value) / max;
      const color = colors[s % colors.length];
      if (type === 'BAR') {
        const band = plotH / n;
        const thickness = stacked ? band * 0.7 : (band * 0.7) / series;
        const y = top + i * band + band * 0.15 + (stacked ? 0 : s * thickness);
        out.push(`<rect x="${left + offset}" y="${y}" width="${share * plotW}" height="${thickness}" fill="${color}"/>`);
        if (stacked) offset += share * plotW;
      } else if (type === 'LINE') {
        // drawn below as a path
      } else {
        const band = plotW / n;
        const thickness = stacked ? band * 0.7 : (band * 0.7) / series;
        const x = left + i * band + band * 0.15 + (stacked ? 0 : s * thickness);
        out.push(`<rect x="${x}" y="${top + plotH - share * plotH - offset}" width="${thickness}" height="${share * plotH}" fill="${color}"/>`);
        if (stacked) offset += share * plotH;
      }
    });
  });
  if (type === 'LINE') {
    for (let s = 0; s < series; s++) {
      const points = data.values.map((row, i) => `${left + (i + 0.5) * (plotW / n)},${top + plotH - (Math.max(0, row[s] ?? 0) / max) * plotH}`);
      out.push(`<polyline fill="none" stroke="${colors[s % colors.length]}" stroke-width="2" points="${points.join(' ')}"/>`);
    }
  }
  // axes, labels and the scale
  if (type === 'BAR') {
    out.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#9aa0a6"/>`);
    data.labels.forEach((label, i) => out.push(`<text x="${left - 6}" y="${top + (i + 0.5) * (plotH / n) + 4}" font-size="11" text-anchor="end" fill="#3c4043">${escape(label)}</text>`));
    out.push(`<text x="${left + plotW}" y="${height - 4}" font-size="10" text-anchor="end" fill="#5f6368">${short(max)}</text>`);
  } else {
    out.push(`<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#9aa0a6"/>`);
    const every = Math.ceil(n / Math.max(1, Math.floor(plotW / 64)));
    data.labels.forEach((label, i) => {
      if (i % every === 0) out.push(`<text x="${left + (i + 0.5) * (plotW / n)}" y="${top + plotH + 14}" font-size="10" text-anchor="middle" fill="#3c4043">${escape(label.length > 9 ? label.slice(0, 8) + '…' : label)}</text>`);
    });
    out.push(`<text x="${left - 4}" y="${top + 8}" font-size="10" text-anchor="end" fill="#5f6368">${short(max)}</text><text x="${left - 4}" y="${top + plotH}" font-size="10" text-anchor="end" fill="#5f6368">0</text>`);
  }
  if (data.names.length > 1) {
    data.names.forEach((name, s) => {
      const y = top + 6 + s * 16;
      out.push(`<rect x="${width - right + 12}" y="${y}" width="10" height="10" fill="${colors[s % colors.length]}"/><text x="${width - right + 26}" y="${y + 9}" font-size="11" fill="#3c4043">${escape(name)}</text>`);
    });
  }
  return out.join('');
}

function pie(data: Series, width: number, height: number, hole: number): string {
  const values = data.values.map((row) => Math.max(0, row[0] ?? 0));
  const total = values.reduce((s, n) => s + n, 0);
  const [cx, cy, r] = [Math.min(width - 150, height) / 2 + 10, (height + 26) / 2, Math.min(width - 170, height - 60) / 2];
  const out: string[] = [];
  if (total === 0) out.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="#e8eaed"/>`);
  let angle = -Math.PI / 2;
  values.forEach((value, i) => {
    if (value <= 0) return;
    const sweep = (value / total) * Math.PI * 2;
    const [x1, y1, x2, y2] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle), cx + r * Math.cos(angle + sweep), cy + r * Math.sin(angle + sweep)];
    const path = sweep >= Math.PI * 2 - 1e-9 ? `M ${cx - r} ${cy} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0` : `M ${cx} ${cy} L ${x1} ${y1} A ${r} ${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2} ${y2} Z`;
    out.push(`<path d="${path}" fill="${PALETTE[i % PALETTE.length]}"/>`);
    angle += sweep;
  });
  if (hole > 0) out.push(`<circle cx="${cx}" cy="${cy}" r="${r * hole}" fill="#fff"/>`);
  data.labels.forEach((label, i) => {
    const y = 50 + i * 18;
    const share = total > 0 ? ` ${Math.round((values[i]! / total) * 100)} %` : '';
    out.push(`<rect x="${width - 150}" y="${y}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/><text x="${width - 135}" y="${y + 9}" font-size="11" fill="#3c4043">${escape(label)}${share}</text>`);
  });
  return out.join('');
}
