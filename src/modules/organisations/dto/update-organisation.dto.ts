import { PartialType } from '@nestjs/swagger';
import { CreateOrganisationDto } from './create-organisation.dto.js';

/** Any subset of the create fields; null empties an optional one. The kind stays what it was. */
export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) {}
