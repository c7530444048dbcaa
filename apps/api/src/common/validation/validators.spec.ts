import { isCalendarDate, isCalendarDateTime, isCalendarMonth } from './calendar';
import { isEntityId, MAX_ENTITY_ID, ParseEntityIdPipe } from './entity-id';
import { checkJsonText, findNul } from './hostile-input';

describe('calendar validators', () => {
  it.each(['2024-02-29', '2026-12-31', '2000-02-29'])('should accept the real date %s', (value) =>
    expect(isCalendarDate(value)).toBe(true),
  );
  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-1-01', 'x'])(
    'should refuse %s as a date',
    (value) => expect(isCalendarDate(value)).toBe(false),
  );
  it('should accept real months only', () => {
    expect(['2024-01', '2024-12'].map(isCalendarMonth)).toEqual([true, true]);
    expect(['2024-13', '2024-00', '2024-1', 2024].map(isCalendarMonth)).toEqual([false, false, false, false]);
  });
  it('should accept real date-times and refuse impossible ones', () => {
    expect(
      ['2024-02-29', '2024-02-29T23:59:59Z', '2024-02-29T08:00:00.123+08:00'].map(isCalendarDateTime),
    ).toEqual([true, true, true]);
    expect(
      ['2024-02-30T00:00:00Z', '2024-02-28T24:00:00Z', '2024-02-28T10:61Z'].map(isCalendarDateTime),
    ).toEqual([false, false, false]);
  });
});

describe('entity ids', () => {
  it('should bound ids to a PostgreSQL integer', () => {
    expect([1, MAX_ENTITY_ID].map(isEntityId)).toEqual([true, true]);
    expect([0, -1, 1.5, MAX_ENTITY_ID + 1, '1'].map(isEntityId)).toEqual([false, false, false, false, false]);
  });
  it('should parse route parameters or refuse them naming the parameter', () => {
    const pipe = new ParseEntityIdPipe();
    expect(pipe.transform('42', { type: 'param', data: 'id' })).toBe(42);
    for (const value of ['2147483648', '99999999999', '0', '-1', '1.5', 'abc', '1e3', ' 1'])
      expect(() => pipe.transform(value, { type: 'param', data: 'id' })).toThrow(/id must be a whole number/);
  });
});

describe('hostile JSON', () => {
  it('should refuse nesting beyond the limit and a NUL escape, but not an escaped backslash', () => {
    expect(() => checkJsonText(`${'['.repeat(33)}${']'.repeat(33)}`)).toThrow(/nested deeper/);
    expect(() => checkJsonText(`${'['.repeat(32)}${']'.repeat(32)}`)).not.toThrow();
    expect(() => checkJsonText('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')).not.toThrow();
    expect(() => checkJsonText('{"a":"x\\u0000"}')).toThrow(/NUL/);
    expect(() => checkJsonText('{"a":"x\\\\u0000"}')).not.toThrow();
  });
  it('should find a NUL in nested values and keys', () => {
    expect(findNul({ a: [{ b: 'x\u0000' }] })).toBe('a.0.b');
    expect(findNul({ a: 'fine' })).toBeUndefined();
  });
});
