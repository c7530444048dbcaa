import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { vocabKey, type VocabKind } from './vocab';

export interface VocabOption<T extends string | number> {
  value: T;
  label: string;
}

/** Labels for vocabulary codes; unknown codes (a newer server) show as the code itself. */
export function useVocab() {
  const { t } = useTranslation();
  const label = useCallback(
    (kind: VocabKind, code: string | number | null | undefined): string =>
      code === null || code === undefined ? '—' : t(vocabKey(kind, code), { defaultValue: String(code) }),
    [t],
  );
  const options = useCallback(
    <T extends string | number>(kind: VocabKind, codes: readonly T[]): VocabOption<T>[] =>
      codes.map((value) => ({ value, label: label(kind, value) })),
    [label],
  );
  return { label, options };
}
