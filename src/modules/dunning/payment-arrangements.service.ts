import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { ConflictError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { type ArrangementStatus, followArrangement, type InstalmentProgress } from './dunning-rules.js';
import { DUNNING_ERRORS } from './dunning.errors.js';
import { DunningRepository } from './dunning.repository.js';
import type { PaymentArrangement } from './payment-arrangement.entity.js';

export interface ArrangementView {
  arrangement: PaymentArrangement;
  invoiceIds: string[];
  /** What the payments on its invoices since the agreement paid of each instalment. */
  instalments: InstalmentProgress[];
  paidCents: number;
}

/**
 * Payment arrangements: an admin agrees instalments with a tenant for its open invoices; while active
 * they get no reminders. The daily run follows them: paid in full is `completed`, an instalment short
 * the first reminder's days after it fell due is `broken` and the reminders resume.
 */
@Injectable()
export class PaymentArrangementsService {
  constructor(
    private readonly dunning: DunningRepository,
    private readonly tenants: TenantsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async agree(
    tenantId: string,
    input: { invoiceIds: string[]; instalments: { dueDate: string; amountCents: number }[] },
    principal: Principal,
  ): Promise<ArrangementView> {
    requireCapability(principal, 'payment-arrangements.write');
    await this.tenants.getVisible(tenantId, principal);
    const today = this.clock.today();
    const invoiceIds = [...new Set(input.invoiceIds)].sort();
    const balances = new Map((await this.dunning.balances(invoiceIds)).map((balance) => [balance.invoiceId, balance]));
    for (const invoiceId of invoiceIds) {
      const balance = balances.get(invoiceId);
      if (!balance || balance.tenantId !== tenantId || balance.status !== 'open' || balance.openCents <= 0)
        throw new RuleError(DUNNING_ERRORS.invoice_not_open_of_tenant, { invoiceId });
    }
    const dueDates = input.instalments.map((instalment) => instalment.dueDate);
    if (dueDates.some((dueDate, index) => dueDate < today || (index > 0 && dueDate <= dueDates[index - 1]!)))
      throw new RuleError(DUNNING_ERRORS.instalments_out_of_order, { today });
    const openCents = [...balances.values()].reduce((sum, balance) => sum + balance.openCents, 0);
    const sumCents = input.instalments.reduce((sum, instalment) => sum + instalment.amountCents, 0);
    if (sumCents !== openCents) throw new RuleError(DUNNING_ERRORS.instalments_do_not_add_up, { sumCents, openCents });
    const paidAtStartCents = [...balances.values()].reduce((sum, balance) => sum + balance.paidCents, 0);

    const arrangement = await translateConstraintViolations(
      () =>
        this.dunning.transaction(async (manager) => {
          const saved = await this.dunning.insertArrangement(
            manager,
            { tenantId, agreedOn: today, totalCents: openCents, paidAtStartCents, agreedBy: actorOf(principal) },
            invoiceIds,
            input.instalments,
          );
          await this.events.record(manager, {
            type: 'payment-arrangement.agreed',
            entityId: saved.id,
            actorUserId: actorOf(principal),
            payload: { tenantId, invoiceIds, totalCents: openCents, instalments: input.instalments },
          });
          return saved;
        }),
      {
        uq_arrangement_invoice_active: () =>
          new ConflictError(DUNNING_ERRORS.invoice_under_arrangement, { invoiceId: invoiceIds.join(', ') }),
      },
    );
    return this.view(arrangement);
  }

  /** A tenant's arrangements, newest first: staff, and the tenant itself; another tenant is unknown. */
  async listOf(tenantId: string, principal: Principal): Promise<ArrangementView[]> {
    requireCapability(principal, 'payment-arrangements.read');
    await this.tenants.getVisible(tenantId, principal);
    return this.views(await this.dunning.arrangementsOf(tenantId));
  }

  async get(id: string, principal: Principal): Promise<ArrangementView> {
    return this.view(await this.getVisible(id, principal));
  }

  async cancel(id: string, principal: Principal): Promise<ArrangementView> {
    requireCapability(principal, 'payment-arrangements.write');
    await this.getVisible(id, principal);
    const today = this.clock.today();
    await this.dunning.transaction(async (manager) => {
      const arrangement = (await this.dunning.lockArrangement(manager, id))!;
      if (arrangement.status !== 'active') throw new ConflictError(DUNNING_ERRORS.arrangement_not_active, { status: arrangement.status });
      await this.end(manager, arrangement, 'cancelled', today, actorOf(principal));
    });
    return this.get(id, principal);
  }

  /** For the daily run: ends the active arrangements that are paid (`completed`) or missed an instalment (`broken`). */
  async follow(day: string): Promise<void> {
    await this.dunning.transaction(async (manager) => {
      await this.dunning.lockDailyRun(manager);
      const active = await this.dunning.activeArrangements(manager);
      for (const view of await this.views(active, day, manager)) {
        const { status } = followArrangement(view.instalments, view.paidCents, day, this.config.dunning.stepDays[0]);
        if (status !== 'active') await this.end(manager, view.arrangement, status, day, null);
      }
    });
  }

  private async end(
    manager: EntityManager,
    arrangement: PaymentArrangement,
    status: Exclude<ArrangementStatus, 'active'>,
    day: string,
    actorUserId: string | null,
  ): Promise<void> {
    if (!(await this.dunning.endArrangement(manager, arrangement.id, status, day))) return;
    const invoiceIds = (await this.dunning.invoiceIdsOf([arrangement.id], manager)).get(arrangement.id) ?? [];
    await this.events.record(manager, {
      type: `payment-arrangement.${status}`,
      entityId: arrangement.id,
      actorUserId,
      payload: { tenantId: arrangement.tenantId, invoiceIds, endedOn: day },
    });
  }

  private async getVisible(id: string, principal: Principal): Promise<PaymentArrangement> {
    requireCapability(principal, 'payment-arrangements.read');
    const arrangement = await this.dunning.findArrangement(id);
    if (!arrangement) throw new NotFoundError(DUNNING_ERRORS.arrangement_not_found, { id });
    await this.tenants.getVisible(arrangement.tenantId, principal).catch(() => {
      throw new NotFoundError(DUNNING_ERRORS.arrangement_not_found, { id });
    });
    return arrangement;
  }

  private async view(arrangement: PaymentArrangement): Promise<ArrangementView> {
    return (await this.views([arrangement]))[0]!;
  }

  private async views(
    arrangements: PaymentArrangement[],
    day: string = this.clock.today(),
    manager?: EntityManager,
  ): Promise<ArrangementView[]> {
    const ids = arrangements.map((arrangement) => arrangement.id);
    // One after the other: inside a transaction they share its one connection.
    const instalments = await this.dunning.instalmentsOf(ids, manager);
    const invoiceIds = await this.dunning.invoiceIdsOf(ids, manager);
    const paid = await this.dunning.paidOnInvoicesOf(ids, manager);
    return arrangements.map((arrangement) => {
      const paidCents = Math.max(0, (paid.get(arrangement.id) ?? 0) - arrangement.paidAtStartCents);
      const progress = followArrangement(instalments.get(arrangement.id) ?? [], paidCents, day, this.config.dunning.stepDays[0]);
      return { arrangement, invoiceIds: invoiceIds.get(arrangement.id) ?? [], instalments: progress.instalments, paidCents };
    });
  }
}
