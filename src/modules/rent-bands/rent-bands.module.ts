import { FeatureModule } from '../../common/feature/feature-module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { BandAssessment } from './band-assessment.entity.js';
import { RentBand, RentBandScheme } from './rent-band-scheme.entity.js';
import { RentBandsController } from './rent-bands.controller.js';
import { RentBandsRepository } from './rent-bands.repository.js';
import { RentBandsService } from './rent-bands.service.js';

@FeatureModule({
  entities: [RentBandScheme, RentBand, BandAssessment],
  imports: [BuildingsModule, TenantsModule],
  controllers: [RentBandsController],
  providers: [RentBandsRepository, RentBandsService],
  exports: [RentBandsService],
})
export class RentBandsModule {}
