/** Locale-aware formatting of numbers, money and dates (pure; the hook in use-format.ts binds the locale). */
export interface Formatter {
  number(value: number | null | undefined, fractionDigits?: number): string;
  money(value: number | null | undefined): string;
  percent(value: number | null | undefined): string;
  date(value: string | Date | null | undefined): string;
  dateTime(value: string | Date | null | undefined): string;
  month(value: string): string;
}

const EMPTY = '—';

function toDate(value: string | Date): Date | null {
  // A bare date (YYYY-MM-DD) is a calendar day: read it as local midnight, not UTC.
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T00:00:00`)
      : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function createFormatter(locale: string): Formatter {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    maximumFractionDigits: 2,
  });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const date = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const month = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
  });
  return {
    number: (value, fractionDigits) =>
      value === null || value === undefined
        ? EMPTY
        : fractionDigits === undefined
          ? integer.format(value)
          : new Intl.NumberFormat(locale, {
              minimumFractionDigits: fractionDigits,
              maximumFractionDigits: fractionDigits,
            }).format(value),
    money: (value) => (value === null || value === undefined ? EMPTY : money.format(value)),
    percent: (value) => (value === null || value === undefined ? EMPTY : percent.format(value)),
    date: (value) => {
      const parsed = value ? toDate(value) : null;
      return parsed ? date.format(parsed) : EMPTY;
    },
    dateTime: (value) => {
      const parsed = value ? toDate(value) : null;
      return parsed ? dateTime.format(parsed) : EMPTY;
    },
    month: (value) => {
      const match = /^(\d{4})-(\d{2})/.exec(value);
      return match ? month.format(new Date(Number(match[1]), Number(match[2]) - 1, 1)) : value;
    },
  };
}
