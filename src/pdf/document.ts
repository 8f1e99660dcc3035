import { documentFonts } from './fonts.js';

export type Pdf = PDFKit.PDFDocument;

export const PAGE = { margin: 50, width: 595.28, height: 841.89 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

export interface PdfInfo {
  title: string;
  author: string;
  /** The document's own date (YYYY-MM-DD): the same data gives the same bytes, and readers see a real date. */
  date: string;
  /** A line at the foot of every page, followed by "pagina n van m". */
  footer?: string;
}

/**
 * An A4 document with the embedded fonts registered as 'regular' and 'bold'. `draw` lays out the
 * pages; the promise resolves with the finished file.
 */
export async function renderPdf(info: PdfInfo, draw: (doc: Pdf) => void): Promise<Buffer> {
  // Loaded with the first document rather than at boot, which most processes never need it for.
  const { default: PDFDocument } = await import('pdfkit');
  const fonts = await documentFonts();
  const date = new Date(`${info.date}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: { Title: info.title, Author: info.author, CreationDate: date, ModDate: date },
    compress: true,
    bufferPages: info.footer !== undefined,
    // pdfkit's default font is Helvetica, whose metrics it would parse for every document: start in ours.
    font: fonts.regular as unknown as string,
  });
  doc.registerFont('regular', fonts.regular as unknown as string);
  doc.registerFont('bold', fonts.bold as unknown as string);
  doc.font('regular').fontSize(10);
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      if (info.footer !== undefined) drawFooters(doc, info.footer);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

function drawFooters(doc: Pdf, footer: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    // Writing below the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - PAGE.margin + 12;
    doc
      .moveTo(PAGE.margin, y - 4)
      .lineTo(PAGE.width - PAGE.margin, y - 4)
      .lineWidth(0.5)
      .stroke();
    doc.font('regular').fontSize(7);
    doc.text(footer, PAGE.margin, y, { width: CONTENT_WIDTH - 70 });
    doc.text(`pagina ${index - start + 1} van ${count}`, PAGE.width - PAGE.margin - 70, y, { width: 70, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A table: bold header row, thin rule, one row per entry, each as tall as its tallest cell; breaks pages. */
export function drawTable(doc: Pdf, columns: Column[], rows: string[][], options: { fontSize?: number } = {}): void {
  const fontSize = options.fontSize ?? 9;
  const left = PAGE.margin;
  const drawRow = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(fontSize);
    const height = Math.max(...columns.map((column, index) => doc.heightOfString(cells[index] ?? '', { width: column.width - 4 }))) + 5;
    if (doc.y + height > PAGE.height - PAGE.margin) doc.addPage();
    const y = doc.y;
    let x = left;
    columns.forEach((column, index) => {
      doc.text(cells[index] ?? '', x + 2, y, { width: column.width - 4, align: column.align ?? 'left' });
      x += column.width;
    });
    doc.x = left;
    doc.y = y + height;
  };
  drawRow(
    columns.map((column) => column.header),
    'bold',
  );
  const ruleY = doc.y - 3;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + columns.reduce((sum, column) => sum + column.width, 0), ruleY)
    .lineWidth(0.5)
    .stroke();
  for (const row of rows) drawRow(row, 'regular');
  doc.font('regular').fontSize(10);
}
