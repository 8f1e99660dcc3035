import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { tenantScopeOf } from '../../common/auth/scope.js';
import { ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import { DocumentsService, type DocumentFile } from '../../documents/documents.service.js';
import type { LeaseNotice } from './lease-notice.entity.js';
import { LeasesRepository } from './leases.repository.js';

/** The letters of notices to vacate: recorded by `LeasesService.end`, rendered by the handover that gave them. */
@Injectable()
export class LeaseNoticesService {
  constructor(
    private readonly leases: LeasesRepository,
    private readonly documents: DocumentsService,
  ) {}

  /** The notice letter of a lease: for admins and the lease's own tenant. */
  async letter(leaseId: string, principal: Principal): Promise<DocumentFile> {
    const notice = await this.leases.findNotice(leaseId);
    if (!notice) throw new NotFoundError('notice', leaseId);
    const scope = tenantScopeOf(principal);
    if (scope && scope.tenantId !== (await this.leases.findById(leaseId))?.tenantId) throw new NotFoundError('notice', leaseId);
    if (!notice.documentId) throw new ConflictError('notice_not_ready', 'The notice letter is still being made');
    return this.documents.read(notice.documentId);
  }

  withoutLetter(handoverId: string): Promise<LeaseNotice[]> {
    return this.leases.noticesWithoutDocument(handoverId);
  }

  async attachLetter(manager: EntityManager, leaseId: string, documentId: string): Promise<void> {
    await this.leases.attachNoticeDocument(manager, leaseId, documentId);
  }
}
