import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { Floor } from './floor.entity.js';
import { FloorsController } from './floors.controller.js';
import { FloorsRepository } from './floors.repository.js';
import { FloorsService } from './floors.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Floor]), BuildingsModule],
  controllers: [FloorsController],
  providers: [FloorsRepository, FloorsService],
  exports: [FloorsService],
})
export class FloorsModule {}
