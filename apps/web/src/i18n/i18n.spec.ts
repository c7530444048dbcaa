import en from './en.json';
import zhCN from './zh-CN.json';
import { DEFAULT_LANGUAGE, initialLanguage, LANGUAGE_STORAGE_KEY } from './languages';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

describe('i18n resources', () => {
  it('should have the same keys in zh-CN and en', () => {
    const zhKeys = keys(zhCN).sort();
    const enKeys = keys(en).sort();
    expect(zhKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    expect(enKeys.filter((key) => !zhKeys.includes(key))).toEqual([]);
  });

  it('should have a non-empty string for every key', () => {
    for (const [key, value] of [...leaves(zhCN), ...leaves(en)]) {
      expect({
        key,
        ok: typeof value === 'string' && value.trim() !== '',
      }).toEqual({ key, ok: true });
    }
  });

  it('should use the same interpolation variables in both languages', () => {
    const variables = (text: unknown) =>
      [...String(text).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const english = new Map(leaves(en));
    for (const [key, value] of leaves(zhCN)) {
      expect({ key, variables: variables(value) }).toEqual({
        key,
        variables: variables(english.get(key)),
      });
    }
  });
});

describe(initialLanguage.name, () => {
  it('should default to Chinese and keep a stored choice', () => {
    expect(initialLanguage(undefined)).toBe(DEFAULT_LANGUAGE);
    expect(initialLanguage({ getItem: () => 'en' })).toBe('en');
    expect(initialLanguage({ getItem: () => 'fr' })).toBe('zh-CN');
    expect(
      initialLanguage({
        getItem: (key) => (key === LANGUAGE_STORAGE_KEY ? 'en' : null),
      }),
    ).toBe('en');
  });
});
