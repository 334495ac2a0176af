import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { IndicatorsError } from '../../domain/indicators-error';
import { SETTABLE_PATHS, withStructureValues, type SettablePath } from '../../domain/structure-values';
import { IndicatorData } from '../indicator-data';
import {
  IndicatorInputsRepository,
  type SettingChange,
  type StructureSetting,
} from '../ports/indicator-inputs.repository';
import { administeredStructure, indicatorsInput } from './structure-indicators';

export interface SetIndicatorValueInput {
  structureId: string;
  /** The catalogue code (ROSP_MT_ADULTE, ACI_MSP, OPERATIONAL…). */
  catalogue: string;
  indicatorCode: string;
  /** One of SETTABLE_PATHS: objectives.intermediate, objectives.target, minimumPopulation, points.fixed… */
  field: string;
  value: number;
  /** Where the administrator read the value: required. */
  source: string;
}

/**
 * Sets, for one structure, a catalogue value the catalogue leaves "à compléter" (or a platform default), with its
 * source. A confirmed value is refused (`withStructureValues` decides, on every version of the catalogue that has
 * the indicator). The setting and its audit row (who, when, old and new value, source) are written together.
 */
@Injectable()
export class SetIndicatorValueHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly inputs: IndicatorInputsRepository,
    private readonly data: IndicatorData,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: SetIndicatorValueInput): Promise<StructureSetting> {
    const structureId = administeredStructure(user, input.structureId);
    const catalogue = indicatorsInput.text(input.catalogue, 'input.catalogue').trim().toUpperCase();
    const code = indicatorsInput.text(input.indicatorCode, 'input.indicatorCode').trim().toUpperCase();
    const field = indicatorsInput.text(input.field, 'input.field').trim();
    if (!(SETTABLE_PATHS as readonly string[]).includes(field))
      throw IndicatorsError.invalid('input.field', `expected one of ${SETTABLE_PATHS.join(', ')}`);
    const source = indicatorsInput.text(input.source, 'input.source').trim();
    const versions = this.data.catalogues
      .filter((c) => c.code === catalogue)
      .flatMap((c) => c.indicators.filter((i) => i.code === code));
    if (versions.length === 0)
      throw IndicatorsError.invalid('input.indicatorCode', `${code} is no indicator of the catalogue ${catalogue}`);
    for (const indicator of versions) {
      try {
        withStructureValues(indicator, [{ path: field as SettablePath, value: input.value, source }]);
      } catch (error) {
        throw error instanceof IndicatorsError ? IndicatorsError.invalid(inputFieldOf(error), reasonOf(error)) : error;
      }
    }

    return this.transactions.run(async () => {
      const before = await this.inputs.settingForUpdate(structureId, catalogue, code, field);
      const now = this.clock.now();
      const setting: StructureSetting = {
        catalogue,
        indicatorCode: code,
        field,
        value: input.value,
        source,
        setBy: user.memberId,
        setAt: now,
      };
      const change: SettingChange = {
        catalogue,
        indicatorCode: code,
        field,
        oldValue: before?.value ?? null,
        oldSource: before?.source ?? null,
        newValue: input.value,
        source,
        changedBy: user.memberId,
        changedAt: now,
      };
      await this.inputs.saveSetting(structureId, setting, change);
      return setting;
    });
  }
}

/** The domain names `values[0].value`; the caller sent `input.value`. */
function inputFieldOf(error: IndicatorsError): string {
  const path = (error.field ?? '').replace(/^values\[0\]\./, '');
  return `input.${path === 'path' ? 'field' : path || 'field'}`;
}

const reasonOf = (error: IndicatorsError) => error.message.slice(error.message.indexOf(': ') + 2);

/**
 * The values a structure set and every change of them, oldest first. Administrators and coordinators of the structure
 * read them; anyone outside it gets NOT_FOUND.
 */
@Injectable()
export class IndicatorSettingsQuery {
  constructor(private readonly inputs: IndicatorInputsRepository) {}

  /** The structure's practitioners read them too: they are the objectives their own figures are measured against. */
  settings(user: UserContext, structureId: string): Promise<StructureSetting[]> {
    return this.inputs.settings(this.reader(user, structureId, ['administrator', 'coordinator', 'practitioner']));
  }

  /** Who changed what, and the values before: the structure's administrators and coordinators only. */
  auditTrail(user: UserContext, structureId: string, indicatorCode: string | null): Promise<SettingChange[]> {
    const id = this.reader(user, structureId, ['administrator', 'coordinator']);
    const code = indicatorCode ? indicatorsInput.text(indicatorCode, 'indicatorCode').trim().toUpperCase() : null;
    return this.inputs.auditTrail(id, code);
  }

  private reader(user: UserContext, structureId: string, roles: Parameters<typeof assertStructureAccess>[2]): string {
    const id = indicatorsInput.uuid(structureId, 'structureId');
    const unseen = IndicatorsError.notFound('Structure', 'structureId');
    assertStructureAccess(user, id, roles, unseen);
    return id;
  }
}
