import { useMemo } from 'react';
import { useAllManufacturers } from './manufacturers.api';

/** Every manufacturer as a picker option ("name（code）") and by id, for lists that show manufacturer ids. */
export function useManufacturerOptions() {
  const query = useAllManufacturers();
  const { data } = query;
  const lookup = useMemo(() => {
    const items = data?.items ?? [];
    const names = new Map(items.map((item) => [item.id, item.name]));
    return {
      options: items.map((item) => ({ value: item.id, label: `${item.name}（${item.code}）` })),
      nameOf: (id: number) => names.get(id) ?? `#${id}`,
    };
  }, [data]);
  return { query, ...lookup };
}
