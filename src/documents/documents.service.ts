import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import { NotFoundError } from '../common/errors/domain-error.js';
import { StoredDocument } from './document.entity.js';
import { DOCUMENTS_ERRORS } from './documents.errors.js';

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
    return repository.save(repository.create(withDigest(document)));
  }

  /** Many documents in one statement; returns their ids in the given order. */
  async storeMany(documents: NewDocument[], manager?: EntityManager): Promise<string[]> {
    if (documents.length === 0) return [];
    const repository = manager?.getRepository(StoredDocument) ?? this.documents;
    const result = await repository.insert(documents.map(withDigest));
    return result.identifiers.map((identifier) => identifier.id as string);
  }

  async read(id: string): Promise<DocumentFile> {
    const document = await this.documents.findOne({
      where: { id },
      select: { id: true, filename: true, contentType: true, sha256: true, bytes: true },
    });
    if (!document) throw new NotFoundError(DOCUMENTS_ERRORS.document_not_found, { id });
    return document;
  }
}

function withDigest(document: NewDocument): Omit<StoredDocument, 'id' | 'createdAt'> {
  return { ...document, sha256: createHash('sha256').update(document.bytes).digest('hex'), sizeBytes: document.bytes.length };
}
