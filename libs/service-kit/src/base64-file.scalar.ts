import { type CustomScalar, Scalar } from '@nestjs/graphql';
import { Kind, type ValueNode } from 'graphql';

/**
 * A file's bytes in base64, held in a private field of an object rather than as a string: the platform's argument
 * checks bound every text they can reach to 2,000 characters, which a file is not. Its size and alphabet are checked
 * by the import handler, which names the field. Shared by the subgraphs that take files (indicators, directory):
 * a subgraph lists `Base64FileScalar` among its providers.
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

/**
 * The bytes of an uploaded file, or why they cannot be read (English, for the handler to put in its invalid-input
 * error on its field): text that is not base64, an empty file, or more than `maxBytes` — checked on the text's length
 * before decoding, so an oversized upload is refused without being decoded.
 */
export function base64FileBytes(text: string | null, maxBytes: number): Uint8Array | string {
  if (text === null) return 'expected the file’s bytes in base64 text';
  const compact = text.replace(/\s+/g, '');
  const tooLarge = `the file exceeds ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB`;
  // Four characters of base64 are three bytes.
  if (Math.floor((compact.length * 3) / 4) > maxBytes + 2) return tooLarge;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return 'expected the file’s bytes in base64';
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > maxBytes) return tooLarge;
  if (bytes.length === 0) return 'the file is empty';
  return bytes;
}
