/** A file sent with a page's form. */
export interface UploadedFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** A `multipart/form-data` body: its text fields by name, and its files by the name of their input. */
export type MultipartBody = Record<string, string | UploadedFile>;

/** Whether a form value is a file the browser sent (a file input left empty sends a part with no name and no bytes). */
export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).bytes);
}

/** The boundary of a `multipart/form-data` content type, if it names one. */
export function boundaryOf(contentType: string | undefined): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2]!) : null;
}

/**
 * Reads a `multipart/form-data` body (RFC 7578) as browsers send a form with a file input: each part's
 * name, its filename if it is a file, and its bytes kept as they came. The pages take one small file
 * at a time (a bank statement), so the body is read whole; a body that is not well formed gives
 * what was read before the fault, and the page then says the file is missing.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const result: MultipartBody = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const headersStart = afterDelimiter + 2;
    const headersEnd = body.indexOf('\r\n\r\n', headersStart);
    if (headersEnd === -1) break;
    const next = body.indexOf(delimiter, headersEnd + 4);
    if (next === -1) break;
    // The part's content ends with the CRLF that comes before the next delimiter.
    const content = body.subarray(headersEnd + 4, next - 2);
    const headers = body.subarray(headersStart, headersEnd).toString('utf8');
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    if (name !== undefined && name !== '') {
      if (filename === undefined) result[name] = content.toString('utf8');
      else if (filename !== '' || content.length > 0) {
        const contentType = /content-type:\s*([^\r\n;]*)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
        result[name] = { filename, contentType, bytes: Buffer.from(content) };
      }
    }
    start = next;
  }
  return result;
}
