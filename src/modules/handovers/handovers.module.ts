import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../../documents/documents.module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ExecuteHandoverHandler } from './execute-handover.handler.js';
import { ExecuteHandoverService } from './execute-handover.service.js';
import { Handover, LeaseNotice } from './handover.entity.js';
import { HandoversController } from './handovers.controller.js';
import { HandoversRepository } from './handovers.repository.js';
import { HandoversService } from './handovers.service.js';

/** Reads leases, floors and invoices by SQL in its repository, and changes them only in its one transaction. */
@Module({
  imports: [TypeOrmModule.forFeature([Handover, LeaseNotice]), BuildingsModule, OrganisationsModule, DocumentsModule],
  controllers: [HandoversController],
  providers: [HandoversRepository, HandoversService, ExecuteHandoverService, ExecuteHandoverHandler],
  exports: [HandoversService, ExecuteHandoverService],
})
export class HandoversModule {}
