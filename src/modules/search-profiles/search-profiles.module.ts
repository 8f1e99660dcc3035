import { FeatureModule } from '../../common/feature/feature-module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { SearchProfile } from './search-profile.entity.js';
import { PropertyMatchesController, SearchProfilesController } from './search-profiles.controller.js';
import { PropertyMatchesService } from './property-matches.service.js';
import { PropertiesModule } from '../properties/properties.module.js';
import { SearchProfilesRepository } from './search-profiles.repository.js';
import { SearchProfilesService } from './search-profiles.service.js';

@FeatureModule({
  entities: [SearchProfile],
  imports: [OrganisationsModule, PropertiesModule],
  controllers: [SearchProfilesController, PropertyMatchesController],
  providers: [SearchProfilesRepository, SearchProfilesService, PropertyMatchesService],
  exports: [SearchProfilesService],
})
export class SearchProfilesModule {}
