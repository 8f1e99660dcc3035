import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiErrors, ApiFile, FILE_TYPES } from '../../common/openapi/api-docs.decorators.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { ORGANISATIONS_ERRORS } from '../organisations/organisations.errors.js';
import { TENANTS_ERRORS } from '../tenants/tenants.errors.js';
import { CollectionsService } from './collections.service.js';
import { DIRECT_DEBIT_ERRORS } from './direct-debit.errors.js';
import {
  CollectionResponseDto,
  CollectionSummaryDto,
  CreateCollectionDto,
  toCollectionResponse,
  toCollectionSummary,
  toCreatedCollectionResponse,
  CreatedCollectionResponseDto,
} from './dto/collection.dto.js';
import { AmendMandateDto, CreateMandateDto, MandateResponseDto, RevokeMandateDto, toMandateResponse } from './dto/mandate.dto.js';
import { MandatesService } from './mandates.service.js';

@ApiTags('direct debit')
@ApiBearerAuth()
@Controller('api')
export class MandatesController {
  constructor(private readonly mandates: MandatesService) {}

  @Post('tenants/:id/mandates')
  @Can('mandates.write')
  @ApiOperation({
    summary: 'Record a signed direct-debit mandate',
    description:
      'A SEPA Core mandate of the tenant to an umbrella (`creditorId`, which needs a creditor identifier), for all its leases with that umbrella or for one (`leaseId`). ' +
      'The IBAN is checked; the reference is unique per creditor and generated (`VKG-M-000123`) when not given. One active mandate per tenant, creditor and lease.',
  })
  @ApiErrors(
    TENANTS_ERRORS.tenant_not_found,
    ORGANISATIONS_ERRORS.unknown_umbrella,
    DIRECT_DEBIT_ERRORS.creditor_incomplete,
    DIRECT_DEBIT_ERRORS.creditor_not_yours,
    DIRECT_DEBIT_ERRORS.lease_of_other_tenant,
    DIRECT_DEBIT_ERRORS.mandate_reference_taken,
    DIRECT_DEBIT_ERRORS.mandate_already_active,
  )
  @ApiCreatedResponse({ type: MandateResponseDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) tenantId: string,
    @Body() body: CreateMandateDto,
  ): Promise<MandateResponseDto> {
    const { mandate, amendments } = await this.mandates.create(tenantId, body, principal);
    return toMandateResponse(mandate, amendments);
  }

  @Get('tenants/:id/mandates')
  @Can('mandates.read')
  @ApiOperation({
    summary: 'A tenant’s mandates',
    description: 'Newest signed first, revoked ones too, each with its amendments. A tenant reads only its own.',
  })
  @ApiErrors(TENANTS_ERRORS.tenant_not_found)
  @ApiOkResponse({ type: [MandateResponseDto] })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) tenantId: string,
  ): Promise<MandateResponseDto[]> {
    const views = await this.mandates.listOfTenant(tenantId, principal);
    return views.map(({ mandate, amendments }) => toMandateResponse(mandate, amendments));
  }

  @Get('mandates/:id')
  @Can('mandates.read')
  @ApiOperation({ summary: 'A mandate', description: 'With its amendment history, oldest first. A tenant reads only its own.' })
  @ApiErrors(DIRECT_DEBIT_ERRORS.mandate_not_found)
  @ApiOkResponse({ type: MandateResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(DIRECT_DEBIT_ERRORS.mandate_not_found)) id: string,
  ): Promise<MandateResponseDto> {
    const { mandate, amendments } = await this.mandates.get(id, principal);
    return toMandateResponse(mandate, amendments);
  }

  @Post('mandates/:id/amendments')
  @Can('mandates.write')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Amend a mandate',
    description:
      'A new IBAN (and BIC), a new creditor (an umbrella with a creditor identifier, e.g. after an owner handover that changes who collects) or a new reference. ' +
      'What it was is kept; the next collection tells the bank (AmdmntInd with the original IBAN, creditor and reference).',
  })
  @ApiErrors(
    DIRECT_DEBIT_ERRORS.mandate_not_found,
    DIRECT_DEBIT_ERRORS.mandate_revoked,
    DIRECT_DEBIT_ERRORS.amendment_changes_nothing,
    DIRECT_DEBIT_ERRORS.creditor_incomplete,
    DIRECT_DEBIT_ERRORS.creditor_not_yours,
    DIRECT_DEBIT_ERRORS.mandate_reference_taken,
    DIRECT_DEBIT_ERRORS.mandate_already_active,
    ORGANISATIONS_ERRORS.unknown_umbrella,
  )
  @ApiCreatedResponse({ type: MandateResponseDto })
  async amend(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(DIRECT_DEBIT_ERRORS.mandate_not_found)) id: string,
    @Body() body: AmendMandateDto,
  ): Promise<MandateResponseDto> {
    const { mandate, amendments } = await this.mandates.amend(id, body, principal);
    return toMandateResponse(mandate, amendments);
  }

  @Post('mandates/:id/revoke')
  @Can('mandates.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a mandate',
    description: 'No batch collects under it after this; its invoices carry the QR code for a transfer instead.',
  })
  @ApiErrors(DIRECT_DEBIT_ERRORS.mandate_not_found, DIRECT_DEBIT_ERRORS.mandate_revoked)
  @ApiOkResponse({ type: MandateResponseDto })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(DIRECT_DEBIT_ERRORS.mandate_not_found)) id: string,
    @Body() body: RevokeMandateDto,
  ): Promise<MandateResponseDto> {
    const { mandate, amendments } = await this.mandates.revoke(id, body, principal);
    return toMandateResponse(mandate, amendments);
  }
}

