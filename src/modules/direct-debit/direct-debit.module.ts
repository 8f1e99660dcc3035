import { FeatureModule } from '../../common/feature/feature-module.js';
import { DocumentsModule } from '../../documents/documents.module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { Collection, CollectionItem } from './collection.entity.js';
import { CollectionsService } from './collections.service.js';
import { DirectDebitOutcomesConsumer } from './direct-debit-outcomes.consumer.js';
import { CollectionsController, MandatesController } from './direct-debit.controller.js';
import { DirectDebitRepository } from './direct-debit.repository.js';
import { Mandate, MandateAmendment, MandateCounter } from './mandate.entity.js';
import { MandatesService } from './mandates.service.js';

/**
 * Mandates and pain.008 batches. Reads open invoices and leases through what their modules publish;
 * the invoices module reads the active mandates back through `active_mandate_of_tenant`.
 */
@FeatureModule({
  entities: [Mandate, MandateAmendment, MandateCounter, Collection, CollectionItem],
  imports: [DocumentsModule, BuildingsModule, OrganisationsModule, TenantsModule],
  controllers: [MandatesController, CollectionsController],
  providers: [DirectDebitRepository, MandatesService, CollectionsService, DirectDebitOutcomesConsumer],
  exports: [MandatesService, CollectionsService],
})
export class DirectDebitModule {}
