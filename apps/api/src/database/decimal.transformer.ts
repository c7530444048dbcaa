import type { ValueTransformer } from 'typeorm';

/** `pg` returns NUMERIC as a string to keep precision; money here fits a double with two decimals. */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
