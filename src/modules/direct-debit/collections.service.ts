import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { ConflictError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import { addDays } from '../../common/dates.js';
import type { Page } from '../../common/pagination/page.js';
import { DocumentsService, type DocumentFile } from '../../documents/documents.service.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import type { Collection, CollectionItem } from './collection.entity.js';
import { DirectDebitRepository, type SkippedInvoice } from './direct-debit.repository.js';
import { DIRECT_DEBIT_ERRORS } from './direct-debit.errors.js';
import { type DirectDebit, writePain008 } from './pain008.js';

/** The days between the invoice (which carries the pre-notification) and the collection, at least. */
export const PRE_NOTIFICATION_DAYS = 14;

export interface CollectionView {
  collection: Collection;
  items: CollectionItem[];
}

/** A batch just made, with the open invoices it left out and why (they stay payable by transfer). */
export interface CreatedCollectionView extends CollectionView {
  skipped: SkippedInvoice[];
}

/**
 * Direct-debit batches: one per building and collection date, with the pain.008 file the umbrella
 * uploads to its bank. Batches of one building are made one at a time (an advisory lock), and the
 * database refuses an invoice in two batches that did not come back.
 */
@Injectable()
export class CollectionsService {
  constructor(
    private readonly repository: DirectDebitRepository,
    private readonly buildings: BuildingsService,
    private readonly organisations: OrganisationsService,
    private readonly documents: DocumentsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * Only invoices whose stored PDF pre-notified the debit are collected: issued under a mandate of the
   * tenant that is still active (amended or not: an amendment needs no new pre-notification), at least
   * 14 days before the collection date. The others are skipped, not refused.
   */
  async create(buildingId: string, collectionDate: string, principal: Principal): Promise<CreatedCollectionView> {
    requireCapability(principal, 'collections.write');
    const building = await this.buildings.getVisible(buildingId, principal);
    const today = this.clock.today();
    if (collectionDate < today) {
      throw new RuleError(DIRECT_DEBIT_ERRORS.collection_date_past, { collectionDate, today }, [
        { field: 'collectionDate', message: `must be ${today} or later` },
      ]);
    }
    const creditor = await this.organisations.get(building.umbrellaId);
    const missing = [!creditor.creditorIdentifier && 'a creditor identifier', !creditor.iban && 'an IBAN'].filter(Boolean);
    if (missing.length > 0)
      throw new RuleError(DIRECT_DEBIT_ERRORS.creditor_incomplete, { creditor: creditor.name, missing: missing.join(', ') });
    const firstAsFrst = creditor.sepaSequence === 'frst-then-rcur';
    const collectionId = randomUUID();
    const messageId = `DD${collectionId.replace(/-/g, '').slice(0, 24).toUpperCase()}`;
    let skipped: SkippedInvoice[] = [];
    await translateConstraintViolations(
      () =>
        this.repository.transaction(async (manager) => {
          await this.repository.lockBuildingCollections(manager, buildingId);
          const gathered = await this.repository.collectable(manager, {
            buildingId,
            creditorId: creditor.id,
            dueBy: collectionDate,
            issuedBy: addDays(collectionDate, -PRE_NOTIFICATION_DAYS),
          });
          const invoices = gathered.collectable;
          skipped = gathered.skipped;
          if (invoices.length === 0)
            throw new RuleError(DIRECT_DEBIT_ERRORS.nothing_to_collect, { collectionDate, skipped: skipped.length });
          const mandateIds = [...new Set(invoices.map((invoice) => invoice.mandateId))];
          const amendments = await this.repository.unreportedAmendments(manager, mandateIds);
          const debits: (DirectDebit & { invoiceId: string; mandateId: string })[] = invoices.map((invoice) => ({
            invoiceId: invoice.invoiceId,
            mandateId: invoice.mandateId,
            endToEndId: invoice.number,
            amountCents: invoice.openCents,
            sequenceType: firstAsFrst && invoice.firstOnMandate ? 'FRST' : 'RCUR',
            mandateReference: invoice.mandateReference,
            mandateSignedOn: invoice.mandateSignedOn,
            amendment: amendments.get(invoice.mandateId) ?? null,
            debtorName: invoice.accountHolder,
            debtorIban: invoice.iban,
            debtorBic: invoice.bic,
            creditorReference: invoice.paymentReference,
          }));
          const xml = writePain008(
            {
              messageId,
              createdAt: this.clock.now(),
              collectionDate,
              creditor: { name: creditor.name, iban: creditor.iban!, bic: creditor.bic, identifier: creditor.creditorIdentifier! },
              debits,
            },
            creditor.sepaPainVersion,
          );
          const document = await this.documents.store(
            {
              kind: 'pain008',
              filename: `${building.invoicePrefix}-incasso-${collectionDate}.xml`,
              contentType: 'application/xml',
              bytes: Buffer.from(xml, 'utf8'),
            },
            manager,
          );
          const totalCents = debits.reduce((sum, debit) => sum + debit.amountCents, 0);
          await this.repository.insertCollection(manager, {
            id: collectionId,
            buildingId,
            creditorId: creditor.id,
            collectionDate,
            messageId,
            painVersion: creditor.sepaPainVersion,
            itemCount: debits.length,
            totalCents,
            documentId: document.id,
            createdBy: actorOf(principal),
          });
          await this.repository.insertItems(
            manager,
            debits.map((debit) => ({
              collectionId,
              invoiceId: debit.invoiceId,
              mandateId: debit.mandateId,
              endToEndId: debit.endToEndId,
              amountCents: debit.amountCents,
              sequenceType: debit.sequenceType,
            })),
          );
          if (amendments.size > 0) await this.repository.markAmendmentsReported(manager, [...amendments.keys()], collectionId);
          await this.events.record(manager, {
            type: 'collection.created',
            entityId: collectionId,
            payload: { buildingId, collectionDate, itemCount: debits.length, totalCents, documentId: document.id },
            actorUserId: actorOf(principal),
          });
        }),
      // The advisory lock keeps batches of one building apart; this answers a batch of another path that raced it.
      { uq_collection_item_invoice: () => new ConflictError(DIRECT_DEBIT_ERRORS.invoice_in_other_batch) },
    );
    return { ...(await this.get(collectionId, principal)), skipped };
  }

  async get(id: string, principal: Principal): Promise<CollectionView> {
    requireCapability(principal, 'collections.read');
    const collection = await this.repository.findCollection(id);
    if (!collection) throw new NotFoundError(DIRECT_DEBIT_ERRORS.collection_not_found, { id });
    await this.buildings.getVisible(collection.buildingId, principal);
    return { collection, items: await this.repository.itemsOf(id) };
  }

  async file(id: string, principal: Principal): Promise<DocumentFile> {
    const { collection } = await this.get(id, principal);
    return this.documents.read(collection.documentId);
  }

  async listOfBuilding(buildingId: string, page: { limit: number; offset: number }, principal: Principal): Promise<Page<Collection>> {
    requireCapability(principal, 'collections.read');
    await this.buildings.getVisible(buildingId, principal);
    return this.repository.collectionsOfBuilding(buildingId, page);
  }
}
