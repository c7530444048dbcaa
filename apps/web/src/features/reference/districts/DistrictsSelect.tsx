import { TreeSelect } from 'antd';
import { useDistrictPicker } from './use-district-picker';

/** Several districts from the hierarchy (an area of responsibility: each with everything below it). */
export function DistrictsSelect({
  value,
  onChange,
  placeholder,
  'data-testid': testId,
}: {
  value?: number[];
  onChange?: (value: number[]) => void;
  placeholder?: string;
  'data-testid'?: string;
}) {
  const { options, props } = useDistrictPicker(placeholder);
  return (
    <TreeSelect
      {...props}
      multiple
      value={value ?? []}
      treeData={options}
      onChange={(next: number[]) => onChange?.(next)}
      data-testid={testId}
    />
  );
}
