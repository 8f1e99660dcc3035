import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { RenderPool } from '../../pdf/render-pool.js';
import { type InvoiceRenderInput, type InvoiceRenderOutput, renderInvoiceDocuments } from './invoice-rendering.js';

/**
 * Renders invoice documents in a pool of worker threads sized by INVOICE_RENDER_THREADS (the
 * cores by default), so a run's PDFs are made on every core. The compiled worker script sits beside
 * this file; under jest (TypeScript sources) there is none and documents render in this thread.
 */
@Injectable()
export class InvoiceRenderer implements OnModuleDestroy {
  private readonly pool: RenderPool<InvoiceRenderInput, InvoiceRenderOutput>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new RenderPool(
      new URL('./invoice-render.worker.js', import.meta.url),
      config.invoicing.renderThreads,
      renderInvoiceDocuments,
    );
  }

  async render(input: InvoiceRenderInput): Promise<{ pdf: Buffer; xml: string | null }> {
    const { pdf, xml } = await this.pool.render(input);
    return { pdf: Buffer.isBuffer(pdf) ? pdf : Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), xml };
  }

  /** How many threads render (0: this one), and each one's heap in use. */
  async threads(): Promise<{ size: number; heapsUsed: number[] }> {
    return { size: this.pool.size, heapsUsed: await this.pool.heapsUsed() };
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }
}
