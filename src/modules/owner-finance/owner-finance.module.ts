import { FeatureModule } from '../../common/feature/feature-module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { LeasesModule } from '../leases/leases.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { OwnerFinanceController } from './owner-finance.controller.js';
import { BuildingFinance, Investment } from './owner-finance.entity.js';
import { OwnerFinanceRepository } from './owner-finance.repository.js';
import { OwnerFinanceService } from './owner-finance.service.js';

@FeatureModule({
  entities: [BuildingFinance, Investment],
  imports: [BuildingsModule, OrganisationsModule, LeasesModule],
  controllers: [OwnerFinanceController],
  providers: [OwnerFinanceRepository, OwnerFinanceService],
  exports: [OwnerFinanceService],
})
export class OwnerFinanceModule {}
