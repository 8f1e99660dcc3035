import type { FieldChange } from './event-types.js';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields whose value differs between the record before and after a correction, in the order given. */
export function changesBetween<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** A deleted record's fields, each with what it held and null after, so the audit log keeps what was removed. */
export function changesOfDeletion<T extends object>(record: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields.map((field) => ({ field, before: record[field] ?? null, after: null }));
}
