import { FeatureModule } from '../../common/feature/feature-module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { FloorsModule } from '../floors/floors.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { APPLICATION_ENTITIES } from './application.entity.js';
import { AllocationsService } from './allocations.service.js';
import { APPLICATIONS_CONFIG } from './applications.config.js';
import { ApplicationRoundsController, ApplicationsController, OffersController } from './applications.controller.js';
import { APPLICATIONS_JOBS } from './applications.jobs.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsService } from './applications.service.js';
import { ExpireOffersHandler, OfferExpiryScheduler } from './expire-offers.handler.js';

@FeatureModule({
  entities: APPLICATION_ENTITIES,
  jobs: APPLICATIONS_JOBS,
  config: APPLICATIONS_CONFIG,
  imports: [BuildingsModule, FloorsModule, TenantsModule],
  controllers: [ApplicationRoundsController, ApplicationsController, OffersController],
  providers: [ApplicationsRepository, ApplicationsService, AllocationsService, ExpireOffersHandler, OfferExpiryScheduler],
  exports: [ApplicationsService, AllocationsService],
})
export class ApplicationsModule {}
