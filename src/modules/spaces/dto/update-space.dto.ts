import { PartialType } from '@nestjs/swagger';
import { CreateSpaceDto } from './create-space.dto.js';

/** Any subset of the create fields. A new area counts for invoices not issued yet; issued ones never change. */
export class UpdateSpaceDto extends PartialType(CreateSpaceDto) {}
