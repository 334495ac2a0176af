import { inspect } from 'node:util';

const MASK = '[masked]';

/** A credential read from the environment: shown masked by JSON, string conversion and `util.inspect` alike. */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The actual value, for the one call that signs or verifies with it. */
  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return MASK;
  }

  toString(): string {
    return MASK;
  }

  [inspect.custom](): string {
    return `Secret(${MASK})`;
  }
}
