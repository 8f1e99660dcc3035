import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiErrors, ApiFile, FILE_TYPES } from '../../common/openapi/api-docs.decorators.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { INVOICES_ERRORS } from '../invoices/invoices.errors.js';
import { TENANTS_ERRORS } from '../tenants/tenants.errors.js';
import {
  AgreeArrangementDto,
  ArrangementResponseDto,
  BuildingArrearsDto,
  ReminderResponseDto,
  toArrangementResponse,
  toReminderResponse,
} from './dto/dunning.dto.js';
import { DUNNING_ERRORS } from './dunning.errors.js';
import { DunningService } from './dunning.service.js';
import { PaymentArrangementsService } from './payment-arrangements.service.js';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('api/invoices/:id/reminders')
export class RemindersController {
  constructor(private readonly dunning: DunningService) {}

  @Get()
  @Can('reminders.read')
  @ApiOperation({
    summary: 'Reminder letters of an invoice',
    description:
      'The reminder steps sent for the invoice, in order: first reminder, second reminder, final notice, each with its date, ' +
      'what was open then and the route of its PDF. Admins and the invoice’s tenant; another tenant’s invoice is unknown (404).',
  })
  @ApiOkResponse({ type: [ReminderResponseDto] })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
  ): Promise<ReminderResponseDto[]> {
    return (await this.dunning.reminders(id, principal)).map(toReminderResponse);
  }

  @Get(':step/pdf')
  @Can('reminders.read')
  @ApiOperation({
    summary: 'One reminder letter',
    description: 'The stored PDF of reminder step 1, 2 or 3 of the invoice; a step not sent is 404.',
  })
  @ApiErrors(DUNNING_ERRORS.reminder_not_found)
  @ApiFile('The reminder letter', FILE_TYPES.pdf)
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
    @Param('step') step: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.dunning.reminderPdf(id, step, principal));
  }
}

@ApiTags('payment arrangements')
@ApiBearerAuth()
@Controller('api')
export class PaymentArrangementsController {
  constructor(private readonly arrangements: PaymentArrangementsService) {}

  @Post('tenants/:id/payment-arrangements')
  @Can('payment-arrangements.write')
  @ApiOperation({
    summary: 'Agree a payment arrangement',
    description:
      'Instalments over months for open invoices of the tenant. The instalments fall due one after the other from today and add up to ' +
      'what is open on the invoices (422 otherwise); an invoice not open or not of this tenant is 422, one already under an active ' +
      'arrangement 409. While the arrangement is active its invoices get no reminders.',
  })
  @ApiErrors(
    DUNNING_ERRORS.invoice_not_open_of_tenant,
    DUNNING_ERRORS.instalments_do_not_add_up,
    DUNNING_ERRORS.instalments_out_of_order,
    DUNNING_ERRORS.invoice_under_arrangement,
  )
  @ApiCreatedResponse({ type: ArrangementResponseDto })
  async agree(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) tenantId: string,
    @Body() body: AgreeArrangementDto,
  ): Promise<ArrangementResponseDto> {
    return toArrangementResponse(await this.arrangements.agree(tenantId, body, principal));
  }

  @Get('tenants/:id/payment-arrangements')
  @Can('payment-arrangements.read')
  @ApiOperation({
    summary: 'A tenant’s payment arrangements',
    description: 'Newest first, in every status, each instalment with what is paid of it. Admins and the tenant itself.',
  })
  @ApiOkResponse({ type: [ArrangementResponseDto] })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) tenantId: string,
  ): Promise<ArrangementResponseDto[]> {
    return (await this.arrangements.listOf(tenantId, principal)).map(toArrangementResponse);
  }

  @Get('payment-arrangements/:id')
  @Can('payment-arrangements.read')
  @ApiOperation({ summary: 'One payment arrangement', description: 'Its status, invoices and instalments with what is paid of each.' })
  @ApiOkResponse({ type: ArrangementResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(DUNNING_ERRORS.arrangement_not_found)) id: string,
  ): Promise<ArrangementResponseDto> {
    return toArrangementResponse(await this.arrangements.get(id, principal));
  }

  @Post('payment-arrangements/:id/cancel')
  @Can('payment-arrangements.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a payment arrangement',
    description: 'An active arrangement is called off; its invoices get reminders again from the next daily run.',
  })
  @ApiErrors(DUNNING_ERRORS.arrangement_not_active)
  @ApiOkResponse({ type: ArrangementResponseDto, description: 'The arrangement, now `cancelled`' })
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(DUNNING_ERRORS.arrangement_not_found)) id: string,
  ): Promise<ArrangementResponseDto> {
    return toArrangementResponse(await this.arrangements.cancel(id, principal));
  }
}

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('api/buildings/:id/arrears')
export class ArrearsController {
  constructor(private readonly dunning: DunningService) {}

  @Get()
  @Can('arrears.read')
  @ApiOperation({
    summary: 'Arrears of a building',
    description:
      'Per tenant with invoices overdue today: since when (the oldest due date), what is open in all, the last reminder step sent, ' +
      'any payment arrangement, and the invoices. Admins only: it names the tenants.',
  })
  @ApiErrors(BUILDINGS_ERRORS.building_not_found)
  @ApiOkResponse({ type: BuildingArrearsDto })
  arrears(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
  ): Promise<BuildingArrearsDto> {
    return this.dunning.arrears(buildingId, principal);
  }
}
