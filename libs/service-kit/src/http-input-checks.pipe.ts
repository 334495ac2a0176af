import { type ArgumentMetadata, Inject, Injectable, type PipeTransform } from '@nestjs/common';
import { invalidInput, textProblem } from '@msp/errors';
import { PLATFORM_SERVICE_NAME } from './platform-exception.filter';

/**
 * The HTTP routes' counterpart of the GraphQL argument checks (internal API, public pages): every text in a body,
 * query string or path parameter must be storable (no NUL byte, bounded length), refused with its path (`patient.lastName`)
 * before PostgreSQL fails on it. Ids and formats stay the handlers' business: HTTP has no schema saying what is an ID.
 */
@Injectable()
export class HttpInputChecksPipe implements PipeTransform {
  private readonly invalidCode: string;

  constructor(@Inject(PLATFORM_SERVICE_NAME) serviceName: string) {
    this.invalidCode = `${serviceName.toUpperCase()}.INVALID_INPUT`;
  }

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param')
      this.check(value, metadata.data ?? '', 0);
    return value;
  }

  private check(value: unknown, path: string, depth: number): void {
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) throw invalidInput(this.invalidCode, path || 'body', problem);
    } else if (Array.isArray(value) && depth < 10) {
      value.forEach((item, i) => this.check(item, `${path}[${i}]`, depth + 1));
    } else if (typeof value === 'object' && value !== null && depth < 10) {
      for (const [key, inner] of Object.entries(value)) this.check(inner, path ? `${path}.${key}` : key, depth + 1);
    }
  }
}
