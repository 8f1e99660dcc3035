import { InputError } from '../../common/errors/domain-error.js';

/** Money is booked when it moved: a date after today is a typing error, not a plan. */
export function requireNotAfterToday(field: string, date: string, today: string): void {
  if (date > today) throw new InputError([{ field, message: `${field} must be today (${today}) or earlier` }]);
}
