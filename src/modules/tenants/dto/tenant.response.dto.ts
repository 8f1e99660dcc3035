import { ApiProperty } from '@nestjs/swagger';
import type { Tenant } from '../tenant.entity.js';

export class TenantResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) discipline!: string | null;
  @ApiProperty({ type: String, nullable: true }) postcode!: string | null;
  @ApiProperty({ type: String, nullable: true }) kvkNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) vatNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) peppolId!: string | null;
}

export function toTenantResponse(tenant: Tenant): TenantResponseDto {
  const { id, name, email, discipline, postcode, kvkNumber, vatNumber, address, peppolId } = tenant;
  return { id, name, email, discipline, postcode, kvkNumber, vatNumber, address, peppolId };
}
