import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page.js';
import { IsIsoDate, IsPeriod } from '../../../common/validation/validators.js';
import {
  CREDIT_ENTRY_KINDS,
  type CreditEntry,
  type CreditEntryKind,
  type Invoice,
  type InvoiceLine,
  INVOICE_STATUSES,
  type InvoiceStatus,
  type PartySnapshot,
  type Payment,
  PAYMENT_KINDS,
  type PaymentKind,
} from '../invoice.entity.js';
import { JOB_STATUSES, type JobStatus } from '../../../jobs/job-status.js';
import type { InvoiceRun } from '../invoice-run.entity.js';
import { eInvoiceAvailability } from '../ubl/e-invoice-availability.js';

export class StartInvoiceRunDto {
  @ApiProperty({ example: '2012-03', description: 'The month to invoice, YYYY-MM' })
  @IsPeriod(false)
  period!: string;
}

export class InvoiceRunResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty({ example: '2012-03' }) period!: string;
  @ApiProperty({ enum: JOB_STATUSES }) status!: JobStatus;
  @ApiProperty({ description: 'Leases finished (invoice and PDF stored, or nothing owed)' }) done!: number;
  @ApiProperty({ description: 'Leases planned' }) total!: number;
  @ApiProperty() invoiceCount!: number;
  @ApiProperty() totalCents!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export function toInvoiceRunResponse(run: InvoiceRun): InvoiceRunResponseDto {
  const { id, buildingId, period, status, done, total, invoiceCount, totalCents, error } = run;
  return { id, buildingId, period, status, done, total, invoiceCount, totalCents, error };
}

export class ListInvoiceRunsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATUSES }) @IsOptional() @IsIn(JOB_STATUSES) status?: JobStatus;
}

/** What a list may ask for: a status, or `overdue` (open and past its due date). */
export const INVOICE_LIST_STATUSES = [...INVOICE_STATUSES, 'overdue'] as const;
export type InvoiceListStatus = (typeof INVOICE_LIST_STATUSES)[number];

/** `?tenantId=&year=` of a year's invoices as one ZIP. */
export class InvoiceArchiveQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The tenant whose invoices to pack (a tenant user: its own)' }) @IsUUID() tenantId!: string;
  @ApiProperty({ example: 2012, description: 'The year of the invoice date' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class ListInvoicesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() buildingId?: string;
  @ApiPropertyOptional({ example: '2012-03' })
  @IsOptional()
  @IsPeriod(false)
  period?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() tenantId?: string;
  @ApiPropertyOptional({
    enum: INVOICE_LIST_STATUSES,
    description: '`overdue`: invoices still open after their due date (their status stays `open`)',
  })
  @IsOptional()
  @IsIn(INVOICE_LIST_STATUSES)
  status?: InvoiceListStatus;
}

export class RecordPaymentDto {
  @ApiProperty({ example: 12500 })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  amountCents!: number;

  @ApiProperty({ example: '2012-03-10' })
  @IsIsoDate()
  paidOn!: string;

  @ApiPropertyOptional({ example: 'bank statement 2012-03-10 line 4' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiPropertyOptional({ description: 'Book it although a payment with this reference is already booked on the invoice' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class CreditNoteDto {
  @ApiProperty({ example: 'Invoiced twice' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class PartyDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) kvkNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) vatNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) iban!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '0106:12345678' }) peppolId?: string | null;
}

export class InvoiceLineDto {
  @ApiProperty({ enum: ['rent', 'service_charge'] }) kind!: 'rent' | 'service_charge';
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty() amountExVatCents!: number;
  @ApiProperty({ description: '0 (exempt) or 2100 (21%)' }) vatRateBps!: number;
  @ApiProperty() vatCents!: number;
}

export class PaymentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: PAYMENT_KINDS,
    description: '`payment`: money received; `credit`: the tenant’s credit balance used; `reversal`: undoes the booking it names',
  })
  kind!: PaymentKind;
  @ApiProperty({ description: 'Negative for a reversal' }) amountCents!: number;
  @ApiProperty({ format: 'date', description: 'When the money arrived; for a reversal or a use of credit, the day it was booked' })
  paidOn!: string;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty({ description: 'Whether this entry reverses another' }) reversal!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reversesPaymentId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The entry that reversed this one' })
  reversedByPaymentId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was reversed (reversals only)' }) reason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who booked it; null for scheduled work and the demo' })
  recordedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export function toPaymentResponse(payment: Payment, reversedByPaymentId: string | null = null): PaymentDto {
  return {
    id: payment.id,
    kind: payment.kind,
    amountCents: payment.amountCents,
    paidOn: payment.paidOn,
    reference: payment.reference,
    reversal: payment.kind === 'reversal',
    reversesPaymentId: payment.reversesPaymentId,
    reversedByPaymentId,
    reason: payment.reason,
    recordedBy: payment.recordedBy,
    recordedAt: payment.createdAt.toISOString(),
  };
}

