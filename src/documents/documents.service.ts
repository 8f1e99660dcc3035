import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import { NotFoundError } from '../common/errors/domain-error.js';
import { StoredDocument } from './document.entity.js';

export interface NewDocument {
  kind: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export type DocumentFile = Pick<StoredDocument, 'id' | 'filename' | 'contentType' | 'sha256' | 'bytes'>;

/** Immutable files with their sha256, kept in PostgreSQL beside the data they document. */
@Injectable()
export class DocumentsService {
  constructor(@InjectRepository(StoredDocument) private readonly documents: Repository<StoredDocument>) {}

  async store(document: NewDocument, manager?: EntityManager): Promise<StoredDocument> {
    const repository = manager?.getRepository(StoredDocument) ?? this.documents;
    const sha256 = createHash('sha256').update(document.bytes).digest('hex');
    return repository.save(repository.create({ ...document, sha256, sizeBytes: document.bytes.length }));
  }

  async read(id: string): Promise<DocumentFile> {
    const document = await this.documents.findOne({
      where: { id },
      select: { id: true, filename: true, contentType: true, sha256: true, bytes: true },
    });
    if (!document) throw new NotFoundError('document', id);
    return document;
  }
}
