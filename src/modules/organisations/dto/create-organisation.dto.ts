import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { BIC_PATTERN, IsCreditorIdentifier, IsIban, IsVatNumber } from '../../../common/validation/validators.js';
import {
  ORGANISATION_KINDS,
  type OrganisationKind,
  SEPA_PAIN_VERSIONS,
  SEPA_SEQUENCES,
  type SepaPainVersion,
  type SepaSequence,
} from '../organisation.entity.js';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Stichting Urban Resort' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiPropertyOptional({ example: 'Amsterdam', description: 'Required for a municipality: it monitors this city.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  city?: string;

  @ApiPropertyOptional({ example: 'Wibautstraat 150, 1091 GR Amsterdam' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: '34213418', description: 'Dutch Chamber of Commerce number, 8 digits' })
  @IsOptional()
  @Matches(/^[0-9]{8}$/, { message: 'kvkNumber must be 8 digits' })
  kvkNumber?: string;

  @ApiPropertyOptional({ example: 'NL123456782B01', description: 'VAT identification number' })
  @IsOptional()
  @IsVatNumber()
  vatNumber?: string;

  @ApiPropertyOptional({ example: 'NL91 ABNA 0417 1643 00' })
  @IsOptional()
  @IsIban()
  iban?: string;

  @ApiPropertyOptional({ example: 'ABNANL2A', description: 'BIC of the bank of `iban`' })
  @IsOptional()
  @Matches(BIC_PATTERN, { message: 'bic must be a BIC of 8 or 11 capitals and digits' })
  bic?: string;

  @ApiPropertyOptional({
    example: 'NL05ZZZ342635380000',
    description: 'SEPA creditor identifier (incassant-ID) an umbrella collects direct debits under; its check digits are checked',
  })
  @IsOptional()
  @IsCreditorIdentifier()
  creditorIdentifier?: string;

  @ApiPropertyOptional({ enum: SEPA_PAIN_VERSIONS, description: 'pain.008 version of the direct-debit files: `08` (default) or `02`' })
  @IsOptional()
  @IsIn(SEPA_PAIN_VERSIONS)
  sepaPainVersion?: SepaPainVersion;

  @ApiPropertyOptional({
    enum: SEPA_SEQUENCES,
    description:
      '`rcur-only` (default, allowed since the 2016 rulebook) or `frst-then-rcur` for banks that want FRST on a first collection',
  })
  @IsOptional()
  @IsIn(SEPA_SEQUENCES)
  sepaSequence?: SepaSequence;
}
