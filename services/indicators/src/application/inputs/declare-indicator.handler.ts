import { Injectable } from '@nestjs/common';
import type { UserContext } from '@msp/auth';
import { TransactionRunner } from '@msp/persistence';
import { Clock } from '@msp/service-kit';
import { parseImportPeriod } from '../../domain/import/import-period';
import { IndicatorsError } from '../../domain/indicators-error';
import { type IndicatorInput, IndicatorInputsRepository } from '../ports/indicator-inputs.repository';
import { administeredStructure, indicatorsInput, StructureIndicators } from './structure-indicators';

export interface DeclareIndicatorInput {
  structureId: string;
  indicatorCode: string;
  /** "2026", "2026-T1" or "2026-03", as imports name periods. */
  period: string;
  /** A yes/no indicator: 1 (met) or 0; a count: the number declared. */
  value: number;
  /** The document that proves it (minutes of the meeting, signed project, charter…): required. */
  evidenceReference: string;
}

/**
 * Declares the structure's value of a declarative indicator (ACI prerequisites and other yes/no criteria) with the
 * reference of its evidence. It replaces what was held for that indicator and period, imported or declared.
 */
@Injectable()
export class DeclareIndicatorHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly inputs: IndicatorInputsRepository,
    private readonly structure: StructureIndicators,
    private readonly clock: Clock,
  ) {}

  async execute(user: UserContext, input: DeclareIndicatorInput): Promise<IndicatorInput> {
    const structureId = administeredStructure(user, input.structureId);
    const period = parseImportPeriod(indicatorsInput.text(input.period, 'input.period'));
    if (!period)
      throw IndicatorsError.invalid('input.period', 'expected a year (2026), a quarter (2026-T1) or a month');
    const code = indicatorsInput.text(input.indicatorCode, 'input.indicatorCode').trim().toUpperCase();
    const indicator = this.structure.lookup()(code, period);
    if (!indicator)
      throw IndicatorsError.invalid(
        'input.indicatorCode',
        `${code} is no indicator of a catalogue in force over ${period.label}`,
      );
    if (!indicator.declarative.value)
      throw IndicatorsError.invalid('input.indicatorCode', `${code} is not declarative: it is computed or imported`);
    const evidence = indicatorsInput.text(input.evidenceReference, 'input.evidenceReference').trim();
    if (evidence === '') throw IndicatorsError.invalid('input.evidenceReference', 'name the document that proves it');
    const value = input.value;
    if (!Number.isFinite(value) || value < 0) throw IndicatorsError.invalid('input.value', 'must be a number ≥ 0');
    if (indicator.unit === 'boolean' && value !== 0 && value !== 1)
      throw IndicatorsError.invalid('input.value', `${code} is yes/no: 1 (met) or 0 (not met)`);
    if (indicator.unit === 'rate')
      throw IndicatorsError.invalid('input.indicatorCode', `${code} is a rate: import its numerator and denominator`);

    const declared: IndicatorInput = {
      structureId,
      practitionerId: null,
      indicatorCode: indicator.code,
      period: period.label,
      periodStart: period.start,
      periodEnd: period.end,
      catalogue: { code: indicator.catalogue.code, version: indicator.catalogue.version },
      numerator: indicator.unit === 'boolean' ? null : value,
      denominator: null,
      flag: indicator.unit === 'boolean' ? value === 1 : null,
      origin: 'declared',
      file: null,
      evidenceReference: evidence,
      recordedBy: user.memberId,
      recordedAt: this.clock.now(),
    };
    await this.transactions.run(async () => {
      await this.inputs.upsert([declared]);
      await this.structure.announceInputs(structureId, [declared], declared.recordedAt);
    });
    return declared;
  }
}
