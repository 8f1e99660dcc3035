import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { ReportsService } from '../reports/reports.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { UsersService } from '../users/users.service.js';
import type { MessageParams } from './mail-templates.js';
import { type FloorFacts, MailRepository } from './mail.repository.js';
import type { MessageLanguage } from './message.entity.js';

export interface Recipient {
  address: string;
  name: string;
  language: MessageLanguage;
  userId: string | null;
  tenantId: string | null;
}

/**
 * What the message kinds ask to address and fill in a mail, read through the owning modules'
 * services and published views: a tenant's contact address from its details and its user's
 * language (Dutch until the user chooses), a user's own address, an offer's floor.
 */
@Injectable()
export class MailFacts {
  constructor(
    private readonly tenants: TenantsService,
    private readonly users: UsersService,
    private readonly applications: ApplicationsService,
    private readonly reports: ReportsService,
    private readonly repository: MailRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async tenant(tenantId: string): Promise<Recipient> {
    const [tenant, user] = await Promise.all([this.tenants.require(tenantId), this.users.findByTenant(tenantId)]);
    return { address: tenant.email, name: tenant.name, language: user?.language ?? 'nl', userId: user?.id ?? null, tenantId };
  }

  async user(userId: string): Promise<Recipient> {
    const user = await this.users.get(userId);
    return { address: user.email, name: user.name, language: user.language ?? 'nl', userId: user.id, tenantId: user.tenantId };
  }

  /** The group's contact and what an offer's mail says about the floor. */
  async offer(applicationId: string, floorId: string, replyBy: string): Promise<{ to: Recipient; params: MessageParams }> {
    const application = await this.applications.groupOf(applicationId);
    const floor: FloorFacts = await this.repository.floorFacts(floorId);
    return {
      to: await this.user(application.contactUserId),
      params: { groupName: application.groupName, ...floor, replyBy, url: this.link('/my') },
    };
  }

  floor(floorId: string, manager: EntityManager): Promise<FloorFacts> {
    return this.repository.floorFacts(floorId, manager);
  }

  /** Who asked for the report; null for a scheduled one, or one that is gone (nobody to tell). */
  async reportRequester(reportId: string): Promise<string | null> {
    const report = await this.reports.getVisible(reportId, SYSTEM_PRINCIPAL).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    return report?.requestedBy ?? null;
  }

  link(path: string): string {
    return `${this.config.mail.publicUrl}${path}`;
  }
}
