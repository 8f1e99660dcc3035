import { parentPort } from 'node:worker_threads';
import type { RenderThreadReply, RenderThreadRequest } from '../../pdf/render-pool.js';
import { type InvoiceRenderInput, type InvoiceRenderOutput, renderInvoiceDocuments } from './invoice-rendering.js';

// A render thread of the invoice documents pool: fonts are parsed once, by its first invoice.
const port = parentPort!;
port.on('message', (request: RenderThreadRequest<InvoiceRenderInput>) => {
  const reply = (message: RenderThreadReply<InvoiceRenderOutput>) => port.postMessage(message);
  if ('heap' in request) return reply({ id: request.id, heapUsed: process.memoryUsage().heapUsed });
  renderInvoiceDocuments(request.input).then(
    (output) => reply({ id: request.id, output }),
    (error: unknown) => reply({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
