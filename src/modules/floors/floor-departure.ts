/**
 * A floor that a completed handover did not retain left the broedplaats on the transfer date.
 * Nothing may be let or offered there from that day on.
 */

/** A lease that runs on or after the day its floor left (an open end runs on for ever). */
export function leaseRunsAfterDeparture(lease: { startDate: string; endDate: string | null }, leftOn: string | null): boolean {
  return leftOn !== null && (lease.endDate === null || lease.endDate >= leftOn);
}

/** A round offers a floor until it closes; a floor that leaves by then cannot be offered. */
export function roundOutlivesDeparture(round: { closesOn: string }, leftOn: string | null): boolean {
  return leftOn !== null && leftOn <= round.closesOn;
}
