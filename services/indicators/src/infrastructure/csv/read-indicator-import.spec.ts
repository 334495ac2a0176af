import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'iconv-lite';
import { decodeCsvBytes, parseCsvTable } from '@msp/french-csv';
import { loadCatalogues } from '../../domain/catalogue-loader';
import { scoresCsv } from '../../domain/export/scores-csv';
import type { IndicatorImportResult } from '../../domain/import/indicator-import';
import { indicatorsInForce } from '../../domain/import/indicator-lookup';
import { score } from '../../domain/scoring';
import { INDICATORS_DATA_DIR, readDataFiles } from '../catalogue-files';
import { readIndicatorImport } from './read-indicator-import';

const catalogues = loadCatalogues(readDataFiles('catalogue'));
const lookup = indicatorsInForce(catalogues);
const utf8 = (text: string) => new TextEncoder().encode(text);
const spreadsheetExport = readFileSync(join(__dirname, 'fixtures', 'export-tableur-windows-1252.csv'));

/** What every encoding of the spreadsheet fixture must give. */
const FIXTURE_ROWS = [
  { line: 2, rpps: '10003456786', indicatorCode: 'FMT-VACC-GRIPPE', values: { numerator: 212, denominator: 340 } },
  { line: 3, rpps: '10003456786', indicatorCode: 'FMT-DEP-SEIN', values: { numerator: 145, denominator: 230 } },
  { line: 4, rpps: '10005678908', indicatorCode: 'FMT-VACC-GRIPPE', values: { numerator: 98, denominator: 176 } },
  { line: 5, rpps: '10005678908', indicatorCode: 'FMT-DEP-COL', values: { numerator: 1204, denominator: 2310 } },
];

function rowsOf(result: IndicatorImportResult) {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.rows;
}

describe('readIndicatorImport', () => {
  it('accepts the documented example file', () => {
    const rows = rowsOf(
      readIndicatorImport(readFileSync(join(INDICATORS_DATA_DIR, 'examples', 'indicateurs-import.csv')), lookup),
    );
    expect(rows).toHaveLength(7);
    expect(rows.at(-1)).toMatchObject({
      rpps: null,
      indicatorCode: 'ACI-A2-PROTOCOLES',
      values: { numerator: 7, denominator: null },
    });
  });

  it('accepts a French spreadsheet export as it comes: Windows-1252, accented headers, `;`, CRLF, decimal commas, quotes', () => {
    expect(decodeCsvBytes(spreadsheetExport).encoding).toBe('windows-1252');
    expect(rowsOf(readIndicatorImport(spreadsheetExport, lookup))).toMatchObject(FIXTURE_ROWS);
  });

  it('accepts the same export saved as UTF-8 with a BOM, as UTF-16 "Texte Unicode", or as UTF-8 with LF ends', () => {
    const text = decodeCsvBytes(spreadsheetExport).text;
    const variants = {
      'utf-8-bom': utf8(`\ufeff${text}`),
      'utf-16le-bom': Buffer.concat([Buffer.from([0xff, 0xfe]), encode(text.replaceAll(';', '\t'), 'utf-16le')]),
      'utf-8': utf8(text.replaceAll('\r\n', '\n')),
    };
    for (const [encoding, bytes] of Object.entries(variants)) {
      expect(decodeCsvBytes(bytes).encoding).toBe(encoding);
      expect(rowsOf(readIndicatorImport(bytes, lookup))).toMatchObject(FIXTURE_ROWS);
    }
  });

  it('accepts `,` as separator when the header says so, decimal commas then being quoted', () => {
    const bytes = utf8(
      'rpps,code_indicateur,periode,numerateur,denominateur\n10003456786,FMT-VACC-GRIPPE,2026-T1,"212,0",340\n',
    );
    expect(rowsOf(readIndicatorImport(bytes, lookup))).toMatchObject([
      { values: { numerator: 212, denominator: 340 } },
    ]);
  });

  it('refuses a 1,000-line file with one bad line: that line only is reported, and no row is returned', () => {
    const lines = ['rpps;code_indicateur;periode;numerateur;denominateur'];
    for (let i = 0; i < 999; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      const code = ['FMT-VACC-GRIPPE', 'FMT-DEP-SEIN', 'FMT-DEP-COL'][Math.floor(i / 12) % 3];
      const rpps = ['10003456786', '10004567896', '10005678908', '10006789019'][Math.floor(i / 36) % 4];
      const year = 2026 + Math.floor(i / 144);
      lines.push(`${rpps};${code};${year}-${month};${i % 50};${50 + (i % 7)}`);
    }
    lines[636] = lines[636].replace(/;\d+;(\d+)$/, ';999;$1');
    const result = readIndicatorImport(utf8(`${lines.join('\r\n')}\r\n`), lookup);
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ line: 637, column: 'numerateur' })] });
    expect(result).not.toHaveProperty('rows');

    lines[636] = lines[636].replace(';999;', ';1;');
    expect(rowsOf(readIndicatorImport(utf8(lines.join('\r\n')), lookup))).toHaveLength(999);
  });

  it('reports the line of a quote never closed, and nothing else', () => {
    const bytes = utf8(
      'rpps;code_indicateur;periode;numerateur;denominateur\n10003456786;FMT-VACC-GRIPPE;2026;1;2\n10003456786;"FMT-DEP-SEIN;2026;1;2\n',
    );
    expect(readIndicatorImport(bytes, lookup)).toEqual({
      ok: false,
      errors: [{ line: 3, column: null, message: expect.stringContaining('un guillemet ouvert n’est jamais fermé') }],
    });
  });

  it('reads back what the scores export wrote: the import columns come first under the same names', () => {
    const lines = FIXTURE_ROWS.map(({ rpps, indicatorCode, values }) => ({
      rpps,
      values,
      score: score(lookup(indicatorCode, { label: '2026-T1', start: '2026-01-01', end: '2026-03-31' })!, values, {
        scope: 'practitioner' as const,
        period: { start: '2026-01-01', end: '2026-03-31' },
      }),
    }));
    expect(rowsOf(readIndicatorImport(utf8(scoresCsv(lines)), lookup))).toMatchObject(FIXTURE_ROWS);
  });
});

describe('parseCsvTable (shared, libs/french-csv)', () => {
  it('keeps injection-neutralised cells of an export as text when read back', () => {
    const table = parseCsvTable(scoresCsv([]).slice(1) + '1;=1+1\r\n');
    expect(table.ok && table.records.at(-1)).toEqual(['1', '=1+1']);
  });
});
