import { FeatureModule } from '../../common/feature/feature-module.js';
import { InvoicesModule } from '../invoices/invoices.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { BankEntryBookingService } from './bank-entry-booking.service.js';
import { BankEntry, BankStatement } from './bank-statement.entity.js';
import { BankStatementsController } from './bank-statements.controller.js';
import { BankStatementsRepository } from './bank-statements.repository.js';
import { BankStatementsService } from './bank-statements.service.js';
import { CamtSchemas } from './camt-schemas.js';

/** Books what the bank reports through the invoices module's payment and reversal services. */
@FeatureModule({
  entities: [BankStatement, BankEntry],
  imports: [InvoicesModule, TenantsModule],
  controllers: [BankStatementsController],
  providers: [BankStatementsRepository, CamtSchemas, BankEntryBookingService, BankStatementsService],
  exports: [BankStatementsService],
})
export class BankStatementsModule {}
