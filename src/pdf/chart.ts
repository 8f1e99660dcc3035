import { CONTENT_WIDTH, PAGE, type Pdf } from './document.js';

export interface Bar {
  label: string;
  value: number;
  /** Drawn behind the bar, e.g. lettable m² behind let m². */
  outOf?: number;
  caption: string;
}

/** Horizontal bars with a label on the left and a caption on the right, scaled to the largest value. */
export function drawBarChart(doc: Pdf, title: string, bars: Bar[]): void {
  const rowHeight = 14;
  const labelWidth = 110;
  const captionWidth = 120;
  const barWidth = CONTENT_WIDTH - labelWidth - captionWidth - 10;
  const max = Math.max(1, ...bars.map((bar) => Math.max(bar.value, bar.outOf ?? 0)));
  if (doc.y + 20 + bars.length * rowHeight > PAGE.height - PAGE.margin) doc.addPage();
  doc.font('bold').fontSize(9).text(title, PAGE.margin, doc.y);
  doc.moveDown(0.3);
  doc.font('regular').fontSize(8);
  for (const bar of bars) {
    const y = doc.y;
    doc.fillColor('black').text(bar.label, PAGE.margin, y + 2, { width: labelWidth - 4, lineBreak: false, ellipsis: true });
    const x = PAGE.margin + labelWidth;
    if (bar.outOf !== undefined) doc.rect(x, y + 2, (bar.outOf / max) * barWidth, rowHeight - 5).fill('#dddddd');
    doc.rect(x, y + 2, Math.max(0.5, (bar.value / max) * barWidth), rowHeight - 5).fill('#2f6f9f');
    doc.fillColor('black').text(bar.caption, x + barWidth + 6, y + 2, { width: captionWidth, lineBreak: false });
    doc.x = PAGE.margin;
    doc.y = y + rowHeight;
  }
  doc.moveDown(0.5);
  doc.font('regular').fontSize(10);
}
