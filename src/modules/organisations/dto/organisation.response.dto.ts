import { ApiProperty } from '@nestjs/swagger';
import {
  ORGANISATION_KINDS,
  type Organisation,
  type OrganisationKind,
  SEPA_PAIN_VERSIONS,
  SEPA_SEQUENCES,
  type SepaPainVersion,
  type SepaSequence,
} from '../organisation.entity.js';

export class OrganisationResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
  @ApiProperty({ type: String, nullable: true }) city!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) kvkNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) vatNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Electronic format, no spaces' }) iban!: string | null;
  @ApiProperty({ type: String, nullable: true }) bic!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SEPA creditor identifier (incassant-ID)' }) creditorIdentifier!: string | null;
  @ApiProperty({ enum: SEPA_PAIN_VERSIONS }) sepaPainVersion!: SepaPainVersion;
  @ApiProperty({ enum: SEPA_SEQUENCES }) sepaSequence!: SepaSequence;
}

export function toOrganisationResponse(organisation: Organisation): OrganisationResponseDto {
  const { id, name, kind, city, address, kvkNumber, vatNumber, iban, bic, creditorIdentifier, sepaPainVersion, sepaSequence } =
    organisation;
  return { id, name, kind, city, address, kvkNumber, vatNumber, iban, bic, creditorIdentifier, sepaPainVersion, sepaSequence };
}
