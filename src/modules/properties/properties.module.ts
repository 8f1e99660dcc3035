import { FeatureModule } from '../../common/feature/feature-module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { PropertiesController, PublicPropertiesController } from './properties.controller.js';
import { PropertiesRepository } from './properties.repository.js';
import { PropertiesService } from './properties.service.js';
import { PropertyFloor } from './property-floor.entity.js';
import { Property } from './property.entity.js';
import { VacancyPeriod } from './vacancy-period.entity.js';

/** The property register and its vacancy periods: real estate that outlives the buildings (uses) in it. */
@FeatureModule({
  entities: [Property, PropertyFloor, VacancyPeriod],
  imports: [OrganisationsModule],
  controllers: [PropertiesController, PublicPropertiesController],
  providers: [PropertiesRepository, PropertiesService],
  exports: [PropertiesService],
})
export class PropertiesModule {}
