/**
 * Charts drawn on the server as SVG (no chart library in the browser). Each chart is an image with a
 * title and a description for screen readers; the page shows the same figures as a table beside it,
 * which is the chart's text alternative. Values are plain numbers; `format` turns one into its label.
 */

/** One line (or one colour of bars): its name and a value per category. */
export interface ChartSeries {
  label: string;
  values: readonly number[];
}

export interface ChartInput {
  /** Unique on the page: the SVG's title and description are referred to by it. */
  id: string;
  title: string;
  /** One sentence on what the chart shows, read out instead of the picture. */
  description: string;
  /** The x axis: a label per value (months, years, bands). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** A value as shown on the axis; plain numbers when absent. */
  format?: (value: number) => string;
  /** The top of the y axis; the largest value (rounded up) when absent. Use 1 for rates. */
  max?: number;
}

/** Colours of the series, in order: dark enough against white for text and lines (WCAG 3:1 for graphics). */
export const SERIES_COLOURS = ['#0b5394', '#a34700', '#1d6b2f', '#6a1b9a', '#4a4a4a'] as const;

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 48, left: 72 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
const TICKS = 4;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A round top for the axis: 1, 2 or 5 times a power of ten at or above the largest value. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function frame(input: ChartInput, body: string, top: number): string {
  const format = input.format ?? ((value: number) => String(value));
  const id = escapeXml(input.id);
  const grid: string[] = [];
  for (let tick = 0; tick <= TICKS; tick += 1) {
    const value = (top * tick) / TICKS;
    const y = MARGIN.top + PLOT_HEIGHT - (PLOT_HEIGHT * tick) / TICKS;
    grid.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y}" y2="${y}" class="chart-grid"/>`,
      `<text x="${MARGIN.left - 6}" y="${y + 4}" text-anchor="end" class="chart-axis">${escapeXml(format(value))}</text>`,
    );
  }
  const step = PLOT_WIDTH / Math.max(input.categories.length, 1);
  // At most about twelve labels fit under the axis; with more, every n-th is shown.
  const every = Math.max(1, Math.ceil(input.categories.length / 12));
  const labels = input.categories
    .map((category, index) =>
      index % every === 0
        ? `<text x="${MARGIN.left + step * (index + 0.5)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle" class="chart-axis">${escapeXml(category)}</text>`
        : '',
    )
    .join('');
  const legend =
    input.series.length > 1
      ? input.series
          .map(
            (series, index) =>
              `<g transform="translate(${MARGIN.left + index * 160},${HEIGHT - 12})"><rect width="12" height="12" y="-10" fill="${SERIES_COLOURS[index % SERIES_COLOURS.length]}"/><text x="18" class="chart-axis">${escapeXml(series.label)}</text></g>`,
          )
          .join('')
      : '';
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${escapeXml(input.title)}</title><desc id="${id}-desc">${escapeXml(input.description)}</desc>` +
    grid.join('') +
    body +
    labels +
    legend +
    `</svg>`
  );
}

function topOf(input: ChartInput): number {
  return input.max ?? niceMax(Math.max(0, ...input.series.flatMap((series) => series.values)));
}

function yOf(value: number, top: number): number {
  return MARGIN.top + PLOT_HEIGHT - (PLOT_HEIGHT * Math.max(0, Math.min(value, top))) / top;
}

/** Bars per category, one per series side by side (occupancy by month, hours by kind, rent against interest by year). */
export function barChart(input: ChartInput): string {
  const top = topOf(input);
  const step = PLOT_WIDTH / Math.max(input.categories.length, 1);
  const groupWidth = step * 0.8;
  const barWidth = groupWidth / Math.max(input.series.length, 1);
  const bars = input.series
    .flatMap((series, seriesIndex) =>
      series.values.map((value, index) => {
        const x = MARGIN.left + step * index + (step - groupWidth) / 2 + barWidth * seriesIndex;
        const y = yOf(value, top);
        return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(MARGIN.top + PLOT_HEIGHT - y).toFixed(1)}" fill="${SERIES_COLOURS[seriesIndex % SERIES_COLOURS.length]}"/>`;
      }),
    )
    .join('');
  return frame(input, bars, top);
}

/** A line per series through its values (a trend over months), each value marked with a dot. */
export function lineChart(input: ChartInput): string {
  const top = topOf(input);
  const step = PLOT_WIDTH / Math.max(input.categories.length, 1);
  const lines = input.series
    .map((series, seriesIndex) => {
      const colour = SERIES_COLOURS[seriesIndex % SERIES_COLOURS.length];
      const points = series.values.map(
        (value, index) => `${(MARGIN.left + step * (index + 0.5)).toFixed(1)},${yOf(value, top).toFixed(1)}`,
      );
      const dots = points.map((point) => {
        const [cx, cy] = point.split(',');
        return `<circle cx="${cx}" cy="${cy}" r="3" fill="${colour}"/>`;
      });
      return `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.join(' ')}"/>${dots.join('')}`;
    })
    .join('');
  return frame(input, lines, top);
}
