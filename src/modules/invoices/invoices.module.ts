import { FeatureModule } from '../../common/feature/feature-module.js';
import { DocumentsModule } from '../../documents/documents.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { CreditEntry, Invoice, InvoiceCounter, InvoiceLine, Payment, TenantCredit } from './invoice.entity.js';
import { InvoiceRun, InvoiceRunItem } from './invoice-run.entity.js';
import { InvoiceDocumentsService } from './invoice-documents.service.js';
import { InvoiceRunRecoverySweep } from './invoice-runs.recovery.js';
import { InvoiceRunsService } from './invoice-runs.service.js';
import { InvoiceRunsController, InvoicesController, PaymentCorrectionsController } from './invoices.controller.js';
import { INVOICING_CONFIG } from './invoices.config.js';
import { INVOICES_JOBS } from './invoices.jobs.js';
import { InvoicesRepository } from './invoices.repository.js';
import { InvoicesService } from './invoices.service.js';
import { PaymentCorrectionsService } from './payment-corrections.service.js';
import { IssueChunkHandler, MonthlyInvoicingScheduler, StartMonthlyRunsHandler } from './invoicing.handlers.js';
import { IssueInvoiceService } from './issue-invoice.service.js';
import { InvoiceRenderer } from './invoice-renderer.js';

/** Reads leases, spaces and tenants by SQL in its repository; depends on no lease service. */
@FeatureModule({
  entities: [Invoice, InvoiceLine, Payment, TenantCredit, CreditEntry, InvoiceCounter, InvoiceRun, InvoiceRunItem],
  jobs: INVOICES_JOBS,
  config: INVOICING_CONFIG,
  imports: [DocumentsModule, BuildingsModule, OrganisationsModule, TenantsModule],
  controllers: [InvoiceRunsController, InvoicesController, PaymentCorrectionsController],
  providers: [
    InvoicesRepository,
    IssueInvoiceService,
    InvoiceRenderer,
    InvoiceDocumentsService,
    InvoiceRunsService,
    InvoicesService,
    PaymentCorrectionsService,
    IssueChunkHandler,
    StartMonthlyRunsHandler,
    MonthlyInvoicingScheduler,
    InvoiceRunRecoverySweep,
  ],
  exports: [InvoicesService, InvoiceRunsService, PaymentCorrectionsService],
})
export class InvoicesModule {}
