import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BUILDINGS_ERRORS } from '../../modules/buildings/buildings.errors.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { UpdateBuildingDto } from '../../modules/buildings/dto/update-building.dto.js';
import { UpdateFloorDto } from '../../modules/floors/dto/update-floor.dto.js';
import { FLOORS_ERRORS } from '../../modules/floors/floors.errors.js';
import { FloorsService } from '../../modules/floors/floors.service.js';
import { CorrectSpaceService } from '../../modules/leases/correct-space.service.js';
import { UpdateSpaceDto } from '../../modules/spaces/dto/update-space.dto.js';
import { SPACE_USES } from '../../modules/spaces/space.entity.js';
import { SPACES_ERRORS } from '../../modules/spaces/spaces.errors.js';
import { SpacesService } from '../../modules/spaces/spaces.service.js';
import { checkedForm, decimal, integer, isoDate, refusalOf, text } from '../forms.js';
import type { MessageKey } from '../i18n/i18n.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;

/** A field of a correction form: its name, label and input type. */
interface EditField {
  name: string;
  label: MessageKey;
  type?: 'text' | 'date' | 'number' | 'select' | 'checkbox';
  inputmode?: string;
  options?: readonly string[];
}

const BUILDING_FIELDS: EditField[] = [
  { name: 'name', label: 'edit.name' },
  { name: 'address', label: 'edit.address' },
  { name: 'city', label: 'edit.city' },
  { name: 'useStart', label: 'edit.useStart', type: 'date' },
  { name: 'useEnd', label: 'edit.useEnd', type: 'date' },
  { name: 'invoicePrefix', label: 'edit.invoicePrefix' },
];
const FLOOR_FIELDS: EditField[] = [
  { name: 'level', label: 'edit.level', inputmode: 'numeric' },
  { name: 'name', label: 'edit.name' },
  { name: 'theme', label: 'edit.theme' },
];
const SPACE_FIELDS: EditField[] = [
  { name: 'code', label: 'edit.code' },
  { name: 'areaM2', label: 'edit.area', inputmode: 'decimal' },
  { name: 'use', label: 'edit.use', type: 'select', options: SPACE_USES },
  { name: 'publicCounter', label: 'edit.publicCounter', type: 'checkbox' },
];

/** An optional field the form sent empty: emptied (null) when it held something, else left out. */
function emptied(value: unknown, stored: unknown): null | undefined {
  return typeof value === 'string' && value.trim() === '' && stored !== null && stored !== undefined ? null : undefined;
}

/**
 * Corrections of the property register in the browser: a building, a floor, a space. Each saves
 * only what changed, through the same service (and its audit) as PATCH; an issued invoice never
 * changes, a corrected area counts from the next invoice on.
 */
@Controller()
@WebPages()
@Can('umbrella.workspace')
export class RegisterPagesController {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly floors: FloorsService,
    private readonly spaces: SpacesService,
    private readonly correctSpace: CorrectSpaceService,
  ) {}

  @Get('buildings/:id/edit')
  async editBuilding(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) id: string,
  ): Promise<string> {
    const building = await this.buildings.getVisible(id, request.principal!);
    return this.render(request, reply, 'edit.building', `/buildings/${id}`, BUILDING_FIELDS, { ...building }, null);
  }

  @Post('buildings/:id/edit')
  @HttpCode(200)
  async saveBuilding(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) id: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const building = await this.buildings.getVisible(id, request.principal!);
    const typed = {
      name: text(form.name),
      address: text(form.address),
      city: text(form.city),
      useStart: isoDate(form.useStart),
      useEnd: isoDate(form.useEnd) ?? emptied(form.useEnd, building.useEnd),
      invoicePrefix: text(form.invoicePrefix),
    };
    const changed = Object.fromEntries(
      Object.entries(typed).filter(([field, value]) => value !== undefined && value !== building[field as keyof typeof building]),
    );
    return this.save(request, reply, 'edit.building', `/buildings/${id}`, BUILDING_FIELDS, form, UpdateBuildingDto, changed, (input) =>
      this.buildings.update(id, input, request.principal!),
    );
  }

  @Get('floors/:id/edit')
  async editFloor(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(FLOORS_ERRORS.floor_not_found)) id: string,
  ): Promise<string> {
    const floor = await this.floors.getVisible(id, request.principal!);
    return this.render(request, reply, 'edit.floor', `/buildings/${floor.buildingId}`, FLOOR_FIELDS, { ...floor }, null);
  }

  @Post('floors/:id/edit')
  @HttpCode(200)
  async saveFloor(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(FLOORS_ERRORS.floor_not_found)) id: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const floor = await this.floors.getVisible(id, request.principal!);
    const typed = {
      level: integer(form.level),
      name: text(form.name) ?? emptied(form.name, floor.name),
      theme: text(form.theme) ?? emptied(form.theme, floor.theme),
    };
    const changed = Object.fromEntries(
      Object.entries(typed).filter(([field, value]) => value !== undefined && value !== floor[field as keyof typeof floor]),
    );
    return this.save(request, reply, 'edit.floor', `/buildings/${floor.buildingId}`, FLOOR_FIELDS, form, UpdateFloorDto, changed, (input) =>
      this.floors.update(id, input, request.principal!),
    );
  }

  @Get('spaces/:id/edit')
  async editSpace(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(SPACES_ERRORS.space_not_found)) id: string,
  ): Promise<string> {
    const space = await this.visibleSpace(id, request);
    return this.render(request, reply, 'edit.space', `/buildings/${space.buildingId}`, SPACE_FIELDS, { ...space }, null);
  }

  @Post('spaces/:id/edit')
  @HttpCode(200)
  async saveSpace(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(SPACES_ERRORS.space_not_found)) id: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const space = await this.visibleSpace(id, request);
    const typed = { code: text(form.code), areaM2: decimal(form.areaM2), use: text(form.use), publicCounter: form.publicCounter === 'on' };
    const changed = Object.fromEntries(
      Object.entries(typed).filter(([field, value]) => value !== undefined && value !== space[field as keyof typeof space]),
    );
    return this.save(request, reply, 'edit.space', `/buildings/${space.buildingId}`, SPACE_FIELDS, form, UpdateSpaceDto, changed, (input) =>
      this.correctSpace.correct(id, input, request.principal!),
    );
  }

  /** A space is shown to whoever may see its floor's building (as the API's space lists). */
  private async visibleSpace(id: string, request: AuthenticatedRequest) {
    const space = await this.spaces.get(id);
    await this.floors.getVisible(space.floorId, request.principal!);
    return space;
  }

  private async save<T extends object>(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    title: MessageKey,
    back: string,
    fields: EditField[],
    form: Form,
    dto: new () => T,
    changed: Record<string, unknown>,
    apply: (input: T) => Promise<unknown>,
  ): Promise<string | void> {
    if (Object.keys(changed).length === 0) {
      void reply.redirect(`${back}?saved=0`, 303);
      return;
    }
    const checked = await checkedForm(languageOf(request), dto, changed);
    let errors = checked.errors;
    if (!errors) {
      try {
        await apply(checked.value!);
        void reply.redirect(`${back}?saved=1`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.render(request, reply, title, back, fields, form, errors);
  }

  private render(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    title: MessageKey,
    back: string,
    fields: EditField[],
    values: Record<string, unknown>,
    errors: FieldError[] | null,
  ): Promise<string> {
    return renderPage(request, reply, 'edit', title, { fields, values, errors, back, action: request.url.split('?')[0] });
  }
}
