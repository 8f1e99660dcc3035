/**
 * One owning module per table: only the owner writes its tables, and only the owner's SQL names
 * them. Other modules change them through the owner's service and read what the owner publishes:
 * views and SQL functions created in its migrations (migrations/*PublishedReads*), or its services.
 * A module is a folder under src/modules/, or under src/ for the shared ones (documents, events).
 * `table-ownership.spec.ts` holds this map against every entity, migration and SQL string.
 */
export const OWNERSHIP = {
  organisations: { tables: ['organisation'], publishes: ['organisation_party'] },
  users: { tables: ['app_user'], publishes: ['user_email', 'user_contact'] },
  auth: { tables: ['login_failure', 'signing_key'], publishes: [] },
  properties: {
    tables: [
      'property',
      'property_floor',
      'vacancy_period',
      'vacancy_rule_set',
      'vacancy_report',
      'vacancy_consultation',
      'vacancy_decision',
      'interim_use',
    ],
    publishes: [],
  },
  buildings: { tables: ['building', 'building_ownership'], publishes: ['building_register', 'building_owner_period'] },
  floors: { tables: ['floor'], publishes: ['floor_level'] },
  spaces: { tables: ['space'], publishes: ['space_placement'] },
  tenants: { tables: ['tenant'], publishes: ['tenant_party', 'tenant_profile'] },
  'rent-bands': { tables: ['rent_band_scheme', 'rent_band', 'band_assessment'], publishes: ['assessed_tenant'] },
  leases: {
    tables: ['lease', 'lease_revision', 'building_indexation', 'lease_notice'],
    publishes: ['lease_terms', 'lease_running_within', 'lease_running_on', 'lease_rate_revision', 'lease_rate_on', 'floor_occupancy_on'],
  },
  documents: { tables: ['document'], publishes: [] },
  invoices: {
    tables: ['invoice_run', 'invoice_run_item', 'invoice_counter', 'invoice', 'invoice_line', 'payment', 'tenant_credit', 'credit_entry'],
    publishes: ['lease_arrears_on', 'invoice_balance', 'payment_received'],
  },
  'direct-debit': {
    tables: ['mandate', 'mandate_amendment', 'mandate_counter', 'collection', 'collection_item'],
    publishes: ['active_mandate_of_tenant', 'collection_debit', 'invoice_pending_collection'],
  },
  'bank-statements': { tables: ['bank_statement', 'bank_entry'], publishes: [] },
  applications: {
    tables: [
      'application_round',
      'application_round_floor',
      'application',
      'application_preferred_floor',
      'application_member',
      'application_event',
      'application_review',
      'floor_allocation',
      'allocation_tenant',
      'floor_offer',
    ],
    publishes: ['floor_current_group', 'floor_group_on', 'waiting_list', 'application_group'],
  },
  'owner-finance': { tables: ['building_finance', 'investment'], publishes: ['head_lease_finance', 'investment_ledger'] },
  handovers: { tables: ['handover'], publishes: ['floor_departure'] },
  'search-profiles': { tables: ['search_profile'], publishes: [] },
  tenders: {
    tables: [
      'tender',
      'tender_criterion',
      'tender_reviewer',
      'tender_proposal',
      'tender_score',
      'tender_award',
      'conversion_subsidy_scheme',
    ],
    publishes: [],
  },
  reports: { tables: ['report'], publishes: ['report_requester'] },
  dunning: {
    tables: ['dunning_step', 'payment_arrangement', 'arrangement_invoice', 'arrangement_instalment'],
    publishes: ['dunning_arrears_on'],
  },
  'time-account': {
    tables: ['working_group', 'time_entry', 'programme_event', 'subsidy', 'hourly_value'],
    publishes: ['approved_time', 'programme_activity', 'subsidy_ledger'],
  },
  events: { tables: ['domain_event', 'event_consumption'], publishes: [] },
  audit: { tables: ['audit_entry'], publishes: [] },
  mail: { tables: ['message', 'password_reset'], publishes: [] },
} as const satisfies Record<string, { tables: readonly string[]; publishes: readonly string[] }>;

export type OwningModule = keyof typeof OWNERSHIP;

/** table → owning module */
export const TABLE_OWNERS: ReadonlyMap<string, OwningModule> = new Map(
  Object.entries(OWNERSHIP).flatMap(([module, { tables }]) => tables.map((table) => [table, module as OwningModule] as const)),
);

/** published view or function → the module that publishes it */
export const PUBLISHERS: ReadonlyMap<string, OwningModule> = new Map(
  Object.entries(OWNERSHIP).flatMap(([module, { publishes }]) => publishes.map((name) => [name, module as OwningModule] as const)),
);
