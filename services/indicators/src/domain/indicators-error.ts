import { DomainError, type ErrorKind } from '@msp/errors';

/** Every way an indicators operation can be refused; the platform's filters answer them by kind. */
export enum IndicatorsErrorCode {
  InvalidInput = 'INDICATORS.INVALID_INPUT',
  NotFound = 'INDICATORS.NOT_FOUND',
  /** A catalogue or parameters data file breaks its schema or a catalogue rule: a deployment fault, named by file and path. */
  InvalidCatalogue = 'INDICATORS.INVALID_CATALOGUE',
}

function kindOf(code: IndicatorsErrorCode): ErrorKind {
  switch (code) {
    case IndicatorsErrorCode.InvalidInput:
    case IndicatorsErrorCode.InvalidCatalogue:
      return 'invalid';
    case IndicatorsErrorCode.NotFound:
      return 'not_found';
  }
}

/** One problem of a data file: the file, the path inside it (`indicators[3].objectives.target.value`) and the reason. */
export interface CatalogueProblem {
  file: string;
  path: string;
  message: string;
}

export class IndicatorsError extends DomainError {
  constructor(
    override readonly code: IndicatorsErrorCode,
    message: string,
    /** The input field at fault, as the client named it (e.g. `values.denominator`). */
    field?: string,
    /** For an invalid catalogue: every problem found, not only the first. */
    readonly problems: readonly CatalogueProblem[] = [],
  ) {
    super(kindOf(code), code, message, field);
  }

  static invalid(field: string, reason: string): IndicatorsError {
    return new IndicatorsError(IndicatorsErrorCode.InvalidInput, `${field}: ${reason}`, field);
  }

  /** Also what a caller outside the structure gets: another structure's indicators are not said to exist. */
  static notFound(what: string, field?: string): IndicatorsError {
    return new IndicatorsError(IndicatorsErrorCode.NotFound, `${what} not found`, field);
  }

  static invalidCatalogue(problems: readonly CatalogueProblem[]): IndicatorsError {
    const lines = problems.map((p) => `${p.file} ${p.path || '(root)'}: ${p.message}`);
    return new IndicatorsError(
      IndicatorsErrorCode.InvalidCatalogue,
      `Invalid indicator data (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n${lines.join('\n')}`,
      problems[0]?.path,
      problems,
    );
  }
}
