import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page.js';
import { BANK_ENTRY_OUTCOMES, type BankEntry, type BankEntryOutcome } from '../bank-statement.entity.js';
import type { ImportedStatement, StatementSummary } from '../bank-statements.service.js';

export class OutcomeCountsDto {
  @ApiProperty({ description: 'Transfers booked as a payment on an invoice' }) paid!: number;
  @ApiProperty({ description: 'Direct debits collected: a payment on the invoice' }) collected!: number;
  @ApiProperty({ description: 'Direct debits returned or refused: the invoice is open again' }) returned!: number;
  @ApiProperty({ description: 'Credits that named no invoice (or one that refused the booking): to match by hand' }) unmatched!: number;
  @ApiProperty({ description: 'Nothing to book: outgoing payments, costs, entries not booked by the bank yet' }) ignored!: number;
}

export class BankStatementResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'NL91ABNA0417164300' }) account!: string;
  @ApiProperty({ description: 'The statement id the bank gave (Stmt/Id)' }) statementRef!: string;
  @ApiProperty({ description: 'ElctrncSeqNb, else LglSeqNb; empty when the bank gives neither' }) sequence!: string;
  @ApiProperty({ enum: ['02', '08'] }) camtVersion!: '02' | '08';
  @ApiProperty() fileSha256!: string;
  @ApiProperty({ description: 'Transaction details in the statement' }) entryCount!: number;
  @ApiProperty({ description: 'Of those, the ones an earlier statement already booked' }) duplicateCount!: number;
  @ApiProperty({ type: String, format: 'date-time' }) importedAt!: string;
  @ApiProperty({ type: OutcomeCountsDto }) counts!: OutcomeCountsDto;
}

export class ImportedStatementDto extends BankStatementResponseDto {
  @ApiProperty({ description: 'The statement was imported before; this import booked nothing' }) alreadyImported!: boolean;
}

export class ImportResponseDto {
  @ApiProperty({ type: [ImportedStatementDto], description: 'Each statement of the file, in its order' })
  statements!: ImportedStatementDto[];
}

export function toStatementResponse({ statement, counts }: StatementSummary): BankStatementResponseDto {
  const { id, account, statementRef, sequence, camtVersion, fileSha256, entryCount, duplicateCount, importedAt } = statement;
  return {
    id,
    account,
    statementRef,
    sequence,
    camtVersion,
    fileSha256,
    entryCount,
    duplicateCount,
    importedAt: importedAt.toISOString(),
    counts,
  };
}

export function toImportResponse(imported: ImportedStatement[]): ImportResponseDto {
  return { statements: imported.map((item) => ({ ...toStatementResponse(item), alreadyImported: item.alreadyImported })) };
}

export class BankEntryResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) statementId!: string;
  @ApiProperty({ description: 'Its place in the statement, from 0' }) position!: number;
  @ApiProperty({ enum: ['collection', 'return', 'transfer', 'other'] }) kind!: BankEntry['kind'];
  @ApiProperty({ enum: ['credit', 'debit'] }) direction!: 'credit' | 'debit';
  @ApiProperty() amountCents!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '2012-03-02' }) bookingDate!: string;
  @ApiProperty({ type: String, nullable: true }) valueDate!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'PMNT/IDDT/ESDD' }) transactionCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) bankReference!: string | null;
  @ApiProperty({ type: String, nullable: true }) endToEndId!: string | null;
  @ApiProperty({ type: String, nullable: true }) structuredReference!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The free text (Ustrd) and additional information' }) remittance!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) counterpartyName!: string | null;
  @ApiProperty({ type: String, nullable: true }) counterpartyIban!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'AM04', description: 'The reason code of a returned direct debit' })
  returnReason!: string | null;
  @ApiProperty({ enum: BANK_ENTRY_OUTCOMES }) outcome!: BankEntryOutcome;
  @ApiProperty({ type: String, nullable: true, description: 'The error code of the invoice that refused the booking' })
  refusal!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) invoiceId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) tenantId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The payment booked, or for a return its reversal' })
  paymentId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'For a return: the collection it undid' })
  returnsEntryId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) matchedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) matchedAt!: string | null;
}

export function toBankEntryResponse(entry: BankEntry): BankEntryResponseDto {
  return {
    id: entry.id,
    statementId: entry.statementId,
    position: entry.position,
    kind: entry.kind,
    direction: entry.direction,
    amountCents: entry.amountCents,
    currency: entry.currency,
    bookingDate: entry.bookingDate,
    valueDate: entry.valueDate,
    transactionCode: entry.transactionCode,
    bankReference: entry.bankReference,
    endToEndId: entry.endToEndId,
    structuredReference: entry.structuredReference,
    remittance: entry.remittance,
    counterpartyName: entry.counterpartyName,
    counterpartyIban: entry.counterpartyIban,
    returnReason: entry.returnReason,
    outcome: entry.outcome,
    refusal: entry.refusal,
    invoiceId: entry.invoiceId,
    tenantId: entry.tenantId,
    paymentId: entry.paymentId,
    returnsEntryId: entry.returnsEntryId,
    matchedBy: entry.matchedBy,
    matchedAt: entry.matchedAt ? entry.matchedAt.toISOString() : null,
  };
}

export class ListBankEntriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BANK_ENTRY_OUTCOMES }) @IsOptional() @IsIn(BANK_ENTRY_OUTCOMES) outcome?: BankEntryOutcome;
}

export class MatchBankEntryDto {
  @ApiProperty({ format: 'uuid', description: 'The invoice the entry pays (or, for a return, the invoice whose collection came back)' })
  @IsUUID()
  invoiceId!: string;
}

export class CollectionFailuresResponseDto {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ description: 'Direct debits of the tenant that came back (returned or refused)' }) failedCollections!: number;
  @ApiProperty({ type: [BankEntryResponseDto], description: 'Those returns, newest first' }) returns!: BankEntryResponseDto[];
}
