import { addMonths } from '../common/dates.js';
import {
  DEMO_APPLICANTS,
  DEMO_TENANT_EMAIL,
  DEMO_USERS,
  demoApplicantMembers,
  demoLeases,
  demoPersonName,
  demoTimeline,
} from './volkskrantgebouw.js';

describe('the Volkskrantgebouw demo data', () => {
  it('replays the story of February 2012 fourteen years later on 18 February 2026', () => {
    expect(demoTimeline('2026-02-18')).toMatchObject({
      useStart: '2021-06-01',
      useEnd: '2027-07-01',
      firstRound: { name: 'Volkskrantgebouw 2021', opensOn: '2021-02-01', closesOn: '2021-03-31', allocatedOn: '2021-04-15' },
      leaseStart: '2022-01-01',
      leaseEnd: '2027-06-30',
      basisYears: [2021, 2023, 2025],
      investmentDates: { owner: '2021-05-01', municipality: '2021-05-15' },
      noticeDate: '2025-09-01',
      transferDate: '2025-12-01',
      invoicePeriods: ['2025-11', '2025-12', '2026-01', '2026-02'],
      openRound: { opensOn: '2026-01-28', closesOn: '2026-03-11', allocatedOn: '2026-02-11' },
    });
  });

  it.each(['2026-01-01', '2026-03-31', '2028-02-29', '2030-12-31'])(
    'keeps the spacing, all in the past but the open round, on %s',
    (today) => {
      const timeline = demoTimeline(today);
      const m = `${today.slice(0, 7)}-01`;
      expect(timeline.useStart).toBe(addMonths(m, -56));
      expect(timeline.useEnd).toBe(addMonths(timeline.useStart, 73));
      // Today in the fifth year of use.
      expect(addMonths(timeline.useStart, 48) <= today && today < addMonths(timeline.useStart, 60)).toBe(true);
      expect(timeline.firstRound.opensOn < timeline.firstRound.closesOn && timeline.firstRound.allocatedOn < timeline.useStart).toBe(true);
      expect(timeline.noticeDate < timeline.transferDate && timeline.transferDate < today).toBe(true);
      expect(timeline.upperFloorsReleasedOn <= today).toBe(true);
      expect(timeline.invoicePeriods.map((period) => `${period}-01`).every((day) => day <= today)).toBe(true);
      const { opensOn, closesOn, allocatedOn } = timeline.openRound;
      expect(opensOn < today && today < closesOn).toBe(true);
      expect(timeline.upperFloorsReleasedOn <= allocatedOn && allocatedOn <= today).toBe(true);
      // The assessments cover every year from the first lease to today.
      const lastValid = Math.max(...timeline.basisYears) + 1;
      expect(Math.min(...timeline.basisYears)).toBeLessThanOrEqual(Number(timeline.leaseStart.slice(0, 4)));
      expect(lastValid).toBeGreaterThanOrEqual(Number(today.slice(0, 4)));
    },
  );

  it('has 900 distinct people to name, and no makers or applicants who share a name', () => {
    expect(new Set(Array.from({ length: 900 }, (_, n) => demoPersonName(n))).size).toBe(900);
    expect(() => demoPersonName(900)).toThrow(RangeError);
    const leases = demoLeases(demoTimeline('2026-02-18'));
    const applicants = [...demoApplicantMembers(leases).values()].flat().filter((member) => member.email !== DEMO_TENANT_EMAIL);
    const people = [...leases.map((lease) => lease.tenant), ...applicants];
    expect(people.length).toBeGreaterThan(303);
    expect(new Set(people.map((person) => person.name)).size).toBe(people.length);
    expect(new Set(people.map((person) => person.email)).size).toBe(people.length);
  });

  it('makes the README’s tenant a maker of the fifth floor who applies with the group that has the open offer', () => {
    const leases = demoLeases(demoTimeline('2026-02-18'));
    const lease = leases.find((candidate) => candidate.tenant.email === DEMO_TENANT_EMAIL)!;
    expect(lease.spaceCode).toBe('5.01');
    expect(DEMO_USERS.find((user) => user.email === DEMO_TENANT_EMAIL)!.name).toBe(lease.tenant.name);
    const group = DEMO_APPLICANTS.find((applicant) => applicant.withDemoTenant)!;
    expect(group).toMatchObject({ status: 'waitlisted', level: 7 });
    expect(
      demoApplicantMembers(leases)
        .get(group.name)!
        .map((member) => member.email),
    ).toContain(DEMO_TENANT_EMAIL);
    // Every state an application can reach in a round still open.
    expect([...new Set(DEMO_APPLICANTS.map((applicant) => applicant.status))].sort()).toEqual([
      'allocated',
      'draft',
      'rejected',
      'submitted',
      'waitlisted',
      'withdrawn',
    ]);
  });
});
