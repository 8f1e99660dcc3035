import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { TenantsModule } from '../tenants/tenants.module.js';
import { BandAssessment } from './band-assessment.entity.js';
import { RentBand, RentBandScheme } from './rent-band-scheme.entity.js';
import { RentBandsController } from './rent-bands.controller.js';
import { RentBandsRepository } from './rent-bands.repository.js';
import { RentBandsService } from './rent-bands.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RentBandScheme, RentBand, BandAssessment]), BuildingsModule, TenantsModule],
  controllers: [RentBandsController],
  providers: [RentBandsRepository, RentBandsService],
  exports: [RentBandsService],
})
export class RentBandsModule {}
