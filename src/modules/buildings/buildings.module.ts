import { FeatureModule } from '../../common/feature/feature-module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { Building } from './building.entity.js';
import { BuildingOwnership } from './building-ownership.entity.js';
import { BuildingsController } from './buildings.controller.js';
import { BuildingsRepository } from './buildings.repository.js';
import { BuildingsService } from './buildings.service.js';

@FeatureModule({
  entities: [Building, BuildingOwnership],
  imports: [OrganisationsModule],
  controllers: [BuildingsController],
  providers: [BuildingsRepository, BuildingsService],
  exports: [BuildingsService],
})
export class BuildingsModule {}
