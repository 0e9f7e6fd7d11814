/**
 * Charts as inline SVG, drawn here rather than by a charting library: three simple bar charts
 * whose every number is already in a table beside them, and an HTML page that must work offline
 * with nothing but itself. Each chart is an accessible image: role="img", a <title> and a <desc>
 * it is labelled by, and a <title> tooltip per bar. Bars carry classes (`bar`, `bar-assessed`,
 * `bar-recognised`, `progress-fill`) that tests count. No text is smaller than 11 px.
 */
import type { CriterionFigures, UnitFigures } from '../model.js';
import type { TargetProgress } from '../targets/progress.js';
import { escapeHtml as esc } from './escape.js';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

interface ChartText {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
}

function open(text: ChartText, width: number, height: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${esc(text.id)}" role="img" ` +
    `aria-labelledby="${esc(text.id)}-title ${esc(text.id)}-desc" viewBox="0 0 ${width} ${height}" ` +
    // Drawn at its natural size, never scaled down: its text stays at the 11–12 px it is written
    // in. On a narrow screen the chart's own box scrolls sideways instead (html.ts).
    `width="${width}" height="${height}">` +
    `<title id="${esc(text.id)}-title">${esc(text.title)}</title><desc id="${esc(text.id)}-desc">${esc(text.desc)}</desc>`
  );
}

/** Pass rate per criterion: one horizontal bar per criterion with a rate, coloured by standard. */
export function criteriaChart(criteria: readonly CriterionFigures[], text: ChartText): string {
  const row = 18;
  const left = 56;
  const barWidth = 560;
  const top = 28;
  const width = left + barWidth + 70;
  const height = top + criteria.length * row + 12;
  const groups = [...new Set(criteria.map((c) => c.group))];
  const parts = [open(text, width, height)];
  // Grid every 20%, labelled above.
  for (let p = 0; p <= 100; p += 20) {
    const x = left + (barWidth * p) / 100;
    parts.push(
      `<line class="grid" x1="${x}" y1="${top - 6}" x2="${x}" y2="${height - 8}" stroke="#c8c8c8" stroke-width="1"/>`,
    );
    parts.push(`<text x="${x}" y="${top - 10}" font-size="11" text-anchor="middle" fill="#444">${p}%</text>`);
  }
  criteria.forEach((c, i) => {
    const y = top + i * row;
    const colour = PALETTE[groups.indexOf(c.group) % PALETTE.length] ?? PALETTE[0];
    parts.push(`<text x="${left - 8}" y="${y + 13}" font-size="12" text-anchor="end" fill="#222">${esc(c.id)}</text>`);
    if (c.percent === null) {
      parts.push(`<text x="${left + 4}" y="${y + 13}" font-size="11" fill="#666">—</text>`);
      return;
    }
    const w = (barWidth * c.percent) / 100;
    parts.push(
      `<rect class="bar" x="${left}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 6}" fill="${colour}">` +
        `<title>${esc(`${c.id}: ${c.percent}% (${c.pass}/${c.applicable})`)}</title></rect>`,
    );
    parts.push(`<text x="${(left + w + 4).toFixed(1)}" y="${y + 13}" font-size="11" fill="#222">${c.percent}%</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Areas assessed (light) and recognised (dark) per ward/commune. */
export function unitsChart(
  units: readonly UnitFigures[],
  names: (unit: string) => string,
  text: ChartText,
  legend: { assessed: string; recognised: string },
): string {
  const row = 30;
  const left = 190;
  const barWidth = 440;
  const top = 34;
  const width = left + barWidth + 80;
  const height = top + units.length * row + 10;
  const most = Math.max(1, ...units.map((u) => u.assessed));
  const parts = [open(text, width, height)];
  parts.push(
    `<g class="legend" font-size="12" fill="#222"><rect x="${left}" y="6" width="14" height="12" fill="#c6dbef"/>` +
      `<text x="${left + 20}" y="16">${esc(legend.assessed)}</text>` +
      `<rect x="${left + 150}" y="6" width="14" height="12" fill="#08519c"/><text x="${left + 170}" y="16">${esc(legend.recognised)}</text></g>`,
  );
  units.forEach((u, i) => {
    const y = top + i * row;
    const assessed = (barWidth * u.assessed) / most;
    const recognised = (barWidth * u.recognised) / most;
    parts.push(
      `<text x="${left - 8}" y="${y + 18}" font-size="12" text-anchor="end" fill="#222">${esc(names(u.unit))}</text>`,
    );
    parts.push(
      `<rect class="bar-assessed" x="${left}" y="${y + 4}" width="${assessed.toFixed(1)}" height="${row - 8}" fill="#c6dbef">` +
        `<title>${esc(`${names(u.unit)}: ${u.assessed} ${legend.assessed}`)}</title></rect>`,
    );
    parts.push(
      `<rect class="bar-recognised" x="${left}" y="${y + 8}" width="${recognised.toFixed(1)}" height="${row - 16}" fill="#08519c">` +
        `<title>${esc(`${names(u.unit)}: ${u.recognised} ${legend.recognised}`)}</title></rect>`,
    );
    parts.push(
      `<text x="${(left + assessed + 6).toFixed(1)}" y="${y + 18}" font-size="12" fill="#222">${u.recognised}/${u.assessed}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** One progress bar per target: achieved out of required, a full bar when met. */
export function targetsChart(
  progress: readonly TargetProgress[],
  labels: readonly string[],
  text: ChartText,
  noData: string,
): string {
  const row = 46;
  const left = 16;
  const barWidth = 640;
  const top = 8;
  // Room on the right for "12 / 22" or the words for "no data".
  const width = left + barWidth + 12 + Math.max(90, 7.5 * noData.length);
  const height = top + progress.length * row + 6;
  const parts = [open(text, width, height)];
  progress.forEach((p, i) => {
    const y = top + i * row;
    const share = p.required === 0 ? 1 : Math.min(1, p.value / p.required);
    const colour = p.status === 'met' ? '#009E73' : p.status === 'no_data' ? '#9e9e9e' : '#D55E00';
    const label = labels[i] ?? p.id;
    const value = p.status === 'no_data' ? noData : `${p.value} / ${p.required}`;
    parts.push(`<text x="${left}" y="${y + 13}" font-size="12" fill="#222">${esc(label)}</text>`);
    parts.push(
      `<rect class="progress-track" x="${left}" y="${y + 20}" width="${barWidth}" height="16" rx="3" fill="#eeeeee" stroke="#bdbdbd"/>`,
    );
    parts.push(
      `<rect class="progress-fill" x="${left}" y="${y + 20}" width="${(barWidth * share).toFixed(1)}" height="16" rx="3" fill="${colour}">` +
        `<title>${esc(`${label}: ${value}`)}</title></rect>`,
    );
    parts.push(`<text x="${left + barWidth + 8}" y="${y + 33}" font-size="12" fill="#222">${esc(value)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
