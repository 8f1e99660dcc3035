import { PartialType, PickType } from '@nestjs/swagger';
import { CreateTenantDto } from './create-tenant.dto.js';

/** Any subset of the create fields; null empties an optional one. A new address is on invoices not issued yet. */
export class UpdateTenantDto extends PartialType(CreateTenantDto) {}

/** What a tenant changes about itself: where its mail goes, its postcode and address (null empties the last two). */
export class UpdateOwnContactDto extends PartialType(PickType(CreateTenantDto, ['email', 'postcode', 'address'] as const)) {}
