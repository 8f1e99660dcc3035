import { followArrangement, stepDueOn } from './dunning-rules.js';

const DAYS = [14, 28, 42] as const;

describe('dunning steps', () => {
  const fresh = { dueDate: '2012-03-15', lastStep: null, lastSentOn: null };

  it('sends the first reminder 14 days past due, not a day before', () => {
    expect(stepDueOn(fresh, '2012-03-28', DAYS)).toBeNull();
    expect(stepDueOn(fresh, '2012-03-29', DAYS)).toBe(1);
  });

  it('never skips a step: an invoice long overdue starts with the first reminder', () => {
    expect(stepDueOn(fresh, '2012-06-01', DAYS)).toBe(1);
  });

  it('sends the next step at its day, and keeps the gap after a late earlier step', () => {
    expect(stepDueOn({ dueDate: '2012-03-15', lastStep: 1, lastSentOn: '2012-03-29' }, '2012-04-11', DAYS)).toBeNull();
    expect(stepDueOn({ dueDate: '2012-03-15', lastStep: 1, lastSentOn: '2012-03-29' }, '2012-04-12', DAYS)).toBe(2);
    expect(stepDueOn({ dueDate: '2012-03-15', lastStep: 1, lastSentOn: '2012-05-01' }, '2012-05-14', DAYS)).toBeNull();
    expect(stepDueOn({ dueDate: '2012-03-15', lastStep: 1, lastSentOn: '2012-05-01' }, '2012-05-15', DAYS)).toBe(2);
    expect(stepDueOn({ dueDate: '2012-03-15', lastStep: 2, lastSentOn: '2012-04-12' }, '2012-04-26', DAYS)).toBe(3);
  });

  it('sends nothing after the final notice', () => {
    expect(stepDueOn({ dueDate: '2012-03-15', lastStep: 3, lastSentOn: '2012-04-26' }, '2013-01-01', DAYS)).toBeNull();
  });
});

describe('following a payment arrangement', () => {
  const instalments = [
    { position: 1, dueDate: '2012-05-01', amountCents: 10_000 },
    { position: 2, dueDate: '2012-06-01', amountCents: 10_000 },
  ];

  it('fills the instalments in order and completes when all is paid', () => {
    expect(followArrangement(instalments, 15_000, '2012-05-20', 14)).toEqual({
      status: 'active',
      instalments: [
        { ...instalments[0], paidCents: 10_000 },
        { ...instalments[1], paidCents: 5_000 },
      ],
    });
    expect(followArrangement(instalments, 20_000, '2012-05-20', 14).status).toBe('completed');
  });

  it('breaks once an instalment is short longer than the grace days after its due date', () => {
    expect(followArrangement(instalments, 9_999, '2012-05-15', 14).status).toBe('active');
    expect(followArrangement(instalments, 9_999, '2012-05-16', 14).status).toBe('broken');
    expect(followArrangement(instalments, 10_000, '2012-06-15', 14).status).toBe('active');
    expect(followArrangement(instalments, 10_000, '2012-06-16', 14).status).toBe('broken');
  });
});
