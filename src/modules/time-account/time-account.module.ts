import { FeatureModule } from '../../common/feature/feature-module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { TimeAccountController, TimeEntriesController } from './time-account.controller.js';
import { HourlyValue, ProgrammeEvent, Subsidy, TimeEntry, WorkingGroup } from './time-account.entity.js';
import { TimeAccountRepository } from './time-account.repository.js';
import { TimeAccountService } from './time-account.service.js';
import { TimeEntriesService } from './time-entries.service.js';

/**
 * The time side of the double balance and the balance itself. Reads leases, invoices, payments, owner finance and ownership
 * only through what their modules publish (lease_terms, invoice_balance, payment_received, head_lease_finance, investment_ledger,
 * building_owner_period); publishes approved_time, programme_activity and subsidy_ledger for the reports.
 */
@FeatureModule({
  entities: [WorkingGroup, TimeEntry, ProgrammeEvent, Subsidy, HourlyValue],
  imports: [BuildingsModule],
  controllers: [TimeAccountController, TimeEntriesController],
  providers: [TimeAccountRepository, TimeAccountService, TimeEntriesService],
  exports: [TimeAccountService, TimeEntriesService],
})
export class TimeAccountModule {}
