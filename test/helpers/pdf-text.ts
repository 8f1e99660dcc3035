import { PDFParse } from 'pdf-parse';

/** The text of a PDF, as a reader would copy it out. */
export async function pdfText(bytes: Buffer | Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** The day a PDF says it was made, YYYY-MM-DD. */
export async function pdfCreationDay(bytes: Buffer | Uint8Array): Promise<string | undefined> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getInfo()).getDateNode().CreationDate?.toISOString().slice(0, 10);
  } finally {
    await parser.destroy();
  }
}
