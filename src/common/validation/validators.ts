import { registerDecorator, type ValidationOptions } from 'class-validator';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

/** A calendar date written YYYY-MM-DD that exists (no 2012-02-30). */
export function IsIsoDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date written YYYY-MM-DD`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
        },
      },
    });
}

/** An IBAN with a valid check sum, spaces allowed. */
export function IsIban(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIban',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a valid IBAN`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidIBAN(electronicFormatIBAN(value) ?? ''),
      },
    });
}

export function normaliseIban(value: string): string {
  return electronicFormatIBAN(value) ?? value;
}

/**
 * A finite number with at most `places` decimals. (class-validator's IsNumber with maxDecimalPlaces
 * throws on numbers it prints in exponent form, such as 5e-324.)
 */
export function IsDecimal(places: number, options?: ValidationOptions) {
  const scale = 10 ** places;
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDecimal',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a number with at most ${places} decimals`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Math.round(value * scale) / scale === value,
      },
    });
}
