import { barChart, escapeXml, lineChart, niceMax } from './charts.js';

describe('charts drawn on the server', () => {
  const input = {
    id: 'occupancy',
    title: 'Bezetting per maand',
    description: 'Van 80% in januari naar 95% in maart.',
    categories: ['jan', 'feb', 'mrt'],
    series: [{ label: 'Bezetting', values: [0.8, 0.9, 0.95] }],
    format: (value: number) => `${Math.round(value * 100)}%`,
    max: 1,
  };

  it('are images named by their title and description, for screen readers', () => {
    const svg = barChart(input);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="occupancy-title occupancy-desc"/);
    expect(svg).toContain('<title id="occupancy-title">Bezetting per maand</title>');
    expect(svg).toContain('<desc id="occupancy-desc">Van 80% in januari naar 95% in maart.</desc>');
  });

  it('draw a bar per value, as tall as its share of the axis', () => {
    const heights = [...barChart(input).matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(heights).toHaveLength(3);
    expect(heights[2]! / heights[0]!).toBeCloseTo(0.95 / 0.8, 2);
    expect(barChart(input)).toContain('>100%</text>');
  });

  it('draw a line through every value, with a legend when there are several series', () => {
    const svg = lineChart({ ...input, series: [...input.series, { label: 'Doel', values: [0.9, 0.9, 0.9] }] });
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg).toContain('>Doel</text>');
  });

  it('escape what they are given, so a building called <script> stays text', () => {
    expect(barChart({ ...input, title: '<script>alert(1)</script>' })).not.toContain('<script>');
    expect(escapeXml(`a&b"'`)).toBe('a&amp;b&quot;&#39;');
  });

  it('round the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([niceMax(0), niceMax(7), niceMax(12), niceMax(180_000), niceMax(501)]).toEqual([1, 10, 20, 200_000, 1000]);
  });
});
