import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { Message, type MessageStatus } from './message.entity.js';
import { PasswordReset, type PasswordResetPurpose } from './password-reset.entity.js';

export type NewMessage = Pick<
  Message,
  | 'source'
  | 'sourceType'
  | 'eventId'
  | 'recipientAddress'
  | 'recipientName'
  | 'recipientUserId'
  | 'recipientTenantId'
  | 'language'
  | 'template'
  | 'params'
  | 'subject'
  | 'attachmentIds'
>;

export interface MessageFilter {
  status?: MessageStatus;
  recipient?: string;
  eventType?: string;
  /** The kind of mail (`invoice`, `payment-reminder` …). */
  template?: string;
  /** A non-admin's own mail: addressed to the user, or to the tenant it acts as. */
  addressedTo?: { userId: string; tenantId: string | null };
}

/** Where an offered floor is and how big it is, from what the buildings, floors and spaces modules publish. */
export interface FloorFacts {
  buildingName: string;
  floorLevel: number;
  areaM2: number;
}

@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The ids of the messages written now; one already in the outbox (same source and recipient) is left as it is. */
  async insertMessages(manager: EntityManager, messages: NewMessage[]): Promise<string[]> {
    if (messages.length === 0) return [];
    const result = await manager.createQueryBuilder().insert().into(Message).values(messages).orIgnore().returning(['id']).execute();
    return (result.raw as { id: string }[]).map((row) => row.id);
  }

  findById(id: string): Promise<Message | null> {
    return this.dataSource.getRepository(Message).findOneBy({ id });
  }

  async findPage(filter: MessageFilter, page: { limit: number; offset: number }): Promise<Page<Message>> {
    const query = this.dataSource.getRepository(Message).createQueryBuilder('message').where('TRUE');
    if (filter.status) query.andWhere('message.status = :status', { status: filter.status });
    if (filter.recipient) query.andWhere('message.recipient_address = lower(:recipient)', { recipient: filter.recipient });
    if (filter.eventType) query.andWhere('message.source_type = :eventType', { eventType: filter.eventType });
    if (filter.template) query.andWhere('message.template = :template', { template: filter.template });
    if (filter.addressedTo) {
      query.andWhere('(message.recipient_user_id = :userId OR message.recipient_tenant_id = :tenantId)', {
        userId: filter.addressedTo.userId,
        tenantId: filter.addressedTo.tenantId,
      });
    }
    const [items, total] = await query
      .orderBy('message.created_at', 'DESC')
      .addOrderBy('message.id')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Counts an attempt of a queued message and returns it; null when it is no longer queued (sent or failed). */
  async claimQueued(id: string): Promise<Message | null> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE message SET attempts = attempts + 1 WHERE id = $1 AND status = 'queued' RETURNING id`,
      [id],
    );
    return rows.length === 0 ? null : this.findById(id);
  }

  async markSent(id: string, sentAt: Date): Promise<void> {
    await this.dataSource.query(`UPDATE message SET status = 'sent', sent_at = $2, last_error = NULL WHERE id = $1 AND status = 'queued'`, [
      id,
      sentAt,
    ]);
  }

  async recordError(id: string, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE message SET last_error = $2, status = CASE WHEN $3::boolean THEN 'failed' ELSE status END WHERE id = $1 AND status = 'queued'`,
      [id, error, final],
    );
  }

  async queuedIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM message WHERE status = 'queued' ORDER BY created_at`);
    return rows.map((row) => row.id);
  }

  async floorFacts(floorId: string, manager: EntityManager = this.dataSource.manager): Promise<FloorFacts> {
    const [row] = await manager.query<{ name: string; level: number; area_m2: string | null }[]>(
      `SELECT b.name, f.level, (SELECT sum(s.area_m2) FROM space_placement s WHERE s.floor_id = f.floor_id) AS area_m2
         FROM floor_level f JOIN building_register b ON b.building_id = f.building_id
        WHERE f.floor_id = $1`,
      [floorId],
    );
    if (!row) throw new Error(`No floor ${floorId}`);
    return { buildingName: row.name, floorLevel: row.level, areaM2: Number(row.area_m2 ?? 0) };
  }

  /** The debits of a direct-debit batch, each as its debtor is told of it (what direct-debit publishes). */
  async collectionDebits(collectionId: string, manager: EntityManager = this.dataSource.manager): Promise<CollectionDebit[]> {
    const rows = await manager.query<
      {
        tenant_id: string;
        invoice_number: string;
        amount_cents: string;
        collection_date: string;
        mandate_reference: string;
        iban: string;
        creditor_name: string;
        creditor_identifier: string;
      }[]
    >(
      `SELECT tenant_id, invoice_number, amount_cents, to_char(collection_date, 'YYYY-MM-DD') AS collection_date, mandate_reference,
              iban, creditor_name, creditor_identifier
         FROM collection_debit WHERE collection_id = $1 ORDER BY invoice_number`,
      [collectionId],
    );
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      invoiceNumber: row.invoice_number,
      amountCents: Number(row.amount_cents),
      collectionDate: row.collection_date,
      mandateReference: row.mandate_reference,
      iban: row.iban,
      creditorName: row.creditor_name,
      creditorIdentifier: row.creditor_identifier,
    }));
  }

  /** A tenant's name and contact address (its details), and the language of its first user (none: null). */
  async tenantContact(
    tenantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ name: string; email: string; userId: string | null; language: 'nl' | 'en' | null }> {
    const [row] = await manager.query<{ name: string; email: string; user_id: string | null; language: 'nl' | 'en' | null }[]>(
      `SELECT t.name, t.email, u.user_id, u.language
         FROM tenant_party t
         LEFT JOIN LATERAL (SELECT user_id, language FROM user_contact WHERE tenant_id = t.tenant_id ORDER BY created_at LIMIT 1) u ON TRUE
        WHERE t.tenant_id = $1`,
      [tenantId],
    );
    if (!row) throw new Error(`No tenant ${tenantId}`);
    return { name: row.name, email: row.email, userId: row.user_id, language: row.language };
  }

  /** The owner users of these organisations, and the name of the building a mail is about. */
  async ownerUsers(
    organisationIds: string[],
    buildingId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ userIds: string[]; buildingName: string }> {
    const [users, [building]] = await Promise.all([
      manager.query<{ user_id: string }[]>(
        `SELECT user_id FROM user_contact WHERE role = 'owner' AND organisation_id = ANY($1::uuid[]) ORDER BY created_at, user_id`,
        [organisationIds],
      ),
      manager.query<{ name: string }[]>(`SELECT name FROM building_register WHERE building_id = $1`, [buildingId]),
    ]);
    return { userIds: users.map((user) => user.user_id), buildingName: building?.name ?? '' };
  }

  async organisationUserIds(organisationId: string, role: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.query<{ user_id: string }[]>(
      `SELECT user_id FROM user_contact WHERE role = $2 AND organisation_id = $1 ORDER BY created_at, user_id`,
      [organisationId, role],
    );
    return rows.map((row) => row.user_id);
  }

  async userContact(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ email: string; name: string; language: 'nl' | 'en' | null; tenantId: string | null }> {
    const [row] = await manager.query<{ email: string; name: string; language: 'nl' | 'en' | null; tenant_id: string | null }[]>(
      `SELECT email, name, language, tenant_id FROM user_contact WHERE user_id = $1`,
      [userId],
    );
    if (!row) throw new Error(`No user ${userId}`);
    return { email: row.email, name: row.name, language: row.language, tenantId: row.tenant_id };
  }

  async applicationGroup(
    applicationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ groupName: string; contactUserId: string }> {
    const [row] = await manager.query<{ group_name: string; contact_user_id: string }[]>(
      `SELECT group_name, contact_user_id FROM application_group WHERE application_id = $1`,
      [applicationId],
    );
    if (!row) throw new Error(`No application ${applicationId}`);
    return { groupName: row.group_name, contactUserId: row.contact_user_id };
  }

  /** Who asked for the report; null for a scheduled one or one that is not there. */
  async reportRequester(reportId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = await manager.query<{ requested_by: string | null }[]>(`SELECT requested_by FROM report_requester WHERE report_id = $1`, [
      reportId,
    ]);
    return row?.requested_by ?? null;
  }

  async insertPasswordReset(
    manager: EntityManager,
    values: { userId: string; purpose: PasswordResetPurpose; expiresAt: Date },
  ): Promise<string> {
    const result = await manager.insert(PasswordReset, { ...values, tokenHash: null, usedAt: null });
    return result.identifiers[0]!.id as string;
  }

  /** Gives the reset a new token hash (the mail being sent carries its token); false when it was used or expired. */
  async replaceToken(id: string, tokenHash: string, now: Date): Promise<boolean> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE password_reset SET token_hash = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $3 RETURNING id`,
      [id, tokenHash, now],
    );
    return rows.length > 0;
  }

  /** Marks the token used, once: the user it sets a password for, or null when it is unknown, used or expired. */
  async useToken(manager: EntityManager, tokenHash: string, now: Date): Promise<string | null> {
    const [rows] = await manager.query<[{ user_id: string }[], number]>(
      `UPDATE password_reset SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`,
      [tokenHash, now],
    );
    return rows[0]?.user_id ?? null;
  }
}

export interface CollectionDebit {
  tenantId: string;
  invoiceNumber: string;
  amountCents: number;
  collectionDate: string;
  mandateReference: string;
  iban: string;
  creditorName: string;
  creditorIdentifier: string;
}
