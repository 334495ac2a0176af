import { readDataFiles } from '../../infrastructure/catalogue-files';
import { loadCatalogues } from '../catalogue-loader';
import { score } from '../scoring';
import { frenchCsv, neutraliseFormula } from './french-csv';
import { SCORE_EXPORT_HEADER, scoresCsv } from './scores-csv';

describe('frenchCsv', () => {
  it('writes a UTF-8 BOM, `;` between cells, CRLF line ends and decimal commas', () => {
    expect(
      frenchCsv(
        ['libellé', 'taux'],
        [
          ['Grippe', 62.345],
          ['Col', -3.5],
          ['Sein', null],
        ],
      ),
    ).toBe('\ufefflibellé;taux\r\nGrippe;62,35\r\nCol;-3,5\r\nSein;\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x.test";"clic")', `"'=HYPERLINK(""http://x.test"";""clic"")"`],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises a text cell starting like a formula: %j', (text, written) => {
    expect(frenchCsv(['x'], [[text]])).toBe(`\ufeffx\r\n${written}\r\n`);
  });

  it('leaves ordinary text, and numbers it writes itself (negative ones included), as they are', () => {
    expect(neutraliseFormula('Dr Lefèvre')).toBe('Dr Lefèvre');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(frenchCsv(['n'], [[-12.5], [0]])).toBe('\ufeffn\r\n-12,5\r\n0\r\n');
  });

  it('quotes cells holding a separator, a quote or a line break, and writes yes/no in French', () => {
    expect(frenchCsv(['a', 'b', 'c'], [['Cœur; Élodie', 'dit "oui"\nlà', true]])).toBe(
      '\ufeffa;b;c\r\n"Cœur; Élodie";"dit ""oui""\nlà";oui\r\n',
    );
  });

  it('refuses a number a spreadsheet cannot hold and a row of the wrong width, naming the row', () => {
    expect(() => frenchCsv(['n'], [[Number.NaN]])).toThrow('rows: NaN cannot be written in a CSV cell');
    expect(() => frenchCsv(['a', 'b'], [['1', '2'], ['3']])).toThrow('rows[1]: 1 cells for 2 columns');
  });
});

describe('scoresCsv', () => {
  const indicators = new Map(
    loadCatalogues(readDataFiles('catalogue')).flatMap((c) => c.indicators.map((i) => [i.code, i])),
  );

  it('writes the import columns first, then the score, its status and explanation in French', () => {
    const values = { numerator: 83, denominator: 100 };
    const result = score(indicators.get('ROSP-A-SPC-01')!, values, {
      scope: 'practitioner',
      period: { start: '2025-01-01', end: '2025-12-31' },
      patientBase: 800,
    });
    const [header, line] = scoresCsv([{ rpps: '10003456786', values, score: result }])
      .slice(1)
      .split('\r\n');
    expect(header).toBe(SCORE_EXPORT_HEADER.join(';'));
    expect(line.startsWith('10003456786;ROSP-A-SPC-01;2025;83;100;')).toBe(true);
    expect(line).toContain(';83;');
    expect(line).toContain('Non confirmé par un texte officiel');
  });
});
