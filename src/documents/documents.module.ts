import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StoredDocument } from './document.entity.js';
import { DocumentsService } from './documents.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([StoredDocument])],
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
