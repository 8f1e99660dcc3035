import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireCapability, staffUmbrellaOf } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { ConflictError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import { normaliseIban } from '../../common/validation/validators.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import type { Organisation } from '../organisations/organisation.entity.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { DirectDebitRepository } from './direct-debit.repository.js';
import { DIRECT_DEBIT_ERRORS } from './direct-debit.errors.js';
import type { AmendMandateDto, CreateMandateDto, RevokeMandateDto } from './dto/mandate.dto.js';
import type { Mandate, MandateAmendment } from './mandate.entity.js';

export interface MandateView {
  mandate: Mandate;
  amendments: MandateAmendment[];
}

/** `VKG-M-000123` for a mandate of a lease in building VKG; `M-000123` for one over all the tenant's leases. */
export function generatedMandateReference(invoicePrefix: string | null, number: number): string {
  const serial = `M-${String(number).padStart(6, '0')}`;
  return invoicePrefix ? `${invoicePrefix}-${serial}` : serial;
}

/** `reference()`: the reference the refused write tried, known only inside its transaction when generated. */
const MANDATE_CONSTRAINTS = (reference: () => string) => ({
  uq_mandate_creditor_reference: () => new ConflictError(DIRECT_DEBIT_ERRORS.mandate_reference_taken, { reference: reference() }),
  uq_mandate_active_of_lease: () => new ConflictError(DIRECT_DEBIT_ERRORS.mandate_already_active),
  uq_mandate_active_of_tenant: () => new ConflictError(DIRECT_DEBIT_ERRORS.mandate_already_active),
});

/** A tenant's direct-debit mandates: only staff write them; a tenant reads its own. */
@Injectable()
export class MandatesService {
  constructor(
    private readonly repository: DirectDebitRepository,
    private readonly tenants: TenantsService,
    private readonly buildings: BuildingsService,
    private readonly organisations: OrganisationsService,
    private readonly events: DomainEvents,
  ) {}

  async create(tenantId: string, input: CreateMandateDto, principal: Principal): Promise<MandateView> {
    requireCapability(principal, 'mandates.write');
    await this.tenants.getVisible(tenantId, principal);
    await this.requireCreditor(input.creditorId, 'creditorId', principal);
    let invoicePrefix: string | null = null;
    if (input.leaseId !== undefined) {
      const lease = await this.repository.leaseOf(input.leaseId);
      if (!lease || lease.tenantId !== tenantId) {
        throw new RuleError(DIRECT_DEBIT_ERRORS.lease_of_other_tenant, { leaseId: input.leaseId }, [
          { field: 'leaseId', message: 'must be a lease of this tenant' },
        ]);
      }
      invoicePrefix = lease.invoicePrefix;
    }
    let attempted = input.reference ?? '';
    const mandate = await translateConstraintViolations(
      () =>
        this.repository.transaction(async (manager) => {
          const reference =
            input.reference ?? generatedMandateReference(invoicePrefix, await this.repository.nextMandateNumber(manager, input.creditorId));
          attempted = reference;
          const created = await this.repository.insertMandate(manager, {
            tenantId,
            leaseId: input.leaseId ?? null,
            creditorId: input.creditorId,
            reference,
            iban: normaliseIban(input.iban),
            bic: input.bic ?? null,
            accountHolder: input.accountHolder.trim(),
            signedOn: input.signedOn,
            signedPlace: input.signedPlace.trim(),
            method: input.method,
            createdBy: actorOf(principal),
          });
          await this.events.record(manager, {
            type: 'mandate.signed',
            entityId: created.id,
            payload: { tenantId, leaseId: created.leaseId, creditorId: created.creditorId, reference, signedOn: created.signedOn },
            actorUserId: actorOf(principal),
          });
          return created;
        }),
      MANDATE_CONSTRAINTS(() => attempted),
    );
    return { mandate, amendments: [] };
  }

  async listOfTenant(tenantId: string, principal: Principal): Promise<MandateView[]> {
    requireCapability(principal, 'mandates.read');
    // Another tenant's record answers as unknown.
    await this.tenants.getVisible(tenantId, principal);
    const mandates = await this.repository.mandatesOfTenant(tenantId);
    const amendments = await this.repository.amendmentsOf(mandates.map((mandate) => mandate.id));
    return mandates.map((mandate) => ({ mandate, amendments: amendments.get(mandate.id)! }));
  }

  /** The mandates of every tenant with a lease in the building: a list for staff (it names the tenants), who write mandates. */
  async listOfBuilding(buildingId: string, principal: Principal): Promise<MandateView[]> {
    requireCapability(principal, 'mandates.write');
    await this.buildings.getVisible(buildingId, principal);
    const mandates = await this.repository.mandatesInBuilding(buildingId);
    const amendments = await this.repository.amendmentsOf(mandates.map((mandate) => mandate.id));
    return mandates.map((mandate) => ({ mandate, amendments: amendments.get(mandate.id)! }));
  }

  async get(id: string, principal: Principal): Promise<MandateView> {
    requireCapability(principal, 'mandates.read');
    const mandate = await this.requireVisible(id, principal);
    return { mandate, amendments: (await this.repository.amendmentsOf([id])).get(id)! };
  }

  /** The mandate if its tenant lies within the principal's reach; another umbrella's answers as unknown, before anything is written. */
  private async requireVisible(id: string, principal: Principal): Promise<Mandate> {
    const mandate = await this.repository.findMandate(id);
    if (!mandate || !(await this.tenants.mayRead(mandate.tenantId, principal)))
      throw new NotFoundError(DIRECT_DEBIT_ERRORS.mandate_not_found, { id });
    return mandate;
  }

  /**
   * A new IBAN, a new creditor (after an owner handover that changes who collects) or a new reference.
   * What the mandate had is kept in the amendment, so the next batch can tell the bank.
   */
  async amend(id: string, input: AmendMandateDto, principal: Principal): Promise<MandateView> {
    requireCapability(principal, 'mandates.write');
    await this.requireVisible(id, principal);
    const creditorAfter = input.creditorId !== undefined ? await this.requireCreditor(input.creditorId, 'creditorId', principal) : null;
    let attempted = input.reference ?? '';
    await translateConstraintViolations(
      () =>
        this.repository.transaction(async (manager) => {
          const mandate = await this.lockActive(manager, id);
          const ibanAfter = input.iban !== undefined ? normaliseIban(input.iban) : null;
          const change = {
            iban: ibanAfter !== null && ibanAfter !== mandate.iban ? ibanAfter : null,
            creditorId: creditorAfter !== null && creditorAfter.id !== mandate.creditorId ? creditorAfter.id : null,
            reference: input.reference !== undefined && input.reference !== mandate.reference ? input.reference : null,
          };
          if (change.iban === null && change.creditorId === null && change.reference === null) {
            throw new RuleError(DIRECT_DEBIT_ERRORS.amendment_changes_nothing);
          }
          attempted = change.reference ?? mandate.reference;
          const amendment = await this.repository.insertAmendment(manager, {
            mandateId: id,
            amendedOn: input.amendedOn,
            reason: input.reason.trim(),
            ibanBefore: mandate.iban,
            ibanAfter: change.iban,
            creditorIdBefore: mandate.creditorId,
            creditorIdentifierBefore: await this.repository.creditorIdentifierOf(manager, mandate.creditorId),
            creditorIdAfter: change.creditorId,
            referenceBefore: mandate.reference,
            referenceAfter: change.reference,
            createdBy: actorOf(principal),
          });
          await this.repository.updateMandate(manager, id, {
            ...(change.iban !== null && { iban: change.iban, bic: input.bic ?? null }),
            ...(change.creditorId !== null && { creditorId: change.creditorId }),
            ...(change.reference !== null && { reference: change.reference }),
          });
          await this.events.record(manager, {
            type: 'mandate.amended',
            entityId: id,
            payload: {
              amendmentId: amendment.id,
              ibanChanged: change.iban !== null,
              creditorIdBefore: mandate.creditorId,
              creditorIdAfter: change.creditorId ?? mandate.creditorId,
              referenceBefore: mandate.reference,
              referenceAfter: change.reference ?? mandate.reference,
            },
            actorUserId: actorOf(principal),
          });
        }),
      MANDATE_CONSTRAINTS(() => attempted),
    );
    return this.get(id, principal);
  }

  async revoke(id: string, input: RevokeMandateDto, principal: Principal): Promise<MandateView> {
    requireCapability(principal, 'mandates.write');
    await this.requireVisible(id, principal);
    await this.repository.transaction(async (manager) => {
      await this.lockActive(manager, id);
      await this.repository.updateMandate(manager, id, {
        status: 'revoked',
        revokedOn: input.revokedOn,
        revokedReason: input.reason.trim(),
      });
      await this.events.record(manager, {
        type: 'mandate.revoked',
        entityId: id,
        payload: { revokedOn: input.revokedOn, reason: input.reason.trim() },
        actorUserId: actorOf(principal),
      });
    });
    return this.get(id, principal);
  }

  private async lockActive(manager: EntityManager, id: string): Promise<Mandate> {
    const mandate = await this.repository.lockMandate(manager, id);
    if (!mandate) throw new NotFoundError(DIRECT_DEBIT_ERRORS.mandate_not_found, { id });
    if (mandate.status === 'revoked') throw new RuleError(DIRECT_DEBIT_ERRORS.mandate_revoked, { revokedOn: mandate.revokedOn! });
    return mandate;
  }

  /** An umbrella that can collect (it has a creditor identifier), and for an umbrella's staff their own. */
  private async requireCreditor(id: string, field: string, principal: Principal): Promise<Organisation> {
    const creditor = await this.organisations.requireOfKind(id, 'umbrella', field);
    const own = staffUmbrellaOf(principal);
    if (own !== null && own !== creditor.id) {
      throw new RuleError(DIRECT_DEBIT_ERRORS.creditor_not_yours, {}, [{ field, message: 'must be your own umbrella' }]);
    }
    if (!creditor.creditorIdentifier) {
      throw new RuleError(DIRECT_DEBIT_ERRORS.creditor_incomplete, { creditor: creditor.name, missing: 'a creditor identifier' }, [
        { field, message: 'the umbrella has no creditorIdentifier' },
      ]);
    }
    return creditor;
  }
}
