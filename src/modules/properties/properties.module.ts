import { FeatureModule } from '../../common/feature/feature-module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { SearchProfilesModule } from '../search-profiles/search-profiles.module.js';
import { PropertyMatchesController } from './property-matches.controller.js';
import { PropertyMatchesService } from './property-matches.service.js';
import { PropertiesController, PublicPropertiesController } from './properties.controller.js';
import { PropertiesRepository } from './properties.repository.js';
import { PropertiesService } from './properties.service.js';
import { PropertyFloor } from './property-floor.entity.js';
import { Property } from './property.entity.js';
import { VacancyPeriod } from './vacancy-period.entity.js';
import { VacancyConsultation, VacancyDecision, VacancyReport } from './vacancy-file.entity.js';
import { VacancyRuleSet } from './vacancy-rule-set.entity.js';
import { InterimUse } from './interim-use.entity.js';
import { PROPERTIES_CONFIG } from './properties.config.js';
import { PROPERTIES_JOBS } from './properties.jobs.js';
import { MarkDueVacanciesHandler, VacancyDailyScheduler } from './vacancy-daily.handler.js';
import { VacancyFilesController } from './vacancy-files.controller.js';
import { VacancyFilesRepository } from './vacancy-files.repository.js';
import { VacancyFilesService } from './vacancy-files.service.js';

/** The property register and its vacancy periods: real estate that outlives the buildings (uses) in it. */
@FeatureModule({
  entities: [Property, PropertyFloor, VacancyPeriod, VacancyRuleSet, VacancyReport, VacancyConsultation, VacancyDecision, InterimUse],
  jobs: PROPERTIES_JOBS,
  config: PROPERTIES_CONFIG,
  imports: [OrganisationsModule, SearchProfilesModule],
  controllers: [PropertiesController, PublicPropertiesController, VacancyFilesController, PropertyMatchesController],
  providers: [
    PropertiesRepository,
    PropertiesService,
    VacancyFilesRepository,
    VacancyFilesService,
    PropertyMatchesService,
    MarkDueVacanciesHandler,
    VacancyDailyScheduler,
  ],
  exports: [PropertiesService, VacancyFilesService],
})
export class PropertiesModule {}
