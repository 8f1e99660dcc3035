import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { Building } from './building.entity.js';
import { BuildingsController } from './buildings.controller.js';
import { BuildingsRepository } from './buildings.repository.js';
import { BuildingsService } from './buildings.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Building]), OrganisationsModule],
  controllers: [BuildingsController],
  providers: [BuildingsRepository, BuildingsService],
  exports: [BuildingsService],
})
export class BuildingsModule {}
