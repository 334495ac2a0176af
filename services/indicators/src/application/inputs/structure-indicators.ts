import { Injectable } from '@nestjs/common';
import { assertStructureAccess, type UserContext } from '@msp/auth';
import { inputChecks } from '@msp/errors';
import type { IndicatorDefinition } from '../../domain/catalogue-loader';
import { IndicatorsError, IndicatorsErrorCode } from '../../domain/indicators-error';
import { parsePeriod, type Period } from '../../domain/period';
import { combineValues, score, type IndicatorValues, type Score } from '../../domain/scoring';
import { isConfirmed, SETTABLE_PATHS, withStructureValues, type SettablePath } from '../../domain/structure-values';
import { indicatorsInForce } from '../../domain/import/indicator-lookup';
import { IndicatorAnnouncer, type ScoredIndicator } from '../announcements/indicator-announcer';
import { IndicatorData } from '../indicator-data';
import {
  type IndicatorInput,
  IndicatorInputsRepository,
  type Provenance,
  type StructureSetting,
} from '../ports/indicator-inputs.repository';

export const indicatorsInput = inputChecks(IndicatorsErrorCode.InvalidInput);

/** A score with where its values come from and the structure's settings it was scored with. */
export interface ScoredValue {
  indicator: IndicatorDefinition;
  values: IndicatorValues;
  score: Score;
  provenance: Exclude<Provenance, 'set'>;
  /** The latest imported or declared row behind it; `null` when computed. */
  record: IndicatorInput | null;
  settings: StructureSetting[];
}

/** The structure id checked, for an administrator of it; anyone outside it is told the structure does not exist. */
export function administeredStructure(user: UserContext, structureId: string): string {
  const id = indicatorsInput.uuid(structureId, 'input.structureId');
  assertStructureAccess(user, id, ['administrator'], IndicatorsError.notFound('Structure', 'input.structureId'));
  return id;
}

/**
 * What a structure adds to the catalogue and the events: the values its administrator set (applied with
 * `withStructureValues`, so a confirmed value is never overridden), and the numerators and denominators imported or
 * declared for a period, scored like the computed ones.
 */
@Injectable()
export class StructureIndicators {
  constructor(
    private readonly inputs: IndicatorInputsRepository,
    private readonly data: IndicatorData,
    private readonly announcer: IndicatorAnnouncer,
  ) {}

  /** The catalogue lookup imports and declarations validate against. */
  readonly lookup = () => indicatorsInForce(this.data.catalogues);

  /** A function giving each indicator as the structure scores it. */
  async settingsOf(structureId: string): Promise<(indicator: IndicatorDefinition) => ScoredSettings> {
    const settings = await this.inputs.settings(structureId);
    return (indicator) => {
      const own = settings.filter(
        (s) =>
          s.catalogue === indicator.catalogue.code &&
          s.indicatorCode === indicator.code &&
          (SETTABLE_PATHS as readonly string[]).includes(s.field) &&
          // A later catalogue version may confirm what the structure had to set: the confirmed value wins.
          !isConfirmed(indicator, s.field as SettablePath),
      );
      const applied = withStructureValues(
        indicator,
        own.map((s) => ({ path: s.field as SettablePath, value: s.value, source: s.source })),
      );
      return { indicator: applied, settings: own };
    };
  }

  /** Scores computed on the catalogue, scored again with the objectives and values the structure set, if any. */
  async withSettings(
    structureId: string,
    practitionerId: string | null,
    scored: readonly ScoredIndicator[],
  ): Promise<ScoredValue[]> {
    const apply = await this.settingsOf(structureId);
    const scope = practitionerId ? ('practitioner' as const) : ('structure' as const);
    return scored.map(({ indicator, values, score: computed }): ScoredValue => {
      const { indicator: applied, settings } = apply(indicator);
      const rescored = settings.length > 0 ? score(applied, values, { scope, period: computed.period }) : computed;
      return { indicator: applied, values, score: rescored, provenance: 'computed', record: null, settings };
    });
  }

  /**
   * Announces the values imported or declared that moved (and the objectives they reached or lost), per practitioner
   * and period, in the caller's transaction: importing the same file twice announces nothing the second time.
   */
  async announceInputs(structureId: string, rows: readonly IndicatorInput[], now: Date): Promise<void> {
    const groups = new Map<string, { practitionerId: string | null; period: string; codes: Set<string> }>();
    for (const row of rows) {
      const key = `${row.practitionerId ?? ''}|${row.period}`;
      const group = groups.get(key) ?? { practitionerId: row.practitionerId, period: row.period, codes: new Set() };
      group.codes.add(row.indicatorCode);
      groups.set(key, group);
    }
    for (const { practitionerId, period, codes } of groups.values()) {
      const stored = await this.storedScores(structureId, parsePeriod(period, 'period'), practitionerId);
      const moved = stored.filter((s) => codes.has(s.indicator.code));
      await this.announcer.announce(structureId, practitionerId, period, moved, now);
    }
  }

  /** Imported and declared values over exactly this period, scored per practitioner or for the structure. */
  async storedScores(structureId: string, period: Period, practitionerId: string | null): Promise<ScoredValue[]> {
    const rows = await this.inputs.ofPeriod(structureId, period.start, period.end, practitionerId);
    const apply = await this.settingsOf(structureId);
    const byIndicator = new Map<string, IndicatorInput[]>();
    for (const row of rows) byIndicator.set(row.indicatorCode, [...(byIndicator.get(row.indicatorCode) ?? []), row]);
    const lookup = this.lookup();
    const scored: ScoredValue[] = [];
    for (const [code, group] of byIndicator) {
      const found = lookup(code, { label: period.code, start: period.start, end: period.end });
      if (!found) continue;
      const { indicator, settings } = apply(found);
      const values = combined(indicator, group);
      const latest = group.reduce((a, b) => (b.recordedAt > a.recordedAt ? b : a));
      const scope = practitionerId ? ('practitioner' as const) : ('structure' as const);
      scored.push({
        indicator,
        values,
        score: score(indicator, values, { scope, period: { start: period.start, end: period.end } }),
        provenance: latest.origin,
        record: latest,
        settings,
      });
    }
    return scored;
  }
}

export interface ScoredSettings {
  indicator: IndicatorDefinition;
  settings: StructureSetting[];
}

/** One practitioner's row as it is; several practitioners' summed (a rate over the sums, a yes/no only if all say yes). */
function combined(indicator: IndicatorDefinition, rows: readonly IndicatorInput[]): IndicatorValues {
  const one = (r: IndicatorInput): IndicatorValues =>
    r.flag !== null ? { value: r.flag } : { numerator: r.numerator, denominator: r.denominator };
  if (rows.length === 1) return one(rows[0]);
  if (indicator.unit === 'boolean') return { value: rows.every((r) => r.flag === true) };
  if (indicator.unit === 'rate') return combineValues(rows.map(one));
  return { numerator: rows.reduce((sum, r) => sum + (r.numerator ?? 0), 0), denominator: null };
}
