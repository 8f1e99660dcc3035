import { registerDecorator, type ValidationOptions } from 'class-validator';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { isValidCreditorIdentifier } from '../sepa/creditor-identifier.js';
import { isValidDutchVatNumber } from './vat-number.js';

/**
 * The years a date, month or year may lie in: every date the product keeps is well inside them, and
 * outside them the database refuses some (year 0) or a run would bill centuries ahead.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

const inYears = (value: string) => Number(value.slice(0, 4)) >= FIRST_YEAR && Number(value.slice(0, 4)) <= LAST_YEAR;

/** A calendar date written YYYY-MM-DD that exists (no 2012-02-30), between 1900-01-01 and 2199-12-31. */
export function IsIsoDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date written YYYY-MM-DD, in ${FIRST_YEAR}–${LAST_YEAR}`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !inYears(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
        },
      },
    });
}

/** A month written YYYY-MM (or, with `yearAllowed`, also a year YYYY), in 1900–2199. */
export function IsPeriod(yearAllowed: boolean, options?: ValidationOptions) {
  const pattern = yearAllowed ? /^\d{4}(-(0[1-9]|1[0-2]))?$/ : /^\d{4}-(0[1-9]|1[0-2])$/;
  const written = yearAllowed ? 'a year (2012) or a month (2012-03)' : 'a month written YYYY-MM';
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPeriod',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be ${written}, in ${FIRST_YEAR}–${LAST_YEAR}`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && pattern.test(value) && inYears(value) },
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

/**
 * A VAT identification number: two letters of the country and 2–12 characters; a Dutch one
 * (NL…) must also pass the Belastingdienst's check.
 */
export function IsVatNumber(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isVatNumber',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a VAT identification number such as NL123456782B01 (a Dutch one passes the Belastingdienst's check)`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^[A-Z]{2}[0-9A-Z+*]{2,12}$/.test(value) &&
          (!value.startsWith('NL') || isValidDutchVatNumber(value)),
      },
    });
}

/** A Dutch SEPA creditor identifier (incassant-ID) whose check digits are right. */
export function IsCreditorIdentifier(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCreditorIdentifier',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a SEPA creditor identifier such as NL05ZZZ342635380000 (NL, check digits, ZZZ, KvK number and a 4-digit suffix)`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidCreditorIdentifier(value) },
    });
}

/** A BIC of 8 or 11 characters. */
export const BIC_PATTERN = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

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