/** A reversing entry, with what became of its invoice. */
export class ReversalResponseDto extends PaymentDto {
  @ApiProperty({ format: 'uuid' }) invoiceId!: string;
  @ApiProperty({ enum: INVOICE_STATUSES, description: 'The invoice’s status after the reversal' }) invoiceStatus!: InvoiceStatus;
  @ApiProperty({ description: 'The invoice’s paid amount after the reversal' }) invoicePaidCents!: number;
}

export class ReversePaymentDto {
  @ApiProperty({ example: 'Booked on the wrong invoice' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class ApplyCreditDto {
  @ApiPropertyOptional({ example: 5000, description: 'Default: as much as the credit balance and the open amount allow' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  amountCents?: number;
}

export class RecordRefundDto {
  @ApiProperty({ example: 5000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  amountCents!: number;

  @ApiProperty({ example: '2012-03-10', description: 'The day the money went out; today or earlier' })
  @IsIsoDate()
  refundedOn!: string;

  @ApiPropertyOptional({ example: 'transfer to NL91ABNA0417164300' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

export class CreditEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: CREDIT_ENTRY_KINDS,
    description:
      '`overpayment`: paid beyond an invoice’s total; `applied`: used on an invoice; `refund`: paid back; `reversal`: a reversed payment’s effect undone',
  })
  kind!: CreditEntryKind;
  @ApiProperty({ description: 'What the entry added to the balance (negative: taken from it)' }) amountCents!: number;
  @ApiProperty({ description: 'The balance once this entry was booked' }) balanceAfterCents!: number;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) invoiceId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The booking on the invoice; null for a refund' })
  paymentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export function toCreditEntryResponse(entry: CreditEntry): CreditEntryDto {
  return {
    id: entry.id,
    kind: entry.kind,
    amountCents: entry.amountCents,
    balanceAfterCents: entry.balanceAfterCents,
    occurredOn: entry.occurredOn,
    invoiceId: entry.invoiceId,
    paymentId: entry.paymentId,
    reference: entry.reference,
    recordedBy: entry.recordedBy,
    recordedAt: entry.createdAt.toISOString(),
  };
}

export class TenantBalanceResponseDto {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ description: 'The credit balance in the tenant’s favour (never below 0); credit notes are not in it' })
  creditCents!: number;
  @ApiProperty({ description: 'Still to pay on open invoices' }) openCents!: number;
  @ApiProperty({ description: 'The part of openCents past its due date' }) overdueCents!: number;
  @ApiProperty({ type: [CreditEntryDto], description: 'The credit ledger, oldest first' }) entries!: CreditEntryDto[];
}

export class EInvoiceDto {
  @ApiProperty({ description: 'Whether a UBL e-invoice is stored (GET /api/invoices/{id}/ubl)' }) available!: boolean;
  @ApiPropertyOptional({ example: 'e_invoice_customer_without_kvk', description: 'Why there is none: the code GET …/ubl answers' })
  code?: string;
  @ApiPropertyOptional({ example: 'Invoice VKG-2012-000123 has no e-invoice (UBL): the customer has no KvK number, which SI-UBL requires' })
  reason?: string;
}

export class InvoiceResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['invoice', 'credit_note'] }) kind!: 'invoice' | 'credit_note';
  @ApiProperty({ example: 'VKG-2012-000123' }) number!: string;
  @ApiProperty({ example: '2012-03' }) period!: string;
  @ApiProperty({ format: 'date' }) issueDate!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ format: 'uuid' }) leaseId!: string;
  @ApiProperty() totalExVatCents!: number;
  @ApiProperty() vatCents!: number;
  @ApiProperty() totalCents!: number;
  @ApiProperty() paidCents!: number;
  @ApiProperty({ description: 'Paid beyond the total; it went to the tenant’s credit balance (GET /api/tenants/:id/balance)' })
  creditCents!: number;
  @ApiProperty({ enum: INVOICE_STATUSES }) status!: InvoiceStatus;
  @ApiProperty({ example: '9000012012000123', description: '16-digit betalingskenmerk' }) paymentReference!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) creditsInvoiceId!: string | null;
  @ApiProperty({ description: 'Whether the PDF is stored' }) pdfReady!: boolean;
  @ApiProperty({ type: EInvoiceDto }) eInvoice!: EInvoiceDto;
}

