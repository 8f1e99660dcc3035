import { planHandover, type PlannedLease } from './handover-plan.js';

const lease = (overrides: Partial<PlannedLease>): PlannedLease => ({
  leaseId: 'lease',
  tenantId: 'tenant',
  floorId: 'floor-1',
  floorLevel: 1,
  areaM2: 30,
  endDate: '2013-06-30',
  noticeMonths: 1,
  ...overrides,
});

describe('the handover’s decision per lease', () => {
  const base = { retainedFloorIds: ['floor-6'], transferDate: '2011-12-01', vacantOnRetainedFloors: [], useEnd: '2013-07-01' };

  it('lets leases on retained floors run on unchanged', () => {
    const plan = planHandover({ ...base, noticeDate: '2011-10-01', leases: [lease({ leaseId: 'a', floorId: 'floor-6', floorLevel: 6 })] });
    expect(plan).toEqual({
      leasesTransferred: [{ leaseId: 'a', tenantId: 'tenant', floorLevel: 6, endDate: '2013-06-30', runsPastUseEnd: false }],
      leasesEnded: [],
    });
  });

  it('ends leases on leaving floors at the later of the transfer date and the notice period', () => {
    const plan = planHandover({
      ...base,
      noticeDate: '2011-10-15',
      leases: [
        lease({ leaseId: 'short', noticeMonths: 1 }), // 2011-11-15 < transfer → transfer date
        lease({ leaseId: 'long', noticeMonths: 3 }), // 2012-01-15 > transfer
        lease({ leaseId: 'ending', endDate: '2011-12-20', noticeMonths: 3 }), // ends on its own before the notice would
        lease({ leaseId: 'open', endDate: null, noticeMonths: 2 }),
      ],
    });
    expect(plan.leasesTransferred).toEqual([]);
    expect(Object.fromEntries(plan.leasesEnded.map((ended) => [ended.leaseId, ended.endDate]))).toEqual({
      short: '2011-12-01',
      long: '2012-01-15',
      ending: '2011-12-20',
      open: '2011-12-15',
    });
  });

  it('offers vacant space of a similar size on retained floors, the closest first, not the same best match twice', () => {
    const vacant = [
      { spaceId: 's1', code: '6.01', floorId: 'floor-6', areaM2: 31 },
      { spaceId: 's2', code: '6.02', floorId: 'floor-6', areaM2: 37 },
      { spaceId: 's3', code: '6.03', floorId: 'floor-6', areaM2: 60 },
    ];
    const plan = planHandover({
      ...base,
      noticeDate: '2011-10-01',
      vacantOnRetainedFloors: vacant,
      leases: [lease({ leaseId: 'a' }), lease({ leaseId: 'b' })],
    });
    expect(plan.leasesEnded.map((ended) => ended.relocationOptions.map((option) => option.code))).toEqual([['6.01', '6.02'], ['6.02']]);
  });

  it('flags leases that run past the end of use after the handover, open ends included; never for a permanent building', () => {
    const leases = [
      lease({ leaseId: 'inside', floorId: 'floor-6', endDate: '2012-12-31' }),
      lease({ leaseId: 'on-the-day', floorId: 'floor-6', endDate: '2013-01-01' }),
      lease({ leaseId: 'past', floorId: 'floor-6', endDate: '2013-06-30' }),
      lease({ leaseId: 'open', floorId: 'floor-6', endDate: null }),
      lease({ leaseId: 'noticed', noticeMonths: 12, endDate: null }),
    ];
    const flags = (useEnd: string | null) => {
      const plan = planHandover({ ...base, noticeDate: '2012-06-01', useEnd, leases });
      return Object.fromEntries([...plan.leasesTransferred, ...plan.leasesEnded].map((fate) => [fate.leaseId, fate.runsPastUseEnd]));
    };
    expect(flags('2013-01-01')).toEqual({ inside: false, 'on-the-day': false, past: true, open: true, noticed: true });
    expect(flags(null)).toEqual({ inside: false, 'on-the-day': false, past: false, open: false, noticed: false });
  });
});
