import { FeatureModule } from '../../common/feature/feature-module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { User } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@FeatureModule({
  entities: [User],
  imports: [OrganisationsModule, TenantsModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService],
  exports: [UsersService],
})
export class UsersModule {}