export class InvoiceDetailResponseDto extends InvoiceResponseDto {
  @ApiProperty({ type: PartyDto }) issuer!: PartySnapshot;
  @ApiProperty({ type: PartyDto }) customer!: PartySnapshot;
  @ApiProperty({ type: String, nullable: true }) creditReason!: string | null;
  @ApiProperty({ type: [InvoiceLineDto] }) lines!: InvoiceLineDto[];
  @ApiProperty({ type: [PaymentDto] }) payments!: PaymentDto[];
}

export function toInvoiceResponse(invoice: Invoice): InvoiceResponseDto {
  return {
    id: invoice.id,
    kind: invoice.kind,
    number: invoice.number,
    period: invoice.period,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    buildingId: invoice.buildingId,
    tenantId: invoice.tenantId,
    leaseId: invoice.leaseId,
    totalExVatCents: invoice.totalExVatCents,
    vatCents: invoice.vatCents,
    totalCents: invoice.totalCents,
    paidCents: invoice.paidCents,
    creditCents: invoice.kind === 'invoice' ? Math.max(0, invoice.paidCents - invoice.totalCents) : 0,
    status: invoice.status,
    paymentReference: invoice.paymentReference,
    creditsInvoiceId: invoice.creditsInvoiceId,
    pdfReady: invoice.documentId !== null,
    eInvoice: toEInvoiceResponse(invoice),
  };
}

function toEInvoiceResponse(invoice: Invoice): EInvoiceDto {
  const availability = eInvoiceAvailability(invoice);
  return availability.available ? { available: true } : { available: false, code: availability.code, reason: availability.message };
}

export function toInvoiceDetailResponse(invoice: Invoice, lines: InvoiceLine[], payments: Payment[]): InvoiceDetailResponseDto {
  return {
    ...toInvoiceResponse(invoice),
    issuer: invoice.issuer,
    customer: invoice.customer,
    creditReason: invoice.creditReason,
    lines: lines.map(({ kind, description, periodStart, periodEnd, amountExVatCents, vatRateBps, vatCents }) => ({
      kind,
      description,
      periodStart,
      periodEnd,
      amountExVatCents,
      vatRateBps,
      vatCents,
    })),
    payments: payments.map((payment) =>
      toPaymentResponse(payment, payments.find((other) => other.reversesPaymentId === payment.id)?.id ?? null),
    ),
  };
}
