import { Input, Select } from 'antd';
import type { SelectProps } from 'antd';
import type { CSSProperties } from 'react';

export interface SearchFilterProps {
  value: string | undefined;
  placeholder: string;
  style?: CSSProperties;
  onSearch: (text: string) => void;
  'data-testid'?: string;
}

/** Free text searched on Enter (not on every key: each search is a request and a URL change). */
export function SearchFilter({
  value,
  placeholder,
  style,
  onSearch,
  'data-testid': testId,
}: SearchFilterProps) {
  return (
    <Input.Search
      // A new key when the URL changes (back, a link), so the box shows the URL's text, not the last typed.
      key={value ?? ''}
      defaultValue={value}
      placeholder={placeholder}
      allowClear
      style={style}
      onSearch={(text) => onSearch(text.trim())}
      data-testid={testId}
    />
  );
}

export type SelectFilterProps<T> = Omit<SelectProps<T>, 'allowClear' | 'style'> & { width: number };

/** A filter by one value; clearing it shows every row again. */
export function SelectFilter<T>({ width, ...select }: SelectFilterProps<T>) {
  return <Select<T> allowClear style={{ width }} {...select} />;
}

export interface BooleanFilterProps {
  value: boolean | undefined;
  placeholder: string;
  labels: { true: string; false: string };
  width: number;
  onChange: (value: boolean | undefined) => void;
  'data-testid'?: string;
}

/** A yes / no / either filter. */
export function BooleanFilter({ value, labels, onChange, ...select }: BooleanFilterProps) {
  return (
    <SelectFilter<string>
      {...select}
      value={value === undefined ? undefined : String(value)}
      options={[
        { value: 'true', label: labels.true },
        { value: 'false', label: labels.false },
      ]}
      onChange={(next?: string) => onChange(next === undefined ? undefined : next === 'true')}
    />
  );
}
