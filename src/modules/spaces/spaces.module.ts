import { FeatureModule } from '../../common/feature/feature-module.js';
import { FloorsModule } from '../floors/floors.module.js';
import { Space } from './space.entity.js';
import { SpaceRecordsController, SpacesController } from './spaces.controller.js';
import { SpacesRepository } from './spaces.repository.js';
import { SpacesService } from './spaces.service.js';

@FeatureModule({
  entities: [Space],
  imports: [FloorsModule],
  controllers: [SpacesController, SpaceRecordsController],
  providers: [SpacesRepository, SpacesService],
  exports: [SpacesService],
})
export class SpacesModule {}
