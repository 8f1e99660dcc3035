import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { FloorsModule } from '../floors/floors.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { APPLICATION_ENTITIES } from './application.entity.js';
import { AllocationsService } from './allocations.service.js';
import { ApplicationRoundsController, ApplicationsController, OffersController } from './applications.controller.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsService } from './applications.service.js';
import { ExpireOffersHandler, OfferExpiryScheduler } from './expire-offers.handler.js';

@Module({
  imports: [TypeOrmModule.forFeature(APPLICATION_ENTITIES), BuildingsModule, FloorsModule, TenantsModule],
  controllers: [ApplicationRoundsController, ApplicationsController, OffersController],
  providers: [ApplicationsRepository, ApplicationsService, AllocationsService, ExpireOffersHandler, OfferExpiryScheduler],
  exports: [ApplicationsService, AllocationsService],
})
export class ApplicationsModule {}
