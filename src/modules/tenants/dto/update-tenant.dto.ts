import { PartialType } from '@nestjs/swagger';
import { CreateTenantDto } from './create-tenant.dto.js';

/** Any subset of the create fields; null empties an optional one. A new address is on invoices not issued yet. */
export class UpdateTenantDto extends PartialType(CreateTenantDto) {}
