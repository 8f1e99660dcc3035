import { FeatureModule } from '../../common/feature/feature-module.js';
import { DocumentsModule } from '../../documents/documents.module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { InvoicesModule } from '../invoices/invoices.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { DunningDailyScheduler, SendDueRemindersHandler } from './dunning-daily.handler.js';
import { DunningStepSent } from './dunning-step.entity.js';
import { DUNNING_CONFIG } from './dunning.config.js';
import { ArrearsController, PaymentArrangementsController, RemindersController } from './dunning.controller.js';
import { DUNNING_JOBS } from './dunning.jobs.js';
import { DunningRepository } from './dunning.repository.js';
import { DunningService } from './dunning.service.js';
import { ArrangementInstalment, ArrangementInvoice, PaymentArrangement } from './payment-arrangement.entity.js';
import { PaymentArrangementsService } from './payment-arrangements.service.js';

/** Reads invoices through what the invoices module publishes (`invoice_balance`) and its service. */
@FeatureModule({
  entities: [DunningStepSent, PaymentArrangement, ArrangementInvoice, ArrangementInstalment],
  jobs: DUNNING_JOBS,
  config: DUNNING_CONFIG,
  imports: [InvoicesModule, TenantsModule, BuildingsModule, DocumentsModule],
  controllers: [RemindersController, PaymentArrangementsController, ArrearsController],
  providers: [DunningRepository, DunningService, PaymentArrangementsService, SendDueRemindersHandler, DunningDailyScheduler],
  exports: [DunningService, PaymentArrangementsService],
})
export class DunningModule {}