@ApiTags('direct debit')
@ApiBearerAuth()
@Controller('api')
export class CollectionsController {
  constructor(private readonly collections: CollectionsService) {}

  @Post('buildings/:id/collections')
  @Can('collections.write')
  @ApiOperation({
    summary: 'Make a direct-debit batch',
    description:
      'Gathers every open invoice of the building that was pre-notified, due by `collectionDate` and in no batch that did not come back: its PDF announced the debit ' +
      'under a mandate that is still active to the umbrella (amended or not), and it was issued at least 14 days before `collectionDate`. Writes the pain.008 file ' +
      '(version per the umbrella’s `sepaPainVersion`). The other open invoices of tenants with a mandate are listed in `skipped` with why; they stay payable by transfer. ' +
      'Two batches made at once never share an invoice.',
  })
  @ApiErrors(
    BUILDINGS_ERRORS.building_not_found,
    DIRECT_DEBIT_ERRORS.collection_date_past,
    DIRECT_DEBIT_ERRORS.creditor_incomplete,
    DIRECT_DEBIT_ERRORS.nothing_to_collect,
    DIRECT_DEBIT_ERRORS.invoice_in_other_batch,
  )
  @ApiCreatedResponse({ type: CreatedCollectionResponseDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Body() body: CreateCollectionDto,
  ): Promise<CreatedCollectionResponseDto> {
    const { collection, items, skipped } = await this.collections.create(buildingId, body.collectionDate, principal);
    return toCreatedCollectionResponse(collection, items, skipped);
  }

  @Get('buildings/:id/collections')
  @Can('collections.read')
  @ApiOperation({ summary: 'A building’s direct-debit batches', description: 'Latest collection date first.' })
  @ApiErrors(BUILDINGS_ERRORS.building_not_found)
  @ApiPage(CollectionSummaryDto)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<CollectionSummaryDto>> {
    return mapPage(await this.collections.listOfBuilding(buildingId, page, principal), toCollectionSummary);
  }

  @Get('collections/:id')
  @Can('collections.read')
  @ApiOperation({
    summary: 'A direct-debit batch',
    description: 'With each debit and what the bank statement said of it (pending, collected, returned with its reason).',
  })
  @ApiErrors(DIRECT_DEBIT_ERRORS.collection_not_found)
  @ApiOkResponse({ type: CollectionResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(DIRECT_DEBIT_ERRORS.collection_not_found)) id: string,
  ): Promise<CollectionResponseDto> {
    const { collection, items } = await this.collections.get(id, principal);
    return toCollectionResponse(collection, items);
  }

  @Get('collections/:id/file')
  @Can('collections.read')
  @ApiOperation({ summary: 'The batch’s pain.008 file', description: 'As stored when the batch was made, for upload to the bank.' })
  @ApiErrors(DIRECT_DEBIT_ERRORS.collection_not_found)
  @ApiFile('The pain.008 XML', FILE_TYPES.xml)
  async file(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(DIRECT_DEBIT_ERRORS.collection_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.collections.file(id, principal));
  }
}
