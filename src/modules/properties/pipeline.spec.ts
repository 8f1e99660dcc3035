import { ageBucketOf, median, vacancyPipeline } from './pipeline.js';

describe('the vacancy pipeline', () => {
  it('puts a vacancy in its age bucket by whole months', () => {
    expect(ageBucketOf('2026-06-04', '2026-12-03')).toBe('0-6');
    expect(ageBucketOf('2026-06-03', '2026-12-03')).toBe('6-12');
    expect(ageBucketOf('2025-12-03', '2026-12-03')).toBe('12-24');
    expect(ageBucketOf('2024-12-03', '2026-12-03')).toBe('24+');
  });

  it('takes the middle of the days from vacancy to head lease', () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 20])).toBe(15);
  });

  it('counts per district, per year, and the m² whose head lease ends within 18 months', () => {
    const pipeline = vacancyPipeline({
      city: 'Amsterdam',
      period: '2026',
      asOf: '2026-12-31',
      generatedOn: '2026-12-03',
      properties: [
        { district: 'Oost', status: 'open', vacantSince: '2026-10-01', vacantM2: 500, totalM2: 500, latitude: null, longitude: null },
        { district: 'Oost', status: 'reported', vacantSince: '2025-01-01', vacantM2: 250.5, totalM2: 900, latitude: null, longitude: null },
        { district: 'West', status: 'let', vacantSince: null, vacantM2: 0, totalM2: 1200, latitude: null, longitude: null },
      ],
      uses: [
        { useStart: '2026-03-01', useEnd: '2029-03-01', totalM2: 1200, vacantSince: '2025-12-01' },
        { useStart: '2019-01-01', useEnd: '2027-06-30', totalM2: 800, vacantSince: null },
      ],
      offeredOn: ['2026-02-01', '2025-05-01'],
    });
    expect(pipeline.districts.map((district) => district.district)).toEqual(['Oost', 'West']);
    expect(pipeline.districts[0]!.byStatus).toEqual([
      { status: 'open', properties: 1, vacantM2: 500 },
      { status: 'reported', properties: 1, vacantM2: 250.5 },
    ]);
    expect(pipeline.districts[0]!.byAge.map((age) => age.properties)).toEqual([1, 0, 1, 0]);
    expect(pipeline.perYear).toEqual([
      { year: 2019, offered: 0, converted: 1 },
      { year: 2025, offered: 1, converted: 0 },
      { year: 2026, offered: 1, converted: 1 },
    ]);
    expect(pipeline.medianDaysVacancyToHeadLease).toBe(90);
    expect(pipeline.m2AtRiskWithin18Months).toBe(800);
  });
});
