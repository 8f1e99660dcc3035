import { EventConsumption, OutboxEvent } from '../events/outbox-event.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { Building } from '../modules/buildings/building.entity.js';
import { StoredDocument } from '../documents/document.entity.js';
import { APPLICATION_ENTITIES } from '../modules/applications/application.entity.js';
import { Floor } from '../modules/floors/floor.entity.js';
import { Handover, LeaseNotice } from '../modules/handovers/handover.entity.js';
import { Invoice, InvoiceCounter, InvoiceLine, Payment } from '../modules/invoices/invoice.entity.js';
import { InvoiceRun, InvoiceRunItem } from '../modules/invoices/invoice-run.entity.js';
import { Lease } from '../modules/leases/lease.entity.js';
import { BuildingIndexation, LeaseRevision } from '../modules/leases/lease-revision.entity.js';
import { BandAssessment } from '../modules/rent-bands/band-assessment.entity.js';
import { BuildingFinance, Investment } from '../modules/owner-finance/owner-finance.entity.js';
import { RentBand, RentBandScheme } from '../modules/rent-bands/rent-band-scheme.entity.js';
import { Report } from '../modules/reports/report.entity.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';
import { LoginFailure } from '../modules/auth/login-failure.entity.js';
import { SigningKey } from '../modules/auth/signing-key.entity.js';
import { Organisation } from '../modules/organisations/organisation.entity.js';
import { Space } from '../modules/spaces/space.entity.js';
import { User } from '../modules/users/user.entity.js';

/** Every mapped table: the app, the tests and the migration drift check load the same list. */
export const ENTITIES = [
  Organisation,
  User,
  LoginFailure,
  SigningKey,
  Building,
  Floor,
  Space,
  Tenant,
  RentBandScheme,
  RentBand,
  BandAssessment,
  Lease,
  LeaseRevision,
  BuildingIndexation,
  StoredDocument,
  InvoiceRun,
  InvoiceRunItem,
  InvoiceCounter,
  Invoice,
  InvoiceLine,
  Payment,
  ...APPLICATION_ENTITIES,
  BuildingFinance,
  Investment,
  Handover,
  LeaseNotice,
  Report,
  OutboxEvent,
  EventConsumption,
  AuditEntry,
];
