import { yearOf } from '../../common/dates.js';
import { daysOwnedInUse, ownerBalance } from '../owner-finance/balance.js';
import type { BuildingEntry, MoneyFacts, TimeFacts } from './time-account.repository.js';
import {
  EVENT_KINDS,
  maskTimeCells,
  maskTotal,
  type MaskedCount,
  type ShownTimeCell,
  showExact,
  TIME_KINDS,
  type TimeCell,
  valueOfQuarterCents,
} from './time-rules.js';

export type PartyRole = 'tenants' | 'umbrella' | 'owner' | 'municipality' | 'subsidy_source' | 'other';

export interface MoneyLine {
  item: 'rent_paid' | 'rent_received' | 'subsidy' | 'head_lease_rent' | 'interest' | 'investment';
  inCents: number;
  outCents: number;
  /** For an owner's lines: the days of the period it owned the building in use. */
  ownedDays?: number;
}

export interface MoneyParty {
  role: PartyRole;
  partyId: string | null;
  name: string | null;
  inCents: number;
  outCents: number;
  lines: MoneyLine[];
}

export interface MoneyAccount {
  rentInvoicedCents: number;
  parties: MoneyParty[];
  /** The owners' head-lease rent and interest are their own books: left out for readers who may not see them. */
  ownerBooksWithheld: boolean;
}

export interface TimeAccount {
  total: ShownTimeCell;
  byKind: ShownTimeCell[];
  byGroup: (ShownTimeCell & { name: string | null })[];
  events: { events: number; visitors: number; free: number; paid: number; byKind: { kind: string; events: number; visitors: number }[] };
}

export interface OwnerPeriod {
  ownerId: string;
  ownerName: string;
  ownedFrom: string;
  ownedTo: string | null;
}

export interface HeadLease {
  headLeaseRentYearCents: number;
  loanPrincipalCents: number;
  interestRateBps: number;
}

const NO_HEAD_LEASE: HeadLease = { headLeaseRentYearCents: 0, loanPrincipalCents: 0, interestRateBps: 0 };

/**
 * The money account of one building for a range, per party: the tenants pay rent to the umbrella, the umbrella gets subsidies
 * and pays head-lease rent to whoever owned the building each day (the seller until the transfer date, the buyer from it), each
 * owner pays interest for its own days, and every investor's investments dated in the range go out of its pocket.
 */
export function moneyAccount(
  building: BuildingEntry,
  money: MoneyFacts,
  headLease: HeadLease | undefined,
  periods: OwnerPeriod[],
  range: { first: string; last: string },
  mayReadOwnerBooks: (ownerId: string) => boolean,
): MoneyAccount {
  const parties = new Map<string, MoneyParty>();
  const party = (key: string, role: PartyRole, partyId: string | null, name: string | null): MoneyParty => {
    let found = parties.get(key);
    if (!found) {
      found = { role, partyId, name, inCents: 0, outCents: 0, lines: [] };
      parties.set(key, found);
    }
    return found;
  };
  const add = (target: MoneyParty, line: MoneyLine) => {
    if (line.inCents === 0 && line.outCents === 0) return;
    target.lines.push(line);
    target.inCents += line.inCents;
    target.outCents += line.outCents;
  };
  const tenants = party('tenants', 'tenants', null, null);
  const umbrella = party(building.umbrellaId, 'umbrella', building.umbrellaId, building.umbrellaName);
  add(tenants, { item: 'rent_paid', inCents: 0, outCents: money.rentReceivedCents });
  add(umbrella, { item: 'rent_received', inCents: money.rentReceivedCents, outCents: 0 });
  for (const subsidy of money.subsidies) {
    add(umbrella, { item: 'subsidy', inCents: subsidy.amountCents, outCents: 0 });
    add(party(`subsidy:${subsidy.source}`, 'subsidy_source', null, subsidy.source), {
      item: 'subsidy',
      inCents: 0,
      outCents: subsidy.amountCents,
    });
  }
  let withheld = false;
  const finance = headLease ?? NO_HEAD_LEASE;
  const year = yearOf(range.first);
  for (const ownerId of [...new Set(periods.map((period) => period.ownerId))]) {
    const owned = periods.filter((period) => period.ownerId === ownerId);
    const days = daysOwnedInUse(range, building, owned);
    if (days === 0) continue;
    if (!mayReadOwnerBooks(ownerId)) {
      withheld = true;
      continue;
    }
    const { rentIncomeCents, interestCostCents } = ownerBalance(finance, days, year);
    const owner = party(ownerId, 'owner', ownerId, owned[0]!.ownerName);
    add(umbrella, { item: 'head_lease_rent', inCents: 0, outCents: rentIncomeCents, ownedDays: days });
    add(owner, { item: 'head_lease_rent', inCents: rentIncomeCents, outCents: 0, ownedDays: days });
    add(owner, { item: 'interest', inCents: 0, outCents: interestCostCents, ownedDays: days });
  }
  for (const investment of money.investments) {
    const role: PartyRole =
      investment.partyKind === 'municipality'
        ? 'municipality'
        : investment.partyKind === 'owner'
          ? 'owner'
          : investment.partyKind === 'umbrella'
            ? 'umbrella'
            : 'other';
    add(party(investment.partyId, role, investment.partyId, investment.partyName), {
      item: 'investment',
      inCents: 0,
      outCents: investment.amountCents,
    });
  }
  return {
    rentInvoicedCents: money.rentInvoicedCents,
    parties: [...parties.values()].filter((entry) => entry.lines.length > 0 || entry.role === 'tenants' || entry.role === 'umbrella'),
    ownerBooksWithheld: withheld,
  };
}

