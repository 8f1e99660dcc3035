import { FeatureModule } from '../../common/feature/feature-module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { SearchProfile } from './search-profile.entity.js';
import { SearchProfilesController } from './search-profiles.controller.js';
import { SearchProfilesRepository } from './search-profiles.repository.js';
import { SearchProfilesService } from './search-profiles.service.js';

@FeatureModule({
  entities: [SearchProfile],
  imports: [OrganisationsModule],
  controllers: [SearchProfilesController],
  providers: [SearchProfilesRepository, SearchProfilesService],
  exports: [SearchProfilesService],
})
export class SearchProfilesModule {}
