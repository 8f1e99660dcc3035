import type { Test } from 'supertest';

/** A supertest body parser that keeps a binary answer (a PDF) as a Buffer. */
export const binary: Parameters<Test['parse']>[0] = (response, callback) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};
