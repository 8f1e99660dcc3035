import QRCode from 'qrcode';
import type { Pdf } from './document.js';

/**
 * Draws a QR code of the text as filled squares, `size` points wide with the four-module quiet zone
 * the standard asks for inside it; vector, so it stays sharp when printed. Level M, as EPC069-12 asks.
 */
export function drawQrCode(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quietZone = 4;
  const moduleSize = size / (modules.size + 2 * quietZone);
  doc.save();
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) {
        doc.rect(x + (column + quietZone) * moduleSize, y + (row + quietZone) * moduleSize, moduleSize, moduleSize);
      }
    }
  }
  doc.fill('#000000').restore();
}
