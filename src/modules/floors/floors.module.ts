import { FeatureModule } from '../../common/feature/feature-module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { Floor } from './floor.entity.js';
import { FloorCorrectionsController, FloorsController } from './floors.controller.js';
import { FloorsRepository } from './floors.repository.js';
import { FloorsService } from './floors.service.js';

@FeatureModule({
  entities: [Floor],
  imports: [BuildingsModule],
  controllers: [FloorsController, FloorCorrectionsController],
  providers: [FloorsRepository, FloorsService],
  exports: [FloorsService],
})
export class FloorsModule {}
