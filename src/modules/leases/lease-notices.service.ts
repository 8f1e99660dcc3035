import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { requireCapability } from '../../common/auth/access-policy.js';
import { ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import { DocumentsService, type DocumentFile } from '../../documents/documents.service.js';
import type { LeaseNotice } from './lease-notice.entity.js';
import { LEASES_ERRORS } from './leases.errors.js';
import { LeasesRepository } from './leases.repository.js';
import { LeasesService } from './leases.service.js';

/** The letters of notices to vacate: recorded by `LeasesService.end`, rendered by the handover that gave them. */
@Injectable()
export class LeaseNoticesService {
  constructor(
    private readonly leases: LeasesRepository,
    private readonly documents: DocumentsService,
    private readonly leasesService: LeasesService,
  ) {}

  /** The notice letter of a lease: for admins and the lease's own tenant. */
  async letter(leaseId: string, principal: Principal): Promise<DocumentFile> {
    requireCapability(principal, 'leases.read');
    const notice = await this.leases.findNotice(leaseId);
    if (!notice) throw new NotFoundError(LEASES_ERRORS.notice_not_found, { id: leaseId });
    if (!(await this.leasesService.mayRead(await this.leases.findById(leaseId), principal)))
      throw new NotFoundError(LEASES_ERRORS.notice_not_found, { id: leaseId });
    if (!notice.documentId) throw new ConflictError(LEASES_ERRORS.notice_not_ready);
    return this.documents.read(notice.documentId);
  }

  /** The notice to vacate given on a lease, or null when none was; for admins and the lease's own tenant. */
  async noticeOf(leaseId: string, principal: Principal): Promise<LeaseNotice | null> {
    requireCapability(principal, 'leases.read');
    if (!(await this.leasesService.mayRead(await this.leases.findById(leaseId), principal)))
      throw new NotFoundError(LEASES_ERRORS.lease_not_found, { id: leaseId });
    return this.leases.findNotice(leaseId);
  }

  withoutLetter(handoverId: string): Promise<LeaseNotice[]> {
    return this.leases.noticesWithoutDocument(handoverId);
  }

  async attachLetter(manager: EntityManager, leaseId: string, documentId: string): Promise<void> {
    await this.leases.attachNoticeDocument(manager, leaseId, documentId);
  }
}
