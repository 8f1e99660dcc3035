import { noticeWarnings } from './interim-use.js';

describe('interim use and a planned broedplaats start', () => {
  const guardians = { kind: 'guardianship', manager: 'Ad Hoc Beheer', startsOn: '2026-01-01', endsOn: null, noticeDays: 28 };

  it("warns when the start falls inside the guardians' 28 days' notice", () => {
    expect(noticeWarnings([guardians], '2026-03-20', '2026-03-01')).toEqual([
      { kind: 'guardianship', manager: 'Ad Hoc Beheer', giveNoticeBy: '2026-02-20', earliestEnd: '2026-03-29' },
    ]);
  });

  it('is quiet when notice given today ends the guardianship in time', () => {
    expect(noticeWarnings([guardians], '2026-03-29', '2026-03-01')).toEqual([]);
    expect(noticeWarnings([guardians], '2026-06-01', '2026-03-01')).toEqual([]);
  });

  it('is quiet for a use that ends before the start or begins after it', () => {
    expect(noticeWarnings([{ ...guardians, endsOn: '2026-03-10' }], '2026-03-20', '2026-03-01')).toEqual([]);
    expect(noticeWarnings([{ ...guardians, startsOn: '2026-04-01' }], '2026-03-20', '2026-03-01')).toEqual([]);
  });

  it('warns for a temporary letting whose permit runs past the start', () => {
    const letting = { kind: 'temporary-letting', manager: 'Owner', startsOn: '2025-01-01', endsOn: '2027-01-01', noticeDays: 0 };
    expect(noticeWarnings([letting], '2026-06-01', '2026-03-01')).toHaveLength(1);
  });
});
