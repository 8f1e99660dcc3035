import { FeatureModule } from '../../common/feature/feature-module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { FloorsModule } from '../floors/floors.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { OwnerFinanceModule } from '../owner-finance/owner-finance.module.js';
import { PropertiesModule } from '../properties/properties.module.js';
import { AwardTenderService } from './award-tender.service.js';
import { ConvertToBroedplaatsService } from './convert-to-broedplaats.service.js';
import {
  ConversionSubsidyScheme,
  Tender,
  TenderAward,
  TenderCriterion,
  TenderProposal,
  TenderReviewer,
  TenderScore,
} from './tender.entity.js';
import { TendersController } from './tenders.controller.js';
import { TendersRepository } from './tenders.repository.js';
import { TendersService } from './tenders.service.js';

@FeatureModule({
  entities: [Tender, TenderCriterion, TenderReviewer, TenderProposal, TenderScore, TenderAward, ConversionSubsidyScheme],
  imports: [PropertiesModule, OrganisationsModule, BuildingsModule, FloorsModule, OwnerFinanceModule],
  controllers: [TendersController],
  providers: [TendersRepository, TendersService, ConvertToBroedplaatsService, AwardTenderService],
  exports: [TendersService, AwardTenderService],
})
export class TendersModule {}
