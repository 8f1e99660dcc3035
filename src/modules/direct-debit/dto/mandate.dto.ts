import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, registerDecorator } from 'class-validator';
import { isSepaIdentifier } from '../../../common/sepa/sepa-text.js';
import { BIC_PATTERN, IsIban, IsIsoDate } from '../../../common/validation/validators.js';
import {
  MANDATE_METHODS,
  MANDATE_STATUSES,
  type Mandate,
  type MandateAmendment,
  type MandateMethod,
  type MandateStatus,
} from '../mandate.entity.js';

/** A mandate reference in the SEPA identifier set, at most 35 characters. */
function IsMandateReference() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isMandateReference',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be 1–35 letters, digits or / - ? : ( ) . , ' + (no spaces, no // and not starting or ending with /)`,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isSepaIdentifier(value) },
    });
}

const BIC_MESSAGE = { message: 'bic must be a BIC of 8 or 11 capitals and digits' };

export class CreateMandateDto {
  @ApiProperty({ format: 'uuid', description: 'The umbrella organisation that collects; it needs a creditor identifier' })
  @IsUUID()
  creditorId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'For one lease of the tenant only; without it the mandate covers all its leases with the creditor',
  })
  @IsOptional()
  @IsUUID()
  leaseId?: string;

  @ApiPropertyOptional({ example: 'VKG-M-000123', description: 'Unique per creditor; generated when not given' })
  @IsOptional()
  @IsMandateReference()
  reference?: string;

  @ApiProperty({ example: 'NL02 ABNA 0123 4567 89' })
  @IsIban()
  iban!: string;

  @ApiPropertyOptional({ example: 'ABNANL2A' })
  @IsOptional()
  @Matches(BIC_PATTERN, BIC_MESSAGE)
  bic?: string;

  @ApiProperty({ example: 'J. de Vries' })
  @IsString()
  @Length(1, 70)
  accountHolder!: string;

  @ApiProperty({ example: '2011-12-15' })
  @IsIsoDate()
  signedOn!: string;

  @ApiProperty({ example: 'Amsterdam' })
  @IsString()
  @Length(1, 100)
  signedPlace!: string;

  @ApiProperty({ enum: MANDATE_METHODS })
  @IsIn(MANDATE_METHODS)
  method!: MandateMethod;
}

export class AmendMandateDto {
  @ApiPropertyOptional({ description: 'The new account the tenant pays from' })
  @IsOptional()
  @IsIban()
  iban?: string;

  @ApiPropertyOptional({ description: 'BIC of the new account' })
  @IsOptional()
  @Matches(BIC_PATTERN, BIC_MESSAGE)
  bic?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The umbrella that collects from now on (after an owner handover that changes who collects)',
  })
  @IsOptional()
  @IsUUID()
  creditorId?: string;

  @ApiPropertyOptional({ description: 'A new mandate reference, unique with the (new) creditor' })
  @IsOptional()
  @IsMandateReference()
  reference?: string;

  @ApiProperty({ example: '2012-05-01' })
  @IsIsoDate()
  amendedOn!: string;

  @ApiProperty({ example: 'New bank account' })
  @IsString()
  @Length(1, 300)
  reason!: string;
}

export class RevokeMandateDto {
  @ApiProperty({ example: '2012-06-30' })
  @IsIsoDate()
  revokedOn!: string;

  @ApiProperty({ example: 'Tenant pays by transfer' })
  @IsString()
  @Length(1, 300)
  reason!: string;
}

export class MandateAmendmentResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() amendedOn!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() ibanBefore!: string;
  @ApiProperty({ type: String, nullable: true }) ibanAfter!: string | null;
  @ApiProperty({ format: 'uuid' }) creditorIdBefore!: string;
  @ApiProperty({ type: String, nullable: true }) creditorIdentifierBefore!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) creditorIdAfter!: string | null;
  @ApiProperty() referenceBefore!: string;
  @ApiProperty({ type: String, nullable: true }) referenceAfter!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The collection that told the bank' })
  reportedInCollectionId!: string | null;
}

export class MandateResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) leaseId!: string | null;
  @ApiProperty({ format: 'uuid' }) creditorId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ description: 'Electronic format, no spaces' }) iban!: string;
  @ApiProperty({ type: String, nullable: true }) bic!: string | null;
  @ApiProperty() accountHolder!: string;
  @ApiProperty() signedOn!: string;
  @ApiProperty() signedPlace!: string;
  @ApiProperty({ enum: MANDATE_METHODS }) method!: MandateMethod;
  @ApiProperty({ enum: ['CORE'] }) scheme!: 'CORE';
  @ApiProperty({ enum: MANDATE_STATUSES }) status!: MandateStatus;
  @ApiProperty({ type: String, nullable: true }) revokedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedReason!: string | null;
  @ApiProperty({ type: [MandateAmendmentResponseDto], description: 'Oldest first' }) amendments!: MandateAmendmentResponseDto[];
}

export function toMandateResponse(mandate: Mandate, amendments: MandateAmendment[]): MandateResponseDto {
  const { id, tenantId, leaseId, creditorId, reference, iban, bic, accountHolder, signedOn, signedPlace, method, scheme, status } = mandate;
  return {
    id,
    tenantId,
    leaseId,
    creditorId,
    reference,
    iban,
    bic,
    accountHolder,
    signedOn,
    signedPlace,
    method,
    scheme,
    status,
    revokedOn: mandate.revokedOn,
    revokedReason: mandate.revokedReason,
    amendments: amendments.map((amendment) => ({
      id: amendment.id,
      amendedOn: amendment.amendedOn,
      reason: amendment.reason,
      ibanBefore: amendment.ibanBefore,
      ibanAfter: amendment.ibanAfter,
      creditorIdBefore: amendment.creditorIdBefore,
      creditorIdentifierBefore: amendment.creditorIdentifierBefore,
      creditorIdAfter: amendment.creditorIdAfter,
      referenceBefore: amendment.referenceBefore,
      referenceAfter: amendment.referenceAfter,
      reportedInCollectionId: amendment.reportedInCollectionId,
    })),
  };
}
