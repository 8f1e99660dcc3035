import { addMonths } from '../../common/dates.js';

export interface PlannedLease {
  leaseId: string;
  tenantId: string;
  floorId: string;
  floorLevel: number;
  areaM2: number;
  endDate: string | null;
  noticeMonths: number;
}

export interface VacantSpace {
  spaceId: string;
  code: string;
  floorId: string;
  areaM2: number;
}

export interface LeaseFate {
  leaseId: string;
  tenantId: string;
  floorLevel: number;
  /** For a transferred lease its own end; for an ended lease the end the notice sets. */
  endDate: string | null;
  /** It runs on past the end of use after the handover (an open end does too): the buyer must know. */
  runsPastUseEnd: boolean;
}

export interface EndedLease extends LeaseFate {
  endDate: string;
  /** Vacant space on retained floors of a similar size (within 25%), free from the new end. */
  relocationOptions: { spaceId: string; code: string; areaM2: number }[];
}

export interface HandoverPlan {
  leasesTransferred: LeaseFate[];
  leasesEnded: EndedLease[];
}

const SIMILAR_SIZE = 0.25;
const MAX_RELOCATION_OPTIONS = 3;

/**
 * What a sale does to each lease that runs on past the transfer date (art. 7:226 BW: sale does not
 * break a lease). Leases on retained floors run on unchanged. Leases on floors that leave the
 * broedplaats get a notice to vacate: they end at the later of the transfer date and the notice
 * date plus their notice period (never later than they would have ended anyway), with offers of
 * vacant space of a similar size on retained floors. Leases that would run past the end of use
 * after the handover (the new one, or the building's) are flagged.
 */
export function planHandover(input: {
  leases: PlannedLease[];
  retainedFloorIds: string[];
  transferDate: string;
  noticeDate: string;
  vacantOnRetainedFloors: VacantSpace[];
  /** The end of use after the handover; null for a permanent building. */
  useEnd: string | null;
}): HandoverPlan {
  const retained = new Set(input.retainedFloorIds);
  const plan: HandoverPlan = { leasesTransferred: [], leasesEnded: [] };
  const offered = new Set<string>();
  const runsPastUseEnd = (endDate: string | null) => input.useEnd !== null && (endDate === null || endDate > input.useEnd);
  for (const lease of [...input.leases].sort((a, b) => a.floorLevel - b.floorLevel || a.leaseId.localeCompare(b.leaseId))) {
    const fate = { leaseId: lease.leaseId, tenantId: lease.tenantId, floorLevel: lease.floorLevel };
    if (retained.has(lease.floorId)) {
      plan.leasesTransferred.push({ ...fate, endDate: lease.endDate, runsPastUseEnd: runsPastUseEnd(lease.endDate) });
      continue;
    }
    const afterNotice = addMonths(input.noticeDate, lease.noticeMonths);
    const noticeEnd = afterNotice > input.transferDate ? afterNotice : input.transferDate;
    const endDate = lease.endDate !== null && lease.endDate < noticeEnd ? lease.endDate : noticeEnd;
    const relocationOptions = input.vacantOnRetainedFloors
      .filter((space) => !offered.has(space.spaceId) && Math.abs(space.areaM2 - lease.areaM2) <= lease.areaM2 * SIMILAR_SIZE)
      .sort((a, b) => Math.abs(a.areaM2 - lease.areaM2) - Math.abs(b.areaM2 - lease.areaM2) || a.code.localeCompare(b.code))
      .slice(0, MAX_RELOCATION_OPTIONS)
      .map(({ spaceId, code, areaM2 }) => ({ spaceId, code, areaM2 }));
    // The best match is held for this tenant, so two tenants are not both sent to one space first.
    if (relocationOptions[0]) offered.add(relocationOptions[0].spaceId);
    plan.leasesEnded.push({ ...fate, endDate, runsPastUseEnd: runsPastUseEnd(endDate), relocationOptions });
  }
  return plan;
}
