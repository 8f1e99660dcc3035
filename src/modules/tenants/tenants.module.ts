import { FeatureModule } from '../../common/feature/feature-module.js';
import { Tenant } from './tenant.entity.js';
import { OwnTenantController, TenantsController } from './tenants.controller.js';
import { TenantsRepository } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';

@FeatureModule({
  entities: [Tenant],
  controllers: [TenantsController, OwnTenantController],
  providers: [TenantsRepository, TenantsService],
  exports: [TenantsService],
})
export class TenantsModule {}
