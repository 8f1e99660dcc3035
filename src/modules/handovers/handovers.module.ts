import { FeatureModule } from '../../common/feature/feature-module.js';
import { DocumentsModule } from '../../documents/documents.module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ExecuteHandoverHandler } from './execute-handover.handler.js';
import { ExecuteHandoverService } from './execute-handover.service.js';
import { Handover, LeaseNotice } from './handover.entity.js';
import { HandoversController } from './handovers.controller.js';
import { HANDOVERS_JOBS } from './handovers.jobs.js';
import { HandoversRepository } from './handovers.repository.js';
import { HandoversService } from './handovers.service.js';

/** Reads leases, floors and invoices by SQL in its repository, and changes them only in its one transaction. */
@FeatureModule({
  entities: [Handover, LeaseNotice],
  jobs: HANDOVERS_JOBS,
  imports: [BuildingsModule, OrganisationsModule, DocumentsModule],
  controllers: [HandoversController],
  providers: [HandoversRepository, HandoversService, ExecuteHandoverService, ExecuteHandoverHandler],
  exports: [HandoversService, ExecuteHandoverService],
})
export class HandoversModule {}
