import { createFormatter } from './format';

describe(createFormatter.name, () => {
  it('should format numbers and money per locale', () => {
    expect(createFormatter('en').number(1234567)).toBe('1,234,567');
    expect(createFormatter('zh-CN').money(1234.5)).toBe('¥1,234.50');
    expect(createFormatter('en').number(null)).toBe('—');
  });

  it('should read a bare date as a calendar day', () => {
    expect(createFormatter('zh-CN').date('2024-03-01')).toBe('2024/03/01');
    expect(createFormatter('en').date('2024-03-01')).toBe('03/01/2024');
  });

  it('should format a month key', () => {
    expect(createFormatter('zh-CN').month('2024-11')).toBe('2024年11月');
    expect(createFormatter('en').month('2024-11')).toBe('Nov 2024');
  });
});
