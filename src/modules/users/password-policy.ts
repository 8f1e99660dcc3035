import { dictionary } from '@zxcvbn-ts/language-common';
import { registerDecorator, type ValidationOptions } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * zxcvbn's list of leaked passwords (MIT), most used first, in lower case; its first 10,000 are the
 * ones an attacker tries first.
 */
const COMMON_PASSWORDS = new Set(dictionary['passwords-common'].slice(0, 10_000));

/** Why a password that a user sets is not good enough, or null. Length is checked beside this. */
export function passwordWeakness(password: string): string | null {
  if (password.trim() === '') return 'must not be only spaces';
  if (COMMON_PASSWORDS.has(password.trim().toLowerCase())) return 'is one of the 10,000 most common passwords; choose another';
  return null;
}

/** Refuses a password of only spaces or among the most common ones, with the reason as the message. */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || passwordWeakness(value) === null,
        defaultMessage: (args) => `${args?.property ?? 'password'} ${passwordWeakness(String(args?.value)) ?? 'is too weak'}`,
      },
    });
}
