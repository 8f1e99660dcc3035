import { FeatureModule } from '../../common/feature/feature-module.js';
import { DocumentsModule } from '../../documents/documents.module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { LeasesModule } from '../leases/leases.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { BroedplaatsOccupancyService } from './broedplaats-occupancy.service.js';
import { ExecuteHandoverHandler } from './execute-handover.handler.js';
import { ExecuteHandoverService } from './execute-handover.service.js';
import { Handover } from './handover.entity.js';
import { ExecuteDueHandoversHandler, HandoversDueScheduler } from './handovers-due.handler.js';
import { HandoversController } from './handovers.controller.js';
import { HANDOVERS_JOBS } from './handovers.jobs.js';
import { HandoverRecoverySweep } from './handovers.recovery.js';
import { HandoversRepository } from './handovers.repository.js';
import { HandoversService } from './handovers.service.js';

/** Reads what leases, spaces, floors and invoices publish; ends leases and transfers the building through their services. */
@FeatureModule({
  entities: [Handover],
  jobs: HANDOVERS_JOBS,
  imports: [BuildingsModule, LeasesModule, OrganisationsModule, DocumentsModule],
  controllers: [HandoversController],
  providers: [
    HandoversRepository,
    HandoversService,
    BroedplaatsOccupancyService,
    ExecuteHandoverService,
    ExecuteHandoverHandler,
    ExecuteDueHandoversHandler,
    HandoversDueScheduler,
    HandoverRecoverySweep,
  ],
  exports: [HandoversService, BroedplaatsOccupancyService, ExecuteHandoverService],
})
export class HandoversModule {}
