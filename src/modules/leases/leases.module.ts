import { FeatureModule } from '../../common/feature/feature-module.js';
import { DocumentsModule } from '../../documents/documents.module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { RentBandsModule } from '../rent-bands/rent-bands.module.js';
import { SpacesModule } from '../spaces/spaces.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { BuildingLeasesService } from './building-leases.service.js';
import { CorrectSpaceService } from './correct-space.service.js';
import { Lease } from './lease.entity.js';
import { LeaseNotice } from './lease-notice.entity.js';
import { LeaseNoticesService } from './lease-notices.service.js';
import { BuildingIndexation, LeaseRevision } from './lease-revision.entity.js';
import { BuildingLeasesController, LeasesController } from './leases.controller.js';
import { LeasesRepository } from './leases.repository.js';
import { LeasesService } from './leases.service.js';
import { SpaceCorrectionsController } from './space-corrections.controller.js';

@FeatureModule({
  entities: [Lease, LeaseRevision, BuildingIndexation, LeaseNotice],
  imports: [DocumentsModule, BuildingsModule, SpacesModule, TenantsModule, RentBandsModule],
  controllers: [LeasesController, BuildingLeasesController, SpaceCorrectionsController],
  providers: [LeasesRepository, LeasesService, LeaseNoticesService, BuildingLeasesService, CorrectSpaceService],
  exports: [LeasesService, LeaseNoticesService, BuildingLeasesService, CorrectSpaceService],
})
export class LeasesModule {}
