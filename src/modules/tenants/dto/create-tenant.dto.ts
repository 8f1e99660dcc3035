import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsVatNumber } from '../../../common/validation/validators.js';

export class CreateTenantDto {
  @ApiProperty({ example: 'Anneke de Vries' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'anneke@example.org' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: 'beeldende kunst' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  discipline?: string;

  @ApiPropertyOptional({ example: '1091 GR', description: 'Dutch postcode' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, { message: 'postcode must be a Dutch postcode such as 1091 GR' })
  postcode?: string;

  @ApiPropertyOptional({ example: '12345678' })
  @IsOptional()
  @Matches(/^[0-9]{8}$/, { message: 'kvkNumber must be 8 digits' })
  kvkNumber?: string;

  @ApiPropertyOptional({ example: 'NL123456782B01' })
  @IsOptional()
  @IsVatNumber()
  vatNumber?: string;

  @ApiPropertyOptional({ example: 'Wibautstraat 150-3.14, 1091 GR Amsterdam' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({
    example: '0106:12345678',
    description: 'Peppol participant id (ICD scheme:id); the tenant then gets its e-invoices in the Peppol BIS 3 profile',
  })
  @IsOptional()
  @Matches(/^[0-9]{4}:[A-Za-z0-9._-]{1,100}$/, { message: 'peppolId must be a scheme and an id such as 0106:12345678' })
  peppolId?: string;
}
