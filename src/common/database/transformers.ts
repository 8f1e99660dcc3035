import type { ValueTransformer } from 'typeorm';

/** `numeric` columns (areas in m²) arrive as strings from pg; the domain works with numbers. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** `bigint` columns (money in cents) arrive as strings from pg; amounts stay far below 2^53. */
export const bigintTransformer: ValueTransformer = numericTransformer;
