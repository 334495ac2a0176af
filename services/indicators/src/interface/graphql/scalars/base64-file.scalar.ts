import { type CustomScalar, Scalar } from '@nestjs/graphql';
import { Kind, type ValueNode } from 'graphql';

/**
 * A file's bytes in base64, held in a private field of an object rather than as a string: the platform's argument
 * checks bound every text they can reach to 2,000 characters, which a file is not. Its size and alphabet are checked
 * by the import handler, which names the field.
 */
export class Base64File {
  readonly #text: string | null;

  /** `null`: the caller sent something else than text, which the handler refuses naming the field. */
  constructor(text: string | null) {
    this.#text = text;
  }

  get text(): string | null {
    return this.#text;
  }
}

/** Registered as a provider: the federation driver rebuilds the schema from its SDL and the scalars it is given. */
@Scalar('Base64File', () => Base64File)
export class Base64FileScalar implements CustomScalar<string, Base64File> {
  description = 'A file’s bytes in base64';

  parseValue(value: unknown): Base64File {
    // Refused by the handler, not here: a coercion error would leave the subgraph as HTTP 400, which the gateway
    // cannot tell from a fault, where a domain error names the field.
    return new Base64File(typeof value === 'string' ? value : null);
  }

  serialize(value: unknown): string {
    return (value as Base64File).text ?? '';
  }

  parseLiteral(ast: ValueNode): Base64File {
    return new Base64File(ast.kind === Kind.STRING ? ast.value : null);
  }
}
