import { readDataFiles } from '../../infrastructure/catalogue-files';
import { loadCatalogues } from '../catalogue-loader';
import { type IndicatorImportResult, type ImportError, validateIndicatorImport } from './indicator-import';
import { indicatorsInForce } from './indicator-lookup';

const lookup = indicatorsInForce(loadCatalogues(readDataFiles('catalogue')));
const HEADER = ['rpps', 'code_indicateur', 'periode', 'numerateur', 'denominateur'];
const GOOD = ['10003456786', 'FMT-VACC-GRIPPE', '2026-T1', '212', '340'];

const validate = (...lines: string[][]) => validateIndicatorImport([HEADER, ...lines], lookup);

function errorsOf(result: IndicatorImportResult): ImportError[] {
  if (result.ok) throw new Error(`expected errors, got ${result.rows.length} rows`);
  return result.errors;
}

describe('validateIndicatorImport', () => {
  it('returns one row per line, with the catalogue in force for its period and values ready for score()', () => {
    const result = validate(
      GOOD,
      ['100 0456 7896', 'rosp-a-spc-01', '2025', '83', '100'],
      ['', 'ACI-A2-PROTOCOLES', '2026', '7', ''],
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          rpps: '10003456786',
          indicatorCode: 'FMT-VACC-GRIPPE',
          catalogue: { code: 'FORFAIT_MT_PREVENTION', version: '2026' },
          period: { label: '2026-T1', start: '2026-01-01', end: '2026-03-31' },
          values: { numerator: 212, denominator: 340 },
        },
        expect.objectContaining({
          line: 3,
          rpps: '10004567896',
          indicatorCode: 'ROSP-A-SPC-01',
          catalogue: { code: 'ROSP_MT_ADULTE', version: '2016-avenant-6' },
        }),
        expect.objectContaining({ line: 4, rpps: null, values: { numerator: 7, denominator: null } }),
      ],
    });
  });

  it('reads header names whatever their case, accents, spaces and order, and ignores other columns', () => {
    const result = validateIndicatorImport(
      [
        ['Nom', 'Dénominateur', 'NUMÉRATEUR', 'Période', 'Code indicateur', 'N° RPPS'],
        ['Dr Lefèvre', '340', '212', '2026-T1', 'FMT-VACC-GRIPPE', '10003456786'],
      ],
      lookup,
    );
    expect(result).toMatchObject({
      ok: true,
      rows: [{ rpps: '10003456786', values: { numerator: 212, denominator: 340 } }],
    });
  });

  it('names every missing or doubled header column on line 1 and reads no line', () => {
    const errors = errorsOf(
      validateIndicatorImport(
        [
          ['rpps', 'Periode', 'période', 'numerateur'],
          ['10003456786', '2026', '', '1'],
        ],
        lookup,
      ),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'Ligne 1 : la colonne « periode » apparaît deux fois (colonnes B et C).',
      'Ligne 1 : la colonne « code_indicateur » manque dans l’en-tête (colonnes attendues : rpps, code_indicateur, periode, numerateur, denominateur).',
      'Ligne 1 : la colonne « denominateur » manque dans l’en-tête (colonnes attendues : rpps, code_indicateur, periode, numerateur, denominateur).',
    ]);
  });

  it('reports every wrong line and column at once, by spreadsheet line number, and returns no row', () => {
    const errors = errorsOf(
      validate(
        GOOD,
        ['10003456786', 'FMT-VACC-GRIPPE', '2026-T2', '350', '340'],
        ['10003456787', 'FMT-VACC-GRIPPE', '2026-T2', '-1', '12,5'],
        ['', 'FMT-VACC-GRIPPE', '2026-13', 'douze', ''],
        ['1,00035E+10', 'FMT-VACC-GRIPPE', '2026-T3', '1', ''],
      ),
    );
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [
        3,
        'numerateur',
        'Ligne 3, colonne « numerateur » : « 350 » dépasse le dénominateur (340) : un taux ne peut pas dépasser 100 %.',
      ],
      [
        4,
        'rpps',
        'Ligne 4, colonne « rpps » : « 10003456787 » n’est pas un numéro RPPS valide (11 chiffres dont une clé de contrôle).',
      ],
      [
        4,
        'numerateur',
        'Ligne 4, colonne « numerateur » : « -1 » est négatif : le numérateur compte des patients, des actes ou des minutes.',
      ],
      [
        4,
        'denominateur',
        'Ligne 4, colonne « denominateur » : « 12,5 » n’est pas un nombre entier : l’indicateur compte des patients ou des actes.',
      ],
      [
        5,
        'periode',
        'Ligne 5, colonne « periode » : « 2026-13 » n’est pas une période : attendu l’année (2026), le trimestre (2026-T1) ou le mois (2026-03).',
      ],
      [5, 'numerateur', 'Ligne 5, colonne « numerateur » : « douze » n’est pas un nombre.'],
      [
        6,
        'rpps',
        'Ligne 6, colonne « rpps » : « 1,00035E+10 » : le tableur a converti le numéro RPPS en nombre ; mettez la colonne au format texte et exportez à nouveau.',
      ],
      [6, 'denominateur', 'Ligne 6, colonne « denominateur » : vide : un taux a besoin de son dénominateur.'],
    ]);
  });

  it('names the column as the file heads it', () => {
    const errors = errorsOf(
      validateIndicatorImport(
        [
          ['RPPS', 'Code indicateur', 'Période', 'Numérateur', 'Dénominateur'],
          ['10003456786', 'FMT-VACC-GRIPPE', '2026-T1', '12a', '40'],
        ],
        lookup,
      ),
    );
    expect(errors.map((e) => e.message)).toEqual(['Ligne 2, colonne « Numérateur » : « 12a » n’est pas un nombre.']);
  });

  it('accepts only indicators of a catalogue in force over the whole period', () => {
    const errors = errorsOf(
      validate(
        ['10003456786', 'ROSP-A-SPC-01', '2026', '83', '100'],
        ['10003456786', 'FMT-VACC-GRIPPE', '2025-T4', '1', '2'],
        ['10003456786', 'NOPE-1', '2026-03', '1', '2'],
      ),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'Ligne 2, colonne « code_indicateur » : « ROSP-A-SPC-01 » n’est pas un indicateur d’un catalogue en vigueur sur toute la période 2026 (du 1er janvier au 31 décembre 2026).',
      'Ligne 3, colonne « code_indicateur » : « FMT-VACC-GRIPPE » n’est pas un indicateur d’un catalogue en vigueur sur toute la période 2025-T4 (du 1er octobre au 31 décembre 2025).',
      'Ligne 4, colonne « code_indicateur » : « NOPE-1 » n’est pas un indicateur d’un catalogue en vigueur sur toute la période 2026-03 (du 1er mars au 31 mars 2026).',
    ]);
  });

  it('refuses yes/no indicators (declared with evidence) and the platform’s own (computed from activity)', () => {
    const errors = errorsOf(
      validate(['', 'ACI-A1-HORAIRES-SNP', '2026', '1', ''], ['', 'OPS-NO-SHOW-RATE', '2026-03', '4', '200']),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'Ligne 2, colonne « code_indicateur » : « ACI-A1-HORAIRES-SNP » est un indicateur oui/non : il se déclare avec sa pièce justificative, il ne s’importe pas.',
      'Ligne 3, colonne « code_indicateur » : « OPS-NO-SHOW-RATE » est calculé par la plateforme à partir de l’activité : il ne s’importe pas.',
    ]);
  });

  it('wants an RPPS for a practitioner’s indicator and none for the structure’s', () => {
    const errors = errorsOf(
      validate(['', 'FMT-VACC-GRIPPE', '2026', '1', '2'], ['10003456786', 'ACI-A2-PROTOCOLES', '2026', '7', '']),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'Ligne 2, colonne « rpps » : vide : indiquez le numéro RPPS du praticien (11 chiffres).',
      'Ligne 3, colonne « rpps » : doit rester vide : « ACI-A2-PROTOCOLES » est un indicateur de la structure, pas d’un praticien.',
    ]);
  });

  it('refuses a second value for the same practitioner, indicator and period, naming the first line', () => {
    const errors = errorsOf(
      validate(
        GOOD,
        ['10004567896', 'FMT-VACC-GRIPPE', '2026-T1', '1', '2'],
        ['10003456786', 'fmt-vacc-grippe', '2026-t1', '3', '4'],
      ),
    );
    expect(errors).toEqual([
      {
        line: 4,
        column: null,
        message:
          'Ligne 4 : même praticien, indicateur et période qu’à la ligne 2 ; une seule valeur par praticien, indicateur et période.',
      },
    ]);
  });

  it('skips empty lines but keeps counting them, and refuses a filled cell beyond the header', () => {
    const errors = errorsOf(
      validate(GOOD, ['', '', '', '', ''], [''], [...GOOD.slice(0, 2), '2026-T2', '1', '2', 'note']),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'Ligne 5 : la cellule F est remplie alors que l’en-tête n’a que 5 colonnes.',
    ]);
  });

  it('says so when the file is empty or has no value after its header', () => {
    expect(errorsOf(validateIndicatorImport([], lookup))[0]).toMatchObject({ line: 1, column: null });
    expect(errorsOf(validate(['', '', '', '', '']))).toEqual([
      { line: 2, column: null, message: 'Ligne 2 : aucune valeur à importer après la ligne d’en-tête.' },
    ]);
  });
});
