import type { Catalogue } from '../domain/catalogue-loader';
import type { TimeFreedParameters } from '../domain/time-freed';

/** The catalogues and time-freed parameters read from the service's data files at boot (validated once). */
export class IndicatorData {
  constructor(
    readonly catalogues: readonly Catalogue[],
    readonly timeFreedParameters: TimeFreedParameters,
  ) {}
}