/** Approved hours valued at the hourly value of their day; for `masked` readers `<5` where fewer than five people stand behind a number. */
export function timeAccount(facts: TimeFacts, detail: 'exact' | 'masked'): TimeAccount {
  const cell = (key: string, row: { quarters: number; people: number; quarterCents: number } | undefined): TimeCell => ({
    key,
    quarters: row?.quarters ?? 0,
    people: row?.people ?? 0,
    valueCents: valueOfQuarterCents(row?.quarterCents ?? 0),
  });
  const total = cell('total', facts.total);
  const kinds = TIME_KINDS.map((kind) =>
    cell(
      kind,
      facts.byKind.find((row) => row.kind === kind),
    ),
  );
  const groups = facts.byGroup.map((row) => ({ ...cell(row.workingGroupId ?? 'none', row), name: row.name }));
  const shownTotal = detail === 'exact' ? showExact(total) : maskTotal(total);
  const totalShown = shownTotal.hours !== null;
  const shownKinds = detail === 'exact' ? kinds.map(showExact) : maskTimeCells(kinds, totalShown);
  const shownGroups = detail === 'exact' ? groups.map(showExact) : maskTimeCells(groups, totalShown);
  const events = EVENT_KINDS.map((kind) => facts.events.find((row) => row.kind === kind) ?? { kind, events: 0, visitors: 0, free: 0 });
  const count = events.reduce((sum, row) => sum + row.events, 0);
  const free = events.reduce((sum, row) => sum + row.free, 0);
  return {
    total: shownTotal,
    byKind: shownKinds,
    byGroup: shownGroups.map((shown, index) => ({ ...shown, name: groups[index]!.name })),
    events: {
      events: count,
      visitors: events.reduce((sum, row) => sum + row.visitors, 0),
      free,
      paid: count - free,
      byKind: events.map(({ kind, events: n, visitors }) => ({ kind, events: n, visitors })),
    },
  };
}

/** Adds the facts of several buildings (people are given separately: one person in two buildings counts once). */
export function sumTimeFacts(facts: TimeFacts[], people: { total: number; byKind: Map<string, number> }): TimeFacts {
  const sum = (rows: { quarters: number; quarterCents: number }[]) => ({
    quarters: rows.reduce((total, row) => total + row.quarters, 0),
    quarterCents: rows.reduce((total, row) => total + row.quarterCents, 0),
  });
  const byKind = TIME_KINDS.map((kind) => ({
    kind,
    ...sum(facts.flatMap((fact) => fact.byKind.filter((row) => row.kind === kind))),
    people: people.byKind.get(kind) ?? 0,
  }));
  const events = EVENT_KINDS.map((kind) => {
    const rows = facts.flatMap((fact) => fact.events.filter((row) => row.kind === kind));
    return {
      kind,
      events: rows.reduce((total, row) => total + row.events, 0),
      visitors: rows.reduce((total, row) => total + row.visitors, 0),
      free: rows.reduce((total, row) => total + row.free, 0),
    };
  });
  return {
    buildingId: '',
    byKind,
    byGroup: [],
    total: { ...sum(facts.map((fact) => fact.total)), people: people.total },
    events,
  };
}

export type { MaskedCount };
