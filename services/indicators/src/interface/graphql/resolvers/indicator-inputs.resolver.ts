import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type UserContext } from '@msp/auth';
import { DeclareIndicatorHandler } from '../../../application/inputs/declare-indicator.handler';
import { ImportIndicatorValuesHandler } from '../../../application/inputs/import-indicator-values.handler';
import {
  IndicatorSettingsQuery,
  SetIndicatorValueHandler,
} from '../../../application/inputs/set-indicator-value.handler';
import {
  DeclareIndicatorInputType,
  ImportIndicatorValuesInputType,
  SetIndicatorValueInputType,
} from '../inputs/indicator-inputs.inputs';
import {
  DeclaredIndicatorType,
  IndicatorImportResultType,
  IndicatorSettingChangeType,
  IndicatorSettingType,
} from '../types/indicator-inputs.types';

/** What administrators give beside the events: imported files, declarations with evidence, catalogue values set. */
@Resolver()
export class IndicatorInputsResolver {
  constructor(
    private readonly importer: ImportIndicatorValuesHandler,
    private readonly declarer: DeclareIndicatorHandler,
    private readonly setter: SetIndicatorValueHandler,
    private readonly settings: IndicatorSettingsQuery,
  ) {}

  @Mutation(() => IndicatorImportResultType, {
    description: 'Imports numerators and denominators from a CSV file (docs/indicators-import.md): all or nothing',
  })
  importIndicatorValues(
    @CurrentUser() user: UserContext,
    @Args('input') input: ImportIndicatorValuesInputType,
  ): Promise<IndicatorImportResultType> {
    return this.importer.execute(user, { ...input, csvBase64: input.csvBase64.text });
  }

  @Mutation(() => DeclaredIndicatorType, { description: 'Declares a declarative indicator with its evidence' })
  async declareIndicator(
    @CurrentUser() user: UserContext,
    @Args('input') input: DeclareIndicatorInputType,
  ): Promise<DeclaredIndicatorType> {
    const declared = await this.declarer.execute(user, input);
    return {
      structureId: declared.structureId,
      indicatorCode: declared.indicatorCode,
      period: declared.period,
      value: declared.numerator,
      met: declared.flag,
      evidenceReference: declared.evidenceReference ?? '',
      provenance: declared.origin,
      recordedBy: declared.recordedBy,
      recordedAt: declared.recordedAt,
    };
  }

  @Mutation(() => IndicatorSettingType, {
    description: 'Sets a catalogue value marked "à compléter" for the structure, with its source (audited)',
  })
  async setIndicatorValue(
    @CurrentUser() user: UserContext,
    @Args('input') input: SetIndicatorValueInputType,
  ): Promise<IndicatorSettingType> {
    return { ...(await this.setter.execute(user, input)), provenance: 'set' };
  }

  @Query(() => [IndicatorSettingType], { description: 'The catalogue values the structure set' })
  async indicatorSettings(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
  ): Promise<IndicatorSettingType[]> {
    return (await this.settings.settings(user, structureId)).map((s) => ({ ...s, provenance: 'set' }));
  }

  @Query(() => [IndicatorSettingChangeType], { description: 'Every change of the values the structure set' })
  indicatorSettingsAudit(
    @CurrentUser() user: UserContext,
    @Args('structureId', { type: () => ID }) structureId: string,
    @Args('indicatorCode', { type: () => String, nullable: true }) indicatorCode?: string | null,
  ): Promise<IndicatorSettingChangeType[]> {
    return this.settings.auditTrail(user, structureId, indicatorCode ?? null);
  }
}
