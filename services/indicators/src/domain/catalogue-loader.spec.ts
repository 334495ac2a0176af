import { readDataFiles } from '../infrastructure/catalogue-files';
import type { CatalogueFile } from './catalogue-schema';
import { catalogueInForce, type CatalogueSource, loadCatalogues, validateCatalogue } from './catalogue-loader';
import { IndicatorsError } from './indicators-error';

const shipped = () => readDataFiles('catalogue');
const rosp = () => shipped().find((s) => s.file.includes('rosp-mt-adulte')) as CatalogueSource;

/** A deep copy of a shipped file, changed by `edit`, to plant one fault at a time. */
function planted(edit: (content: CatalogueFile) => void): CatalogueSource {
  const source = rosp();
  const content = structuredClone(source.content) as CatalogueFile;
  edit(content);
  return { file: source.file, content };
}

function problemsOf(source: CatalogueSource): string[] {
  return validateCatalogue(source).problems.map((p) => `${p.path}: ${p.message}`);
}

describe('catalogue loader', () => {
  it('loads every shipped catalogue version', () => {
    const catalogues = loadCatalogues(shipped());
    expect(catalogues.map((c) => c.code).sort()).toEqual([
      'ACI_CPTS',
      'ACI_MSP',
      'FORFAIT_MT_PREVENTION',
      'OPERATIONAL',
      'ROSP_MT_ADULTE',
    ]);
    const rospCatalogue = catalogues.find((c) => c.code === 'ROSP_MT_ADULTE');
    expect(rospCatalogue?.indicators).toHaveLength(29);
  });

  it('keeps the ROSP family counts the facts confirm (8 + 12 + 9) and 4 declarative indicators at most', () => {
    const [catalogue] = loadCatalogues([rosp()]);
    const count = (family: string) => catalogue.indicators.filter((i) => i.family === family).length;
    expect([count('SPC'), count('PREV'), count('EFF')]).toEqual([8, 12, 9]);
    expect(catalogue.indicators.filter((i) => i.declarative.value === true).map((i) => i.code)).toEqual([
      'ROSP-A-PREV-11',
      'ROSP-A-PREV-12',
    ]);
  });

  it('applies the catalogue defaults (7 € a point, 800 patients) to each indicator', () => {
    const [catalogue] = loadCatalogues([rosp()]);
    const hba1c = catalogue.indicators.find((i) => i.code === 'ROSP-A-SPC-01');
    expect(hba1c?.pointValueEur?.value).toBe(7);
    expect(hba1c?.referencePatientBase?.value).toBe(800);
    expect(hba1c?.catalogue.version).toBe('2016-avenant-6');
  });

  it('leaves unconfirmed ROSP values empty and "to_be_completed"', () => {
    const [catalogue] = loadCatalogues([rosp()]);
    const fondOeil = catalogue.indicators.find((i) => i.code === 'ROSP-A-SPC-02');
    expect(fondOeil?.objectives?.target).toMatchObject({ value: null, status: 'to_be_completed' });
    expect(fondOeil?.points?.weighted).toMatchObject({ value: null, status: 'to_be_completed' });
  });

  it('refuses a value given while its status says "to be completed", naming the file and the path', () => {
    const source = planted((c) => {
      c.indicators[1].objectives!.target.value = 80;
    });
    expect(problemsOf(source)).toEqual([
      'indicators[1].objectives.target.value: a value "to_be_completed" must stay empty (null) until a source confirms it',
    ]);
    expect(() => loadCatalogues([source])).toThrow(
      /catalogue\/rosp-mt-adulte@2018-avenant-6\.yaml indicators\[1\]\.objectives\.target\.value/,
    );
  });

  it('refuses an empty value that claims to be confirmed, and a confirmed value without a source', () => {
    const source = planted((c) => {
      c.indicators[0].points!.weighted!.value = null;
      c.indicators[0].minimumPopulation!.sources = [];
    });
    expect(problemsOf(source)).toEqual([
      'indicators[0].minimumPopulation.sources: a confirmed value needs at least one source',
      'indicators[0].points.weighted.status: an empty value must be "to_be_completed", not "confirmed"',
    ]);
  });

  it('names the path of a schema fault: an unknown unit and a missing label', () => {
    const source = planted((c) => {
      (c.indicators[2] as { unit: string }).unit = 'percent';
      Reflect.deleteProperty(c.indicators[3], 'label');
    });
    const problems = problemsOf(source);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^indicators\[2\]\.unit: /);
    expect(problems[1]).toMatch(/^indicators\[3\]\.label: /);
  });

  it('refuses objectives in the wrong order for the direction, an unknown family and a duplicate code', () => {
    const source = planted((c) => {
      c.indicators[0].objectives!.intermediate.value = 95;
      c.indicators[4].family = 'NOPE';
      c.indicators[5].code = c.indicators[6].code;
    });
    expect(problemsOf(source)).toEqual([
      'indicators[0].objectives: ROSP-A-SPC-01: with higher_is_better the intermediate objective (95) must not be beyond the target (92)',
      'indicators[4].family: ROSP-A-SPC-05: unknown family "NOPE" (declared: SPC, PREV, EFF)',
      'indicators[6].code: ROSP-A-SPC-07 is already defined at indicators[5]',
    ]);
  });

  it('refuses the same catalogue version in two files and reports every file at fault at once', () => {
    const broken = planted((c) => {
      c.pointValueEur!.value = -7;
    });
    try {
      loadCatalogues([
        rosp(),
        { ...rosp(), file: 'catalogue/copy.yaml' },
        { ...broken, file: 'catalogue/broken.yaml' },
      ]);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(IndicatorsError);
      const problems = (error as IndicatorsError).problems.map((p) => `${p.file} ${p.path}`);
      expect(problems).toEqual(['catalogue/copy.yaml version', 'catalogue/broken.yaml pointValueEur.value']);
      expect((error as IndicatorsError).code).toBe('INDICATORS.INVALID_CATALOGUE');
    }
  });

  it('picks the version in force for an activity date: the ROSP up to 2025, the forfait from 2026', () => {
    const catalogues = loadCatalogues(shipped());
    expect(catalogueInForce(catalogues, 'ROSP_MT_ADULTE', '2025-12-31').version).toBe('2016-avenant-6');
    expect(() => catalogueInForce(catalogues, 'ROSP_MT_ADULTE', '2026-01-01')).toThrow(
      /no version of ROSP_MT_ADULTE applies on 2026-01-01/,
    );
    expect(catalogueInForce(catalogues, 'FORFAIT_MT_PREVENTION', '2026-03-01').version).toBe('2026');
  });

  it('takes a new avenant as a new file: the later version wins from its start date', () => {
    const next = planted((c) => {
      c.version = '2016-avenant-99';
      c.validFrom = '2024-01-01';
      c.indicators[0].objectives!.target.value = 95;
    });
    const catalogues = loadCatalogues([rosp(), next]);
    expect(catalogueInForce(catalogues, 'ROSP_MT_ADULTE', '2023-06-30').version).toBe('2016-avenant-6');
    const latest = catalogueInForce(catalogues, 'ROSP_MT_ADULTE', '2024-06-30');
    expect(latest.indicators[0].objectives?.target.value).toBe(95);
  });
});
