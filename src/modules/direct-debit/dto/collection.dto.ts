import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsIsoDate } from '../../../common/validation/validators.js';
import { SKIP_REASONS, type SkipReason, type SkippedInvoice } from '../direct-debit.repository.js';
import { COLLECTION_ITEM_STATUSES, type Collection, type CollectionItem, type CollectionItemStatus } from '../collection.entity.js';

export class CreateCollectionDto {
  @ApiProperty({ example: '2012-03-01', description: 'The day the bank is asked to collect (ReqdColltnDt)' })
  @IsIsoDate()
  collectionDate!: string;
}

export class CollectionItemResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) invoiceId!: string;
  @ApiProperty({ format: 'uuid' }) mandateId!: string;
  @ApiProperty({ description: 'The invoice number' }) endToEndId!: string;
  @ApiProperty() amountCents!: number;
  @ApiProperty({ enum: ['FRST', 'RCUR'] }) sequenceType!: 'FRST' | 'RCUR';
  @ApiProperty({ enum: COLLECTION_ITEM_STATUSES }) status!: CollectionItemStatus;
  @ApiProperty({ type: String, nullable: true, example: 'AM04' }) returnReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) settledOn!: string | null;
}

export class CollectionResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty({ format: 'uuid' }) creditorId!: string;
  @ApiProperty() collectionDate!: string;
  @ApiProperty({ description: 'MsgId of the pain.008 file' }) messageId!: string;
  @ApiProperty({ enum: ['08', '02'] }) painVersion!: '08' | '02';
  @ApiProperty() itemCount!: number;
  @ApiProperty() totalCents!: number;
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ type: [CollectionItemResponseDto] }) items!: CollectionItemResponseDto[];
}

export class SkippedInvoiceDto {
  @ApiProperty({ format: 'uuid' }) invoiceId!: string;
  @ApiProperty() number!: string;
  @ApiProperty({
    enum: SKIP_REASONS,
    description:
      'not_pre_notified: its PDF asks for a transfer (no mandate when it was issued); mandate_revoked: the mandate it announced the debit under was revoked; ' +
      'pre_notice_too_short: issued less than 14 days before the collection date',
  })
  reason!: SkipReason;
}

export class CreatedCollectionResponseDto extends CollectionResponseDto {
  @ApiProperty({
    type: [SkippedInvoiceDto],
    description: 'Open invoices due by the date, of tenants with a mandate, left out of the batch and why; they stay payable by transfer',
  })
  skipped!: SkippedInvoiceDto[];
}

export class CollectionSummaryDto extends OmitType(CollectionResponseDto, ['items'] as const) {}

export function toCollectionSummary(collection: Collection): CollectionSummaryDto {
  const { id, buildingId, creditorId, collectionDate, messageId, painVersion, itemCount, totalCents, documentId } = collection;
  return { id, buildingId, creditorId, collectionDate, messageId, painVersion, itemCount, totalCents, documentId };
}

export function toCollectionResponse(collection: Collection, items: CollectionItem[]): CollectionResponseDto {
  return {
    ...toCollectionSummary(collection),
    items: items.map(({ id: itemId, invoiceId, mandateId, endToEndId, amountCents, sequenceType, status, returnReason, settledOn }) => ({
      id: itemId,
      invoiceId,
      mandateId,
      endToEndId,
      amountCents,
      sequenceType,
      status,
      returnReason,
      settledOn,
    })),
  };
}

export function toCreatedCollectionResponse(
  collection: Collection,
  items: CollectionItem[],
  skipped: SkippedInvoice[],
): CreatedCollectionResponseDto {
  return {
    ...toCollectionResponse(collection, items),
    skipped: skipped.map(({ invoiceId, number, reason }) => ({ invoiceId, number, reason })),
  };
}
