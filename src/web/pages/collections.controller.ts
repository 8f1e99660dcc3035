import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { Clock } from '../../common/clock/clock.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { CollectionsService } from '../../modules/direct-debit/collections.service.js';
import { DIRECT_DEBIT_ERRORS } from '../../modules/direct-debit/direct-debit.errors.js';
import { CreateCollectionDto } from '../../modules/direct-debit/dto/collection.dto.js';
import { InvoicesService } from '../../modules/invoices/invoices.service.js';
import { translate } from '../i18n/i18n.js';
import { checkedForm, id as idOf, isoDate, refusalOf } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;

/**
 * Direct-debit batches in the browser: a building's batches, a new one for a collection date (it
 * gathers what the service finds collectable), its pain.008 file for the bank, and each debit with
 * what the bank statement said of it.
 */
@Controller()
@WebPages()
@Can('umbrella.workspace')
export class CollectionPagesController {
  constructor(
    private readonly collections: CollectionsService,
    private readonly buildings: BuildingsService,
    private readonly invoices: InvoicesService,
    private readonly clock: Clock,
  ) {}

  @Get('collections')
  overview(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query() query: Form): Promise<string> {
    return this.renderOverview(request, reply, idOf(query.buildingId), { values: { collectionDate: this.clock.today() }, errors: null });
  }

  @Post('collections')
  @HttpCode(200)
  async create(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    const buildingId = idOf(form.buildingId);
    const checked = await checkedForm(languageOf(request), CreateCollectionDto, { collectionDate: isoDate(form.collectionDate) });
    let errors: FieldError[] = checked.errors ?? [];
    if (!buildingId) errors = [...errors, { field: 'buildingId', message: translate(languageOf(request), 'collecting.chooseBuilding') }];
    if (errors.length === 0) {
      try {
        const { collection, skipped } = await this.collections.create(buildingId!, checked.value!.collectionDate, request.principal!);
        // The batch page tells how many open invoices of tenants with a mandate it left out (not pre-notified).
        void reply.redirect(`/collections/${collection.id}?done=created${skipped.length > 0 ? `&skipped=${skipped.length}` : ''}`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderOverview(request, reply, buildingId, { values: form, errors });
  }

  @Get('collections/:id')
  async collection(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(DIRECT_DEBIT_ERRORS.collection_not_found)) id: string,
  ): Promise<string> {
    const principal = request.principal!;
    const { collection, items } = await this.collections.get(id, principal);
    const [building, invoices] = await Promise.all([
      this.buildings.getVisible(collection.buildingId, principal),
      Promise.all(items.map((item) => this.invoices.getVisible(item.invoiceId, principal))),
    ]);
    return renderPage(request, reply, 'collection', 'collections.collectionTitle', {
      collection,
      items,
      building,
      customers: new Map(
        invoices.map((invoice) => [invoice.id, { number: invoice.number, name: invoice.customer.name, tenantId: invoice.tenantId }]),
      ),
      done: (request.query as Form).done,
      skipped: skippedCountOf((request.query as Form).skipped),
    });
  }

  @Get('collections/:id/file')
  async file(
    @Req() request: AuthenticatedRequest,
    @Param('id', new IdParam(DIRECT_DEBIT_ERRORS.collection_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.collections.file(id, request.principal!));
  }

  private async renderOverview(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    buildingId: string | undefined,
    form: { values: Form; errors: FieldError[] | null },
  ): Promise<string> {
    const principal = request.principal!;
    const { items: buildings } = await this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
    const selected = buildingId ?? buildings[0]?.id;
    const batches = selected ? (await this.collections.listOfBuilding(selected, { limit: 36, offset: 0 }, principal)).items : [];
    return renderPage(request, reply, 'collections', 'collections.title', { buildings, selected, batches, form });
  }
}

/** The count of skipped invoices the redirect after making a batch carries; anything else is none. */
function skippedCountOf(value: unknown): number {
  return typeof value === 'string' && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : 0;
}
