import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { MessageParams } from './mail-templates.js';
import { type CollectionDebit, type FloorFacts, MailRepository } from './mail.repository.js';
import type { MessageLanguage } from './message.entity.js';

export interface Recipient {
  address: string;
  name: string;
  language: MessageLanguage;
  userId: string | null;
  tenantId: string | null;
}

/**
 * What the message kinds ask to address and fill in a mail, read from what the owning modules
 * publish: a tenant's contact address from its details and its user's language (Dutch until the
 * user chooses), a user's own address, an offer's group and floor. Inside an event's consumption
 * every read goes through its transaction (`manager`): the embedded database has one connection.
 */
@Injectable()
export class MailFacts {
  constructor(
    private readonly repository: MailRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async tenant(tenantId: string, manager?: EntityManager): Promise<Recipient> {
    const tenant = await this.repository.tenantContact(tenantId, manager);
    return { address: tenant.email, name: tenant.name, language: tenant.language ?? 'nl', userId: tenant.userId, tenantId };
  }

  collectionDebits(collectionId: string, manager?: EntityManager): Promise<CollectionDebit[]> {
    return this.repository.collectionDebits(collectionId, manager);
  }

  /** The users of a handover's seller and buyer, and the building's name. */
  async handoverOwners(
    ownerIds: string[],
    buildingId: string,
    manager?: EntityManager,
  ): Promise<{ recipients: Recipient[]; buildingName: string }> {
    const { userIds, buildingName } = await this.repository.ownerUsers(ownerIds, buildingId, manager);
    const recipients: Recipient[] = [];
    for (const userId of userIds) recipients.push(await this.user(userId, manager));
    return { recipients, buildingName };
  }

  /** The users of an organisation in a role (an owner's staff), oldest first. */
  async organisationUsers(organisationId: string, role: 'owner' | 'municipality', manager?: EntityManager): Promise<Recipient[]> {
    const recipients: Recipient[] = [];
    for (const userId of await this.repository.organisationUserIds(organisationId, role, manager))
      recipients.push(await this.user(userId, manager));
    return recipients;
  }

  async user(userId: string, manager?: EntityManager): Promise<Recipient> {
    const user = await this.repository.userContact(userId, manager);
    return { address: user.email, name: user.name, language: user.language ?? 'nl', userId, tenantId: user.tenantId };
  }

  /** The group's contact and what an offer's mail says about the floor. */
  async offer(
    applicationId: string,
    floorId: string,
    replyBy: string,
    manager?: EntityManager,
  ): Promise<{ to: Recipient; params: MessageParams }> {
    const group = await this.repository.applicationGroup(applicationId, manager);
    const floor: FloorFacts = await this.repository.floorFacts(floorId, manager);
    return {
      to: await this.user(group.contactUserId, manager),
      params: { groupName: group.groupName, ...floor, replyBy, url: this.link('/my') },
    };
  }

  floor(floorId: string, manager: EntityManager): Promise<FloorFacts> {
    return this.repository.floorFacts(floorId, manager);
  }

  /** Who asked for the report; null for a scheduled one, or one that is gone (nobody to tell). */
  reportRequester(reportId: string, manager: EntityManager): Promise<string | null> {
    return this.repository.reportRequester(reportId, manager);
  }

  link(path: string): string {
    return `${this.config.mail.publicUrl}${path}`;
  }
}
