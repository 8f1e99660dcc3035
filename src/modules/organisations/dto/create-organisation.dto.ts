import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsIban, IsVatNumber } from '../../../common/validation/validators.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisation.entity.js';

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
}
