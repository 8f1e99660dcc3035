import { boundaryOf, isUploadedFile, parseMultipart } from './multipart.js';

const body = (boundary: string, parts: string[]) =>
  Buffer.from(parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('') + `--${boundary}--\r\n`);

describe('a form with a file, as a browser sends it', () => {
  it('reads the boundary, quoted or not', () => {
    expect(boundaryOf('multipart/form-data; boundary=----abc')).toBe('----abc');
    expect(boundaryOf('multipart/form-data; boundary="x y"')).toBe('x y');
    expect(boundaryOf('multipart/form-data')).toBeNull();
  });

  it('gives the text fields and the file with its bytes as sent', () => {
    const xml = '<?xml version="1.0"?>\r\n<Document>Łódź</Document>';
    const parsed = parseMultipart(
      body('----b', [
        'Content-Disposition: form-data; name="_csrf"\r\n\r\ntoken-1',
        `Content-Disposition: form-data; name="statement"; filename="camt.xml"\r\nContent-Type: text/xml\r\n\r\n${xml}`,
      ]),
      '----b',
    );
    expect(parsed._csrf).toBe('token-1');
    const file = parsed.statement;
    expect(isUploadedFile(file) && file.filename).toBe('camt.xml');
    expect(isUploadedFile(file) && file.contentType).toBe('text/xml');
    expect(isUploadedFile(file) && file.bytes.toString('utf8')).toBe(xml);
  });

  it('leaves out a file input left empty, and stops at a body cut short', () => {
    expect(
      parseMultipart(
        body('b', ['Content-Disposition: form-data; name="statement"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n']),
        'b',
      ),
    ).toEqual({});
    expect(parseMultipart(Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nhalf'), 'b')).toEqual({});
  });
});
