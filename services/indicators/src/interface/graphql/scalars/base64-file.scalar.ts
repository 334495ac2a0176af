import { type CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, type ValueNode } from 'graphql';

/**
 * A file's bytes in base64, held in a private field of an object rather than as a string: the platform's argument
 * checks bound every text they can reach to 2,000 characters, which a file is not. Its size and alphabet are checked
 * by the import handler, which names the field.
 */
export class Base64File {
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  get text(): string {
    return this.#text;
  }
}

/** Registered as a provider: the federation driver rebuilds the schema from its SDL and the scalars it is given. */
@Scalar('Base64File', () => Base64File)
export class Base64FileScalar implements CustomScalar<string, Base64File> {
  description = 'A file’s bytes in base64';

  parseValue(value: unknown): Base64File {
    if (typeof value !== 'string') throw new GraphQLError('Base64File: expected the file’s bytes in base64');
    return new Base64File(value);
  }

  serialize(value: unknown): string {
    return (value as Base64File).text;
  }

  parseLiteral(ast: ValueNode): Base64File {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Base64File: expected the file’s bytes in base64');
    return new Base64File(ast.value);
  }
}
