import type { FastifyReply } from 'fastify';
import type { DocumentFile } from './documents.service.js';

/** Answers with a stored file as it was stored; its sha256 is the ETag. */
export async function sendDocument(reply: FastifyReply, file: DocumentFile): Promise<void> {
  await reply
    .header('content-type', file.contentType)
    .header('content-disposition', `inline; filename="${file.filename}"`)
    .header('etag', `"${file.sha256}"`)
    .send(file.bytes);
}
