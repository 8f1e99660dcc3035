import fc from 'fast-check';
import { APPLICATION_STATUSES, type ApplicationStatus } from './application.entity.js';
import { canMove, meanScore, statusesThatMayBecome } from './application-rules.js';

const status = fc.constantFrom(...APPLICATION_STATUSES);

describe('application rules', () => {
  it('allocates, waitlists and rejects only what was submitted or waitlisted', () => {
    expect(statusesThatMayBecome('allocated')).toEqual(['submitted', 'waitlisted']);
    expect(statusesThatMayBecome('waitlisted')).toEqual(['submitted']);
    expect(statusesThatMayBecome('rejected')).toEqual(['submitted', 'waitlisted']);
    expect(statusesThatMayBecome('submitted')).toEqual(['draft']);
    expect(statusesThatMayBecome('withdrawn')).toEqual(['draft', 'submitted', 'waitlisted']);
    expect(statusesThatMayBecome('draft')).toEqual([]);
  });

  it('lists exactly the states from which a move is allowed', () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        expect(statusesThatMayBecome(to).includes(from)).toBe(canMove(from, to));
      }),
    );
  });

  it('ends in released, rejected or withdrawn: nothing moves on from there', () => {
    fc.assert(
      fc.property(fc.constantFrom<ApplicationStatus>('released', 'rejected', 'withdrawn'), status, (end, to) => {
        expect(canMove(end, to)).toBe(false);
      }),
    );
  });

  it('moves an allocated group only to released, when its floor is released', () => {
    fc.assert(
      fc.property(status, (to) => {
        expect(canMove('allocated', to)).toBe(to === 'released');
      }),
    );
  });

  it('never moves an application to the state it is in, nor back to draft', () => {
    fc.assert(
      fc.property(status, (from) => {
        expect(canMove(from, from)).toBe(false);
        expect(canMove(from, 'draft')).toBe(false);
      }),
    );
  });

  it('ranks by the mean score to two decimals', () => {
    expect(meanScore([])).toBeNull();
    expect(meanScore([7, 8, 8])).toBe(7.67);
  });
});
