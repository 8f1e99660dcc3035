import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { DomainError, InputError } from '../common/errors/domain-error.js';
import type { Language } from '../common/errors/error-codes.js';
import { type MessageKey, translate } from './i18n/i18n.js';
import type { FieldError } from './render.js';

/**
 * A page's form checked by the API's own DTO class and rules, so a refusal on a page and on the API
 * are the same; the errors come back per field, to be shown next to it, in the page's language.
 */
export async function checkedForm<T extends object>(
  language: Language,
  dto: new () => T,
  values: Record<string, unknown>,
): Promise<{ value: T; errors: null } | { value: null; errors: FieldError[] }> {
  const value = plainToInstance(dto, values);
  const failures = await validate(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (failures.length === 0) return { value, errors: null };
  return { value: null, errors: fieldErrorsIn(language, failures) };
}

/** The bound in a validator's (English) message: its last number ("areaM2 must not be less than 0.01"), so not the 2 of a field's name. */
function boundIn(message: string): string | null {
  const numbers = message.match(/-?\d+(?:\.\d+)?/g);
  return numbers ? numbers[numbers.length - 1]!.replace('.', ',') : null;
}

/** One failed check of class-validator in the page's language; what it does not know as a catalogue message, as itself in English. */
function checkMessage(language: Language, constraint: string, english: string): string {
  const key = (name: string, parameters?: Record<string, string>) => translate(language, name as MessageKey, parameters);
  const bound = boundIn(english);
  const withBound = (name: string) => (bound === null ? checkMessage(language, 'unknown', english) : key(name, { n: bound }));
  switch (constraint) {
    case 'min':
      return withBound('form.check.min');
    case 'max':
      return withBound('form.check.max');
    case 'isLength':
    case 'minLength':
    case 'maxLength':
      return withBound(/longer than/.test(english) ? 'form.check.minLength' : 'form.check.maxLength');
    case 'arrayMinSize':
      return withBound('form.check.atLeast');
    case 'arrayMaxSize':
      return withBound('form.check.atMost');
    case 'isDecimal':
      return /decimal/.test(english) ? withBound('form.check.decimal') : key('form.check.number');
    case 'isInt':
      return key('form.check.integer');
    case 'isNumber':
    case 'isPositive':
      return key('form.check.number');
    case 'isIsoDate':
    case 'isDateString':
    case 'isIso8601':
      return key('form.check.date');
    case 'isPeriod':
      return key('form.check.period');
    case 'isEmail':
      return key('form.check.email');
    case 'isIn':
    case 'isEnum':
    case 'isUuid':
    case 'isBoolean':
      return key('form.check.choice');
    case 'isString':
      return key('form.check.text');
    case 'isIban':
    case 'isVatNumber':
    case 'isCreditorIdentifier':
    case 'isMandateReference':
      return key(`form.check.${constraint.slice(2, 3).toLowerCase()}${constraint.slice(3)}`);
    case 'isAcceptablePassword':
      return key('form.check.password');
    default:
      return language === 'en' ? english : key('form.check.invalid');
  }
}

const BOUNDS = new Set(['min', 'max', 'isLength', 'minLength', 'maxLength']);

/** class-validator's failures per field (nested fields as `members.0.email`), each in the page's language. */
function fieldErrorsIn(language: Language, failures: ValidationError[], parent = ''): FieldError[] {
  return failures.flatMap((failure) => {
    const field = parent ? `${parent}.${failure.property}` : failure.property;
    const all = Object.entries(failure.constraints ?? {});
    // A value of the wrong kind ("veel" for an area) is told so, not also that it is below or above a bound.
    const wrongKind = all.some(([constraint]) => !BOUNDS.has(constraint));
    const constraints = wrongKind ? all.filter(([constraint]) => !BOUNDS.has(constraint)) : all;
    const messages =
      constraints.length > 0 && failure.value === undefined
        ? [translate(language, 'form.check.required')]
        : [...new Set(constraints.map(([constraint, english]) => checkMessage(language, constraint, english)))];
    const own = messages.length > 0 ? [{ field, message: messages.join(' ') }] : [];
    return [...own, ...fieldErrorsIn(language, failure.children ?? [], field)];
  });
}

/**
 * A service's refusal as the errors of a form: on their field where it names one, else for the whole form.
 * A service words a detail in English: an English page shows it after the message; a Dutch page shows
 * the declared message alone, or for bad input the form's own "this value is not valid".
 */
export function refusalOf(error: unknown, language: Language): FieldError[] {
  if (!(error instanceof DomainError)) throw error;
  const message = error.messageIn(language);
  const onField = (detail: { message: string }) =>
    language === 'en'
      ? `${message} (${detail.message})`
      : error instanceof InputError
        ? translate(language, 'form.check.invalid')
        : message;
  const onFields = error.details.filter((detail) => detail.field).map((detail) => ({ field: detail.field, message: onField(detail) }));
  return onFields.length > 0 ? onFields : [{ message }];
}

/** The errors of one field, for the template. */
export function errorsFor(errors: FieldError[] | null | undefined, field: string): string[] {
  return (errors ?? []).filter((error) => error.field === field).map((error) => error.message);
}

/** A form's text field: trimmed, empty as absent. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a form or a query: the id, or absent when it is none (so it never reaches the database as garbage). */
export function id(value: unknown): string | undefined {
  const raw = text(value);
  return raw !== undefined && UUID.test(raw) ? raw.toLowerCase() : undefined;
}

/** The values of a form's checkboxes of one name: none, one (a string) or several (an array) as a list of strings. */
export function checkedValues(value: unknown): string[] {
  return ([] as unknown[]).concat(value ?? []).filter((item): item is string => typeof item === 'string');
}

/** An amount typed in euros, Dutch or English style ("1.234,56", "1234.56", "174,11", "€ 60"), as integer cents; NaN when it is not one. */
export function euroCents(value: unknown): number | undefined {
  const raw = text(value)?.replace(/^€\s*/, '').replace(/\s/g, '');
  if (raw === undefined) return undefined;
  let normalised = raw;
  if (/^-?\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(raw) || /^-?\d+,\d{1,2}$/.test(raw)) normalised = raw.replace(/\./g, '').replace(',', '.');
  else if (!/^-?\d+(\.\d{1,2})?$/.test(raw)) return Number.NaN;
  return Math.round(Number(normalised) * 100);
}

/** A whole number typed in a field; NaN when it is not one. */
export function integer(value: unknown): number | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

/** A date typed as DD-MM-YYYY or given by a date input (YYYY-MM-DD), as YYYY-MM-DD; other text as typed, for the validator to refuse. */
export function isoDate(value: unknown): string | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(raw);
  return dutch ? `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}` : raw;
}

/** A number typed with a decimal comma or point ("30", "12,5", "12.5"); NaN when it is not one. */
export function decimal(value: unknown): number | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  return /^\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : Number.NaN;
}
