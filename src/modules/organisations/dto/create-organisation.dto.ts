import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsIban } from '../../../common/validation/validators.js';
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

  @ApiPropertyOptional({ example: 'NL809362514B01', description: 'VAT identification number' })
  @IsOptional()
  @Matches(/^[A-Z]{2}[0-9A-Z+*]{2,12}$/, { message: 'vatNumber must be a VAT identification number such as NL809362514B01' })
  vatNumber?: string;

  @ApiPropertyOptional({ example: 'NL91 ABNA 0417 1643 00' })
  @IsOptional()
  @IsIban()
  iban?: string;
}
