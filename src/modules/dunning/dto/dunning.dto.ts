import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsObject, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators.js';
import { ARRANGEMENT_STATUSES } from '../payment-arrangement.entity.js';
import type { ArrangementStatus, DunningStep, InstalmentProgress } from '../dunning-rules.js';
import type { DunningStepSent } from '../dunning-step.entity.js';
import type { ArrangementView } from '../payment-arrangements.service.js';
import { STEP_TITLES } from '../reminder-letter-pdf.js';

const STEP_NAMES: Record<DunningStep, string> = { 1: 'first_reminder', 2: 'second_reminder', 3: 'final_notice' };

export class ReminderResponseDto {
  @ApiProperty({ enum: [1, 2, 3], description: '1 first reminder, 2 second reminder, 3 final notice' }) step!: number;
  @ApiProperty({ enum: Object.values(STEP_NAMES) }) name!: string;
  @ApiProperty({ example: 'Betalingsherinnering', description: 'The letter’s title' }) title!: string;
  @ApiProperty({ example: '2012-03-29' }) sentOn!: string;
  @ApiProperty({ description: 'What was open on the invoice when the letter was written' }) openCents!: number;
  @ApiProperty({ example: '/api/invoices/…/reminders/1/pdf' }) pdf!: string;
}

export function toReminderResponse(sent: DunningStepSent): ReminderResponseDto {
  return {
    step: sent.step,
    name: STEP_NAMES[sent.step],
    title: STEP_TITLES[sent.step],
    sentOn: sent.sentOn,
    openCents: sent.openCents,
    pdf: `/api/invoices/${sent.invoiceId}/reminders/${sent.step}/pdf`,
  };
}

export class InstalmentDto {
  @ApiProperty({ example: '2012-05-01' }) @IsIsoDate() dueDate!: string;
  @ApiProperty({ example: 12_500 }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) amountCents!: number;
}

export class AgreeArrangementDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Open invoices of this tenant' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invoiceIds!: string[];

  @ApiProperty({ type: [InstalmentDto], description: 'In due order, from today on; they add up to what is open on the invoices' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @IsObject({ each: true, message: 'each instalment must be an object' })
  @ValidateNested({ each: true })
  @Type(() => InstalmentDto)
  instalments!: InstalmentDto[];
}

export class InstalmentResponseDto {
  @ApiProperty() position!: number;
  @ApiProperty({ example: '2012-05-01' }) dueDate!: string;
  @ApiProperty() amountCents!: number;
  @ApiProperty({ description: 'Paid of it so far: payments since the agreement fill the instalments in due order' }) paidCents!: number;
}

export class ArrangementResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ enum: ARRANGEMENT_STATUSES }) status!: ArrangementStatus;
  @ApiProperty({ example: '2012-04-15' }) agreedOn!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) endedOn!: string | null;
  @ApiProperty({ description: 'What was open on the invoices when it was agreed' }) totalCents!: number;
  @ApiProperty({ description: 'Paid on the invoices since it was agreed' }) paidCents!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) invoiceIds!: string[];
  @ApiProperty({ type: [InstalmentResponseDto] }) instalments!: InstalmentResponseDto[];
}

export function toArrangementResponse({ arrangement, invoiceIds, instalments, paidCents }: ArrangementView): ArrangementResponseDto {
  const { id, tenantId, status, agreedOn, endedOn, totalCents } = arrangement;
  return {
    id,
    tenantId,
    status,
    agreedOn,
    endedOn,
    totalCents,
    paidCents,
    invoiceIds,
    instalments: instalments.map(({ position, dueDate, amountCents, paidCents: paid }: InstalmentProgress) => ({
      position,
      dueDate,
      amountCents,
      paidCents: paid,
    })),
  };
}

export class ArrearsInvoiceDto {
  @ApiProperty({ format: 'uuid' }) invoiceId!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ example: '2012-03-15' }) dueDate!: string;
  @ApiProperty() openCents!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The last reminder step sent (1–3)' }) lastStep!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastStepOn!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) arrangementId!: string | null;
  @ApiProperty({ type: String, enum: ARRANGEMENT_STATUSES, nullable: true }) arrangementStatus!: ArrangementStatus | null;
}

export class ArrangementRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ARRANGEMENT_STATUSES }) status!: string;
}

export class TenantArrearsDto {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty() tenantName!: string;
  @ApiProperty({ description: 'The due date of the oldest overdue invoice' }) overdueSince!: string;
  @ApiProperty() totalOpenCents!: number;
  @ApiProperty({ type: Number, nullable: true }) lastStep!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastStepOn!: string | null;
  @ApiProperty({ type: ArrangementRefDto, nullable: true, description: 'The active arrangement, else the latest' })
  arrangement!: ArrangementRefDto | null;
  @ApiProperty({ type: [ArrearsInvoiceDto] }) invoices!: ArrearsInvoiceDto[];
}

export class BuildingArrearsDto {
  @ApiProperty({ example: '2012-05-01' }) asOf!: string;
  @ApiProperty() totalOpenCents!: number;
  @ApiProperty({ type: [TenantArrearsDto] }) tenants!: TenantArrearsDto[];
}
