import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FloorsModule } from '../floors/floors.module.js';
import { Space } from './space.entity.js';
import { SpacesController } from './spaces.controller.js';
import { SpacesRepository } from './spaces.repository.js';
import { SpacesService } from './spaces.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Space]), FloorsModule],
  controllers: [SpacesController],
  providers: [SpacesRepository, SpacesService],
  exports: [SpacesService],
})
export class SpacesModule {}
